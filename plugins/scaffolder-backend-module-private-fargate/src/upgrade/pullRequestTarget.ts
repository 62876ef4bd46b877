import { parseLocationRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';

/** Where `publish:github:pull-request` should open the upgrade's pull request. */
export type PullRequestTarget = {
  /** `github.com?owner=acme&repo=payments-api`, the form the publish actions take. */
  repoUrl: string;
  /** The folder of the repository the entity lives in; empty at the root. */
  repoPath: string;
};

/**
 * Reads an entity's source location (`url:https://github.com/acme/infra/tree/main/vpc/`)
 * as the repository and folder to open the pull request against.
 */
export function pullRequestTarget(
  sourceLocation: string,
  integrations: ScmIntegrations,
  field: string,
): PullRequestTarget {
  const fail = (why: string) =>
    new InputError(
      `${field}: "${sourceLocation}" ${why}; give the entity's backstage.io/source-location, e.g. url:https://github.com/acme/payments-api/tree/main/`,
    );
  const target = sourceLocation.startsWith('url:')
    ? parseLocationRef(sourceLocation).target
    : sourceLocation;
  if (!/^https?:\/\//.test(target)) throw fail('is not a url location');
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw fail('is not a URL');
  }
  if (!integrations.github.byHost(url.host)) {
    throw fail(
      `is not on a GitHub host configured under integrations.github (pull requests go through publish:github:pull-request)`,
    );
  }
  const [owner, repo, kind, , ...rest] = url.pathname
    .split('/')
    .filter(Boolean);
  if (!owner || !repo || (kind && kind !== 'tree' && kind !== 'blob')) {
    throw fail(
      'does not name a repository as https://<host>/<owner>/<repo>/tree/<branch>/<folder>',
    );
  }
  const folder = kind === 'blob' ? rest.slice(0, -1) : rest;
  return {
    repoUrl: `${url.host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(repo.replace(/\.git$/, ''))}`,
    repoPath: folder.join('/'),
  };
}
