import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const tokyoNetwork = {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  vpcCidr: '10.0.0.0/16',
  privateSubnets: [
    { id: 'subnet-0a1b2c3d4e5f60711', availabilityZone: 'ap-northeast-1a' },
    { id: 'subnet-0a1b2c3d4e5f60712', availabilityZone: 'ap-northeast-1c' },
  ],
  privateRouteTableIds: ['rtb-0a1b2c3d4e5f60711', 'rtb-0a1b2c3d4e5f60712'],
};

function step(input: Record<string, unknown>, name: string) {
  return yaml.stringify({
    steps: [
      { action: 'private-fargate:terraform', id: 'terraform', name, input },
    ],
  });
}

/** Examples shown at /create/actions; terraform.examples.test.ts runs each one. */
export const examples: TemplateExample[] = [
  {
    description:
      'Endpoints and a Fargate service that pulls from private ECR, with no NAT (scenario 1)',
    example: step(
      {
        serviceName: 'orders',
        owner: 'team-orders',
        components: ['endpoints', 'service'],
        requirements: { region: 'ap-northeast-1', exec: { enabled: true } },
        network: tokyoNetwork,
        service: { cpu: 512, memory: 1024 },
      },
      'Write the Terraform',
    ),
  },
  {
    description:
      'Publish the service to another account through PrivateLink, acceptance required (scenario 5)',
    example: step(
      {
        serviceName: 'tasks-api',
        owner: 'team-platform',
        components: ['endpoints', 'service', 'privatelink-provider'],
        requirements: { region: 'ap-northeast-1' },
        network: tokyoNetwork,
        service: { desiredCount: 2, loadBalancer: { listenerPort: 80 } },
        privateLinkProvider: {
          allowedPrincipals: ['arn:aws:iam::210987654321:root'],
        },
      },
      'Write the provider Terraform',
    ),
  },
  {
    description:
      'An SSM Session Manager bastion that can be switched off with bastion_enabled (scenario 3)',
    example: step(
      {
        serviceName: 'db-access',
        owner: 'team-data',
        components: ['endpoints', 'bastion'],
        requirements: { region: 'ap-northeast-1' },
        network: tokyoNetwork,
        bastion: { targetPorts: [5432] },
      },
      'Write the bastion Terraform',
    ),
  },
  {
    description:
      'A closed environment with a private hosted zone, an inbound resolver and routes to on-premises (scenario 4)',
    example: step(
      {
        serviceName: 'ledger',
        owner: 'team-finance',
        components: ['endpoints', 'service', 'private-dns'],
        requirements: { region: 'ap-northeast-1' },
        network: tokyoNetwork,
        service: { loadBalancer: {} },
        privateDns: {
          zoneName: 'corp.internal',
          inboundResolver: {
            subnetIds: ['subnet-0a1b2c3d4e5f60711', 'subnet-0a1b2c3d4e5f60712'],
            allowedCidrs: ['192.168.0.0/24'],
          },
          onPremisesRoutes: {
            cidrs: ['192.168.0.0/16'],
            virtualPrivateGatewayId: 'vgw-0a1b2c3d4e5f60718',
          },
        },
      },
      'Write the closed-environment Terraform',
    ),
  },
  {
    description:
      "As the template's last step that writes files, then record the repository for later upgrades (in a template, values is usually ${{ parameters }}, and the template name and version come from its private-fargate/template-version annotation)",
    example: step(
      {
        serviceName: 'orders',
        owner: 'team-orders',
        templateVersion: 'private-fargate-service@1.3.0',
        components: ['endpoints', 'service'],
        requirements: { region: 'ap-northeast-1' },
        network: tokyoNetwork,
        service: { cpu: 512, memory: 1024 },
        record: {
          template: 'private-fargate-service@1.3.0',
          values: { name: 'orders', region: 'ap-northeast-1' },
        },
      },
      'Write the Terraform and record the repository',
    ),
  },
];
