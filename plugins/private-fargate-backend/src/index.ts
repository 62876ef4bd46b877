/**
 * Backend of Private Fargate's status card: VPC endpoints and PrivateLink state from EC2,
 * with snapshots shared by every entity and viewer.
 *
 * @packageDocumentation
 */

export { privateFargatePlugin as default } from './plugin';
export { statusServiceRef } from './services/StatusService';
export type { StatusService } from './services/StatusService';
