import {
  AuthService,
  DiscoveryService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createActionWithInlineSchema } from './createActionWithInlineSchema';
import yaml from 'yaml';
import { resolveWorkspaceFolder } from '../files/workspaceFolder';
import { createCatalogTemplateRenderer } from '../upgrade/catalogTemplateRenderer';
import { pullRequestTarget } from '../upgrade/pullRequestTarget';
import { RECORD_PATH } from '../upgrade/record';
import { upgradeRepository } from '../upgrade/upgradeRepository';
import { examples } from './upgrade.examples';

function valuesInput(
  values: string | Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (typeof values !== 'string') return values ?? {};
  if (!values.trim()) return {};
  let parsed: unknown;
  try {
    parsed = yaml.parse(values);
  } catch (error) {
    throw new InputError(
      `values: not valid YAML (${
        (error as Error).message
      }); write one "name: value" per line, e.g. logRetentionDays: 90`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(
      'values: must be "name: value" lines (a YAML mapping), e.g. logRetentionDays: 90',
    );
  }
  return parsed as Record<string, unknown>;
}

/** Creates `private-fargate:upgrade`, which moves a generated repository to a newer template version. */
export function createUpgradeAction(options: {
  catalog: CatalogService;
  reader: UrlReaderService;
  integrations: ScmIntegrations;
  auth: AuthService;
  discovery: DiscoveryService;
}) {
  return createActionWithInlineSchema({
    id: 'private-fargate:upgrade',
    description: `Upgrades a repository generated from one of our templates (it holds ${RECORD_PATH}) to the template's current version: re-renders the recorded inputs through the scaffolder's dry run, updates the files the team did not edit, never overwrites an edit (the new version goes beside it as a conflict), deletes only unedited files the template no longer writes, leaves every other file alone, and rewrites the record. Outputs a Markdown summary for the pull request.`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        targetPath: z =>
          z
            .string()
            .default('.')
            .describe(
              `Folder of the workspace that holds the repository (and its ${RECORD_PATH})`,
            ),
        targetVersion: z =>
          z
            .string()
            .optional()
            .describe(
              "Version to move to, e.g. 1.2.0; defaults to the template's current version in the catalog",
            ),
        values: z =>
          z
            .union([z.record(z.unknown()), z.string()])
            .default({})
            .describe(
              'Values for parameters the new version adds; they override recorded ones. An object, or YAML text of one (from a form field)',
            ),
        sourceLocation: z =>
          z
            .string()
            .optional()
            .describe(
              "The entity's backstage.io/source-location; when given, the action outputs repoUrl and repoPath for publish:github:pull-request",
            ),
      },
      output: {
        summary: z =>
          z
            .string()
            .describe('What changed, as Markdown: the pull request body'),
        upToDate: z => z.boolean().describe('True when no file changed'),
        fromVersion: z => z.string().describe('The recorded version'),
        toVersion: z =>
          z.string().describe('The version the repository is at now'),
        changedFiles: z =>
          z
            .array(z.string())
            .describe('Paths written or deleted, the record included'),
        conflicts: z =>
          z
            .array(z.string())
            .describe(
              'Generated files the team edited that the template also changed',
            ),
        deletedFiles: z =>
          z
            .array(z.string())
            .describe(
              "Files deleted because the template no longer writes them: publish:github:pull-request's filesToDelete",
            ),
        title: z => z.string().describe('A pull request title'),
        branchName: z =>
          z.string().describe('A branch name for the pull request'),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'With sourceLocation: the repository, as publish actions take it',
            ),
        repoPath: z =>
          z
            .string()
            .optional()
            .describe(
              "With sourceLocation: the entity's folder in that repository",
            ),
      },
    },
    async handler(ctx) {
      // A dry run hands inputs over without applying the schema's defaults.
      const target = ctx.input.sourceLocation
        ? pullRequestTarget(
            ctx.input.sourceLocation,
            options.integrations,
            'sourceLocation',
          )
        : undefined;
      const credentials = await ctx.getInitiatorCredentials();
      const renderer = createCatalogTemplateRenderer({
        catalog: options.catalog,
        reader: options.reader,
        integrations: options.integrations,
        credentials,
        scaffolder: async () => ({
          baseUrl: await options.discovery.getBaseUrl('scaffolder'),
          token: (
            await options.auth.getPluginRequestToken({
              onBehalfOf: credentials,
              targetPluginId: 'scaffolder',
            })
          ).token,
        }),
      });
      const result = await upgradeRepository({
        folder: resolveWorkspaceFolder(
          ctx.workspacePath,
          ctx.input.targetPath ?? '.',
          '. (the folder fetch:plain wrote to)',
        ),
        renderer,
        targetVersion: ctx.input.targetVersion,
        values: valuesInput(ctx.input.values),
      });
      const { summary } = result;
      const conflicts = summary.conflicts.map(c => c.path);
      ctx.logger.info(
        summary.upToDate
          ? `${summary.template} is up to date at ${summary.toVersion}`
          : `${summary.template} ${summary.fromVersion} -> ${
              summary.toVersion
            }: ${result.changedPaths.length} paths changed, ${
              conflicts.length
            } conflicts${conflicts.length ? ` (${conflicts.join(', ')})` : ''}`,
      );
      ctx.output('summary', result.markdown);
      ctx.output('upToDate', summary.upToDate);
      ctx.output('fromVersion', summary.fromVersion);
      ctx.output('toVersion', summary.toVersion);
      ctx.output('changedFiles', result.changedPaths);
      ctx.output('conflicts', conflicts);
      ctx.output('deletedFiles', summary.deleted);
      ctx.output(
        'title',
        `Upgrade to ${summary.template} template ${summary.toVersion}${
          conflicts.length ? ` (${conflicts.length} conflicts to merge)` : ''
        }`,
      );
      ctx.output(
        'branchName',
        `private-fargate/upgrade-${summary.template}-${summary.toVersion}`,
      );
      if (target) {
        ctx.output('repoUrl', target.repoUrl);
        ctx.output('repoPath', target.repoPath);
      }
    },
  });
}
