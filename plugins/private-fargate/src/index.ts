/**
 * Entity card "VPC endpoints and PrivateLink" for the legacy frontend system, and its API client.
 *
 * @packageDocumentation
 */

export { privateFargatePlugin, EntityPrivateFargateCard } from './plugin';
export { privateFargateApiRef, PrivateFargateClient } from './api';
export type { PrivateFargateApi } from './api';
export type { PrivateFargateCardProps } from './components/PrivateFargateCard';
export { isPrivateFargateAvailable } from '@private-fargate/plugin-private-fargate-common';
export {
  PrivateFargatePlanPreviewFieldExtension,
  PLAN_PREVIEW_FIELD_NAME,
} from './scaffolder';
export {
  PlanPreviewField,
  planFromFormData,
} from './components/PlanPreviewField';
export type {
  PlanPreview,
  PlanPreviewOptions,
} from './components/PlanPreviewField';
