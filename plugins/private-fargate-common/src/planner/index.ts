export {
  planRequirementsSchema,
  execRequirementsSchema,
  LAUNCH_TYPES,
  PLATFORM_VERSIONS,
  IMAGE_SOURCES,
  LOGGING_MODES,
  EXEC_SESSION_LOG_DESTINATIONS,
  SECRET_SOURCES,
  EGRESS_MODES,
} from './requirements';
export type { PlanRequirements, PlanRequirementsInput } from './requirements';
export {
  containerSecretSchema,
  secretArnOf,
  secretSourceOf,
  secretSourcesOf,
  secretsInOtherRegions,
  secretsNeedingNewerPlatform,
  selectsPartOfSecret,
  SECRET_SOURCE_LABELS,
} from './containerSecrets';
export type { ContainerSecret, SecretSource } from './containerSecrets';
export { planEndpoints, interfaceEndpointsOf } from './planEndpoints';
export type { EndpointPlan, PlannedEndpoint } from './planEndpoints';
export { describePlanReason } from './reasons';
export type { PlanReason } from './reasons';
export { PLAN_WARNING_CODES } from './warnings';
export type { PlanWarning, PlanWarningCode } from './warnings';
