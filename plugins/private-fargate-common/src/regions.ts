/**
 * Commercial AWS Regions (partition `aws`) the planner knows. China and GovCloud are
 * left out on purpose: their ARNs and service names differ (`arn:aws-cn:`, `cn.com.amazonaws`),
 * and we have no verified layer-bucket naming for them.
 *
 * @public
 */
export const SUPPORTED_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

/** A Region code from {@link SUPPORTED_REGIONS}. @public */
export type SupportedRegion = (typeof SUPPORTED_REGIONS)[number];

/** True when `region` is one of {@link SUPPORTED_REGIONS}. @public */
export function isSupportedRegion(region: string): region is SupportedRegion {
  return (SUPPORTED_REGIONS as readonly string[]).includes(region);
}

/**
 * Regions introduced on or after 2023-12-23, where AWS requires all three Region-specific ECS
 * endpoints (`ecs-agent`, `ecs-telemetry`, `ecs`); otherwise traffic goes to the public endpoints.
 * Source [S2]: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
 * (names ca-west-1 as the example). The other entries are Regions AWS opened after that date
 * (launch announcements); re-check the list when AWS opens a Region.
 *
 * @public
 */
export const REGIONS_REQUIRING_ECS_ENDPOINTS: readonly SupportedRegion[] = [
  'ap-east-2',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-west-1',
  'mx-central-1',
];

/** True when the Region needs the ECS endpoints even for Fargate (see {@link REGIONS_REQUIRING_ECS_ENDPOINTS}). @public */
export function regionRequiresEcsEndpoints(region: string): boolean {
  return (REGIONS_REQUIRING_ECS_ENDPOINTS as readonly string[]).includes(
    region,
  );
}
