export {
  renderTemplate,
  readCatalogFiles,
  RENDER_EXIT,
} from './renderTemplate';
export type { RenderOptions } from './renderTemplate';
export { startDryRunBackend } from './dryRunBackend';
export type { DryRunBackend } from './dryRunBackend';
export { actionModules } from './actionModules';
export {
  loadTemplateFolder,
  resolveTemplateDir,
  findRepoRoot,
} from './templateFolder';
export {
  applyDefaults,
  validateValues,
  formatProblems,
  DryRunFailedError,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';
export { validateCatalogFile, isCatalogFile } from './catalogFiles';
export { readValuesFile, applySet } from './values';
