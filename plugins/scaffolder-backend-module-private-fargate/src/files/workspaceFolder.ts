import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/**
 * An action's `targetPath` resolved inside the workspace, or an InputError that names the
 * field and shows a path that works (`example`) when it leads out.
 */
export function resolveWorkspaceFolder(
  workspacePath: string,
  targetPath: string,
  example: string,
): string {
  try {
    return resolveSafeChildPath(workspacePath, targetPath);
  } catch {
    throw new InputError(
      `targetPath: "${targetPath}" is outside the workspace; use a relative path such as ${example}`,
    );
  }
}
