import { BackendFeature } from '@backstage/backend-plugin-api';

/** The backend feature a package default-exports, whether or not a loader wrapped it in `default` again. */
function defaultFeature(loaded: unknown): BackendFeature | undefined {
  let current = loaded as any;
  for (let depth = 0; depth < 3 && current; depth++) {
    if (current.$$type === '@backstage/BackendFeature') return current;
    current = current.default;
  }
  return undefined;
}

/**
 * The action modules a portal running our templates has: the GitHub actions
 * (publish steps, skipped in a dry run but they must exist) and ours.
 */
export async function loadActionModules(): Promise<BackendFeature[]> {
  const loaded = await Promise.all([
    import('@backstage/plugin-scaffolder-backend-module-github'),
    import('@private-fargate/plugin-scaffolder-backend-module-private-fargate'),
  ]);
  return loaded
    .map(defaultFeature)
    .filter((feature): feature is BackendFeature => Boolean(feature));
}
