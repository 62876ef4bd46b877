export { renderTemplate, RENDER_EXIT } from './renderTemplate';
export { unknownKeyProblems } from './unknownKeys';
export { quoteHints } from './quoteHints';
export type { RenderOptions } from './renderTemplate';
export { startDryRunBackend, MissingCatalogEntityError } from './dryRunBackend';
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
export {
  validateCatalogFile,
  isCatalogFile,
  readCatalogFiles,
} from './catalogFiles';
export { readValuesFile, applySet, setKeys } from './values';
