import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { listTreeFiles, TreeFile } from './files';
import { RenderedTemplate, RenderRequest, TemplateRenderer } from './renderer';
import { applyParameterDefaults } from './templateDefaults';
import { TEMPLATE_VERSION_ANNOTATION } from './version';

type TemplateEntity = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { parameters?: unknown };
};

const SOURCE_LOCATION = 'backstage.io/source-location';
const MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';

/** The folder a template entity was read from: `url:` through the UrlReader, `file:` from disk. */
async function readTemplateFiles(
  entity: TemplateEntity,
  urlReader: UrlReaderService,
): Promise<TreeFile[]> {
  const annotations = entity.metadata.annotations ?? {};
  const location = annotations[SOURCE_LOCATION] ?? annotations[MANAGED_BY_LOCATION];
  if (location?.startsWith('url:')) {
    const target = location.slice('url:'.length);
    const base = annotations[SOURCE_LOCATION] ? target : new URL('.', target).toString();
    const tree = await urlReader.readTree(base);
    const files = await tree.files();
    return Promise.all(
      files.map(async file => ({ path: file.path, content: await file.content() })),
    );
  }
  if (location?.startsWith('file:')) {
    const file = location.slice('file:'.length);
    return listTreeFiles(path.dirname(path.resolve(file)));
  }
  throw new InputError(
    `template ${entity.metadata.name} has no ${SOURCE_LOCATION} or ${MANAGED_BY_LOCATION} annotation to read its files from; register it from a URL or a file`,
  );
}

/**
 * Renders a template as the portal does: the Template entity from the catalog,
 * its files through the UrlReader, and the scaffolder's own dry-run route,
 * called on behalf of whoever started the upgrade.
 */
export function createScaffolderRenderer(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  urlReader: UrlReaderService;
  credentials: BackstageCredentials;
  namespace?: string;
}): TemplateRenderer {
  const { discovery, auth, credentials } = options;
  const call = async (pluginId: string, route: string, init?: RequestInit) => {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: pluginId,
    });
    const base = await discovery.getBaseUrl(pluginId);
    return fetch(`${base}${route}`, {
      ...init,
      headers: {
        ...init?.headers,
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
    });
  };

  return {
    async render(request: RenderRequest): Promise<RenderedTemplate> {
      const namespace = options.namespace ?? 'default';
      const response = await call(
        'catalog',
        `/entities/by-name/template/${encodeURIComponent(namespace)}/${encodeURIComponent(request.templateName)}`,
      );
      if (response.status === 404) {
        throw new InputError(
          `the record names template ${request.templateName}, which is not in the catalog (template:${namespace}/${request.templateName}); register it or fix the record`,
        );
      }
      if (!response.ok) {
        throw new NotFoundError(
          `could not read template ${request.templateName} from the catalog: ${response.status} ${response.statusText}`,
        );
      }
      const template = (await response.json()) as TemplateEntity;
      const version = template.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION];
      if (!version) {
        throw new InputError(
          `template ${request.templateName} has no ${TEMPLATE_VERSION_ANNOTATION} annotation; add it to the template's metadata`,
        );
      }
      if (request.targetVersion && request.targetVersion !== version) {
        throw new InputError(
          `targetVersion: the catalog holds ${request.templateName}@${version}, not ${request.targetVersion}; leave it empty for the current version`,
        );
      }
      const files = await readTemplateFiles(template, options.urlReader);
      const dryRun = await call('scaffolder', '/v2/dry-run', {
        method: 'POST',
        body: JSON.stringify({
          template,
          values: applyParameterDefaults(template.spec.parameters, request.values),
          directoryContents: files.map(file => ({
            path: file.path,
            base64Content: file.content.toString('base64'),
          })),
        }),
      });
      const body = (await dryRun.json()) as any;
      if (!dryRun.ok) {
        const detail =
          body?.error?.message ??
          (Array.isArray(body?.errors)
            ? body.errors.map((e: any) => e.stack ?? e.message).join('; ')
            : JSON.stringify(body));
        const message = `${request.templateName}@${version} failed to render from the recorded values: ${detail}`;
        throw dryRun.status === 400 ? new InputError(message) : new Error(message);
      }
      return {
        version,
        files: (body.directoryContents ?? []).map((file: any) => ({
          path: file.path,
          content: Buffer.from(file.base64Content, 'base64'),
        })),
      };
    },
  };
}
