export {
  applyDefaults,
  formatProblems,
  validateValues,
} from './templateValues';
export type { ValueProblem, Values } from './templateValues';
export { DryRunFailedError, requestDryRun } from './requestDryRun';
export type {
  DryRunFile,
  DryRunLogEntry,
  DryRunResult,
  DryRunStep,
} from './requestDryRun';
export { inMemoryDatabaseServiceFactory } from './inMemoryDatabase';
