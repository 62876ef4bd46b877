export { privateFargateApiRef } from './PrivateFargateApi';
export type { PrivateFargateApi } from './PrivateFargateApi';
export { PrivateFargateClient } from './PrivateFargateClient';
