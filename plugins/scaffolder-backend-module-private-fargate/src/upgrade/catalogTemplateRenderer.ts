import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  fetchContents,
  serializeDirectoryContents,
} from '@backstage/plugin-scaffolder-node';
import { templateEntityRef } from '@private-fargate/plugin-private-fargate-common';
import { requestDryRun } from '../dryRun';
import { changelogOf } from './changelog';
import { RenderedTemplate, RenderRequest, TemplateRenderer } from './renderer';
import { renderTemplateVersion } from './renderTemplateVersion';
import { TEMPLATE_VERSION_ANNOTATION } from './version';

/**
 * Where the scaffolder reads a template's files from, as it does itself:
 * the entity's source location, else the location it was registered from.
 */
function templateBaseUrl(entity: Entity): string | undefined {
  const location =
    entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION] ??
    entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!location) return undefined;
  const { type, target } = parseLocationRef(location);
  if (type === 'url') return target;
  if (type === 'file') return `file://${target}`;
  return undefined;
}

async function readTemplateFiles(options: {
  baseUrl: string;
  reader: UrlReaderService;
  integrations: ScmIntegrations;
}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-fargate-'));
  try {
    await fetchContents({ ...options, fetchUrl: '.', outputPath: dir });
    return await serializeDirectoryContents(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Renders templates the way the portal runs them: the Template entity from the
 * catalog, its files from where the catalog found it, and the scaffolder's own
 * dry run, called on behalf of the user who started the upgrade.
 */
export function createCatalogTemplateRenderer(options: {
  catalog: CatalogService;
  reader: UrlReaderService;
  integrations: ScmIntegrations;
  credentials: BackstageCredentials;
  /** The scaffolder's base URL and a token for it, on behalf of `credentials`. */
  scaffolder(): Promise<{ baseUrl: string; token?: string }>;
  /** Where the catalog keeps the templates. */
  namespace?: string;
}): TemplateRenderer {
  const namespace = options.namespace ?? 'default';
  return {
    async render(request: RenderRequest): Promise<RenderedTemplate> {
      const ref = templateEntityRef(request.templateName, namespace);
      const entity = await options.catalog.getEntityByRef(ref, {
        credentials: options.credentials,
      });
      if (!entity) {
        throw new InputError(
          `template ${request.templateName} is not in the catalog (looked for ${ref}); register the template, or check that you may read it`,
        );
      }
      const version =
        entity.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION];
      if (!version) {
        throw new InputError(
          `${ref} has no ${TEMPLATE_VERSION_ANNOTATION} annotation; add it to the template's metadata`,
        );
      }
      if (request.targetVersion && request.targetVersion !== version) {
        throw new InputError(
          `target version ${request.targetVersion}: the catalog holds ${request.templateName}@${version}, and only the catalog's version can be rendered; leave the target version empty or register version ${request.targetVersion}`,
        );
      }
      const baseUrl = templateBaseUrl(entity);
      if (!baseUrl) {
        throw new InputError(
          `${ref} has no url or file location to read its files from; register it from a location the scaffolder can read`,
        );
      }
      const template: TemplateEntityV1beta3 = {
        apiVersion: entity.apiVersion,
        kind: entity.kind,
        metadata: entity.metadata,
        spec: entity.spec,
      } as TemplateEntityV1beta3;

      const files = await readTemplateFiles({
        baseUrl,
        reader: options.reader,
        integrations: options.integrations,
      });
      return renderTemplateVersion({
        template,
        version,
        values: request.values,
        newValuesHint: "in the upgrade's values",
        changelog: changelogOf(files),
        dryRun: async values => {
          const scaffolder = await options.scaffolder();
          return requestDryRun({
            scaffolderBaseUrl: scaffolder.baseUrl,
            token: scaffolder.token,
            template,
            values,
            files,
          });
        },
      });
    },
  };
}
