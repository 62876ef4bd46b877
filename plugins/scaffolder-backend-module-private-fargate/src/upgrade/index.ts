export { upgradeRepository } from './upgradeRepository';
export type { UpgradeResult } from './upgradeRepository';
export type {
  RenderRequest,
  RenderedTemplate,
  TemplateRenderer,
} from './renderer';
export type { UpgradeSummary, EndpointChange } from './summary';
export { formatUpgradeSummary } from './summary';
export { changelogOf, CHANGELOG_PATH } from './changelog';
export type { ChangelogEntry } from './changelog';
export type { FileDecision, ConflictReason } from './decide';
export {
  RECORD_PATH,
  NEW_VERSION_SUFFIX,
  readScaffoldRecord,
  scaffoldRecordSchema,
} from './record';
export type { ScaffoldRecord } from './record';
export {
  TEMPLATE_VERSION_ANNOTATION,
  compareTemplateVersions,
  parseTemplateRef,
} from './version';
export type { TreeFile } from './files';
export { renderTemplateVersion } from './renderTemplateVersion';
