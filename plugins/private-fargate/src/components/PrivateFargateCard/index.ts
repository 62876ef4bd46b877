export { PrivateFargateCard } from './PrivateFargateCard';
export type { PrivateFargateCardProps } from './PrivateFargateCard';
