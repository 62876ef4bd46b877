import { BackendFeature } from '@backstage/backend-plugin-api';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import privateFargateModule from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';

/**
 * The action modules a portal running our templates has: the GitHub actions
 * (publish steps, skipped in a dry run but they must exist) and ours.
 */
export function actionModules(): BackendFeature[] {
  return [githubModule, privateFargateModule];
}
