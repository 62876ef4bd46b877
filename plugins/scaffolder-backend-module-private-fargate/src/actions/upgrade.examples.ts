import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown at /create/actions. */
export const examples: TemplateExample[] = [
  {
    description:
      "Upgrade a service's repository, fetched from its source location, to the template's current version and open a pull request with the summary",
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          name: 'Fetch the repository',
          action: 'fetch:plain',
          input: {
            url: 'https://github.com/acme/payments-api/tree/main/',
          },
        },
        {
          id: 'upgrade',
          name: 'Upgrade to the current template',
          action: 'private-fargate:upgrade',
          input: {
            sourceLocation:
              'url:https://github.com/acme/payments-api/tree/main/',
          },
        },
        {
          id: 'pull-request',
          name: 'Open the pull request',
          if: '${{ not steps.upgrade.output.upToDate }}',
          action: 'publish:github:pull-request',
          input: {
            repoUrl: '${{ steps.upgrade.output.repoUrl }}',
            targetPath: '${{ steps.upgrade.output.repoPath }}',
            branchName: '${{ steps.upgrade.output.branchName }}',
            title: '${{ steps.upgrade.output.title }}',
            description: '${{ steps.upgrade.output.summary }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Upgrade to a given version, giving a value for a parameter that version adds',
    example: yaml.stringify({
      steps: [
        {
          id: 'upgrade',
          name: 'Upgrade to 1.2.0',
          action: 'private-fargate:upgrade',
          input: {
            targetVersion: '1.2.0',
            values: { logRetentionDays: 90 },
          },
        },
      ],
    }),
  },
];
