import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown at /create/actions; module.test.ts dry-runs each one. */
export const examples: TemplateExample[] = [
  {
    description:
      "Record the generated repository (template name and version from the template's annotation) last before publishing, with the requirements as the plan step read them",
    example: yaml.stringify({
      steps: [
        {
          id: 'record',
          name: 'Record the template version',
          action: 'private-fargate:record',
          input: {
            values: '${{ parameters }}',
            requirements: '${{ steps.plan.output.requirements }}',
            availabilityZones: '${{ parameters.privateSubnets | length }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Record a stack written into a folder of an existing repository, leaving a secret value out',
    example: yaml.stringify({
      steps: [
        {
          id: 'record',
          name: 'Record the template version',
          action: 'private-fargate:record',
          input: {
            template: 'vpc-endpoints-baseline@1.0.0',
            targetPath: 'networks/prod-tokyo/endpoints',
            values: { name: 'prod-tokyo-endpoints', region: 'ap-northeast-1' },
            omitValues: ['databasePassword'],
          },
        },
      ],
    }),
  },
];
