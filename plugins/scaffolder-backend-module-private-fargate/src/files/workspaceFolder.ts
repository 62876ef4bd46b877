import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/**
 * An action's `targetPath` resolved inside the workspace, or an InputError that names the
 * field (`targetPath` unless told) and shows a path that works (`example`) when it leads out.
 */
export function resolveWorkspaceFolder(
  workspacePath: string,
  targetPath: string,
  example: string,
  field = 'targetPath',
): string {
  try {
    return resolveSafeChildPath(workspacePath, targetPath);
  } catch {
    throw new InputError(
      `${field}: "${targetPath}" is outside the workspace; use a relative path such as ${example}`,
    );
  }
}
