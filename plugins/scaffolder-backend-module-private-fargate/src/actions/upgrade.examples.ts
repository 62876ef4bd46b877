import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown at /create/actions; upgrade.test.ts runs each one. */
export const examples: TemplateExample[] = [
  {
    description:
      "Fetch a generated repository, upgrade it to the template's current version and open a pull request with the summary",
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          name: 'Fetch the repository',
          action: 'fetch:plain',
          input: { url: '${{ parameters.repoUrl }}' },
        },
        {
          id: 'upgrade',
          name: 'Upgrade to the new template version',
          action: 'private-fargate:upgrade',
          input: { targetVersion: '${{ parameters.targetVersion }}' },
        },
        {
          id: 'pull-request',
          name: 'Open a pull request',
          action: 'publish:github:pull-request',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            branchName: 'private-fargate/upgrade-${{ steps.upgrade.output.toVersion }}',
            title: 'Template upgrade to ${{ steps.upgrade.output.toVersion }}',
            description: '${{ steps.upgrade.output.summary }}',
          },
        },
      ],
    }),
  },
  {
    description: 'Upgrade to version 2.0.0, giving a value for a parameter that version adds',
    example: yaml.stringify({
      steps: [
        {
          id: 'upgrade',
          name: 'Upgrade',
          action: 'private-fargate:upgrade',
          input: { targetVersion: '2.0.0', values: { logRetentionDays: 90 } },
        },
      ],
    }),
  },
];
