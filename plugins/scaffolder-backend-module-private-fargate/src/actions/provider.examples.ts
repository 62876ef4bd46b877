import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown at /create/actions; provider.test.ts runs each one. */
export const examples: TemplateExample[] = [
  {
    description:
      'Read the provider a user picked, then connect to its endpoint service from the consumer VPC',
    example: yaml.stringify({
      steps: [
        {
          id: 'provider',
          name: "Read the provider's endpoint service",
          action: 'private-fargate:provider:fetch',
          input: { entityRef: '${{ parameters.provider }}' },
        },
        {
          id: 'terraform',
          name: 'Write the Terraform',
          action: 'private-fargate:terraform',
          input: {
            targetPath: 'infra',
            serviceName: '${{ parameters.name }}',
            owner: '${{ parameters.owner }}',
            components: ['privatelink-consumer'],
            requirements: { region: '${{ steps.provider.output.region }}' },
            network: {
              vpcId: '${{ parameters.vpcId }}',
              vpcCidr: '${{ parameters.vpcCidr }}',
              privateSubnets: '${{ parameters.subnets }}',
              privateRouteTableIds: '${{ parameters.routeTableIds }}',
            },
            privateLinkConsumer: {
              serviceName: '${{ steps.provider.output.serviceName }}',
              // A port the user gives wins, then the provider's (absent on providers registered
              // before the annotation existed); without either, the default applies, 80.
              port: '${{ parameters.port or steps.provider.output.port }}',
              clientCidrs: '${{ parameters.clientCidrs }}',
            },
          },
        },
      ],
    }),
  },
  {
    description: 'Read a provider named in the template, in its own namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'provider',
          name: "Read the provider's endpoint service",
          action: 'private-fargate:provider:fetch',
          input: { entityRef: 'component:payments/tasks-api' },
        },
      ],
    }),
  },
];
