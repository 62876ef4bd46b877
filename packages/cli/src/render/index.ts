export { renderTemplate, readCatalogFiles, RENDER_EXIT } from './renderTemplate';
export type { RenderOptions, RenderIo } from './renderTemplate';
export { startDryRunBackend } from './dryRunBackend';
export type { DryRunBackend, DryRunResult } from './dryRunBackend';
export { loadActionModules } from './actionModules';
export { loadTemplateFolder, resolveTemplateDir, findRepoRoot } from './templateFolder';
export { validateValues } from './validateValues';
export { validateCatalogFile, isCatalogFile } from './catalogFiles';
export { readValuesFile, applySet } from './values';
