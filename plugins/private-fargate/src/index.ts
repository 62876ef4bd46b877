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
