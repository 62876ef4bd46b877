import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown at /create/actions; plan.examples.test.ts runs each one. */
export const examples: TemplateExample[] = [
  {
    description:
      'Plan the endpoints of a Tokyo service that pulls from ECR and logs with awslogs',
    example: yaml.stringify({
      steps: [
        {
          action: 'private-fargate:plan',
          id: 'plan',
          name: 'Plan VPC endpoints',
          input: {
            requirements: { region: 'ap-northeast-1' },
          },
        },
      ],
    }),
  },
  {
    description:
      "Plan with ECS Exec, the container's secrets (the stores come from their ARNs), an application bucket and three zones",
    example: yaml.stringify({
      steps: [
        {
          action: 'private-fargate:plan',
          id: 'plan',
          name: 'Plan VPC endpoints',
          input: {
            requirements: {
              region: 'eu-west-1',
              exec: { enabled: true },
              applicationBuckets: ['acme-orders-data'],
            },
            containerSecrets: [
              {
                name: 'DB_PASSWORD',
                valueFrom:
                  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db-AbCdEf',
              },
              {
                name: 'API_KEY',
                valueFrom:
                  'arn:aws:ssm:eu-west-1:123456789012:parameter/orders/api-key',
              },
            ],
            availabilityZones: 3,
            trafficGbPerMonth: 50,
          },
        },
      ],
    }),
  },
];
