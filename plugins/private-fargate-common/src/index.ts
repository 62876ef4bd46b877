/**
 * Browser-safe core of Private Fargate.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './status';
export * from './sharedStackConflicts';
export {
  ENDPOINT_CATALOGUE,
  ENDPOINT_SERVICE_SUFFIXES,
  catalogueIndex,
  endpointServiceName,
  getEndpointDefinition,
  isKnownEndpointService,
  parseEndpointServiceName,
} from './catalogue';
export type {
  EndpointDefinition,
  EndpointServiceSuffix,
  EndpointType,
} from './catalogue';
export {
  SUPPORTED_REGIONS,
  REGIONS_REQUIRING_ECS_ENDPOINTS,
  isSupportedRegion,
  regionRequiresEcsEndpoints,
} from './regions';
export type { SupportedRegion } from './regions';
export * from './planner';
export {
  buildS3GatewayPolicy,
  ecrLayerBucketArn,
  s3GatewayPolicyOptionsSchema,
} from './s3Policy';
export type {
  IamPolicyDocument,
  IamPolicyStatement,
  S3GatewayPolicyOptions,
} from './s3Policy';
export {
  PRICES,
  PRICED_REGIONS,
  isPricedRegion,
  unpricedRegionNote,
} from './prices';
export type { PriceTier, RegionPrices, SourcedPrice } from './prices';
export {
  estimateMonthlyCost,
  estimateMonthlyCostIfPriced,
  availabilityZoneCountSchema,
  costEstimateInputSchema,
  formatUsd,
  roundToCents,
} from './cost';
export type {
  CostEstimate,
  CostEstimateInput,
  CostLine,
  CostScenario,
} from './cost';
export {
  planEndpointSubnets,
  subnetsByZone,
  subnetsSharingZones,
  subnetsOutsideRegion,
  availabilityZoneSchema,
  endpointSubnetPlanInputSchema,
  AWS_RESERVED_ADDRESSES_PER_SUBNET,
} from './subnets';
export type {
  EndpointSubnetPlanInput,
  EndpointSubnetProposal,
  ZonedSubnet,
} from './subnets';
export {
  awsAccountIdSchema,
  awsRegionSchema,
  vpcIdSchema,
  subnetIdSchema,
  routeTableIdSchema,
  securityGroupIdSchema,
  vpcEndpointIdSchema,
  endpointServiceIdSchema,
  endpointServiceNameSchema,
  regionOfArn,
  regionOfEndpointServiceName,
  endpointServiceSuffixSchema,
  s3BucketNameSchema,
  cidrSchema,
  principalArnSchema,
  dnsNameSchema,
  serviceNameSchema,
  endpointSuffixListSchema,
  virtualPrivateGatewayIdSchema,
  transitGatewayIdSchema,
  availabilityZoneNameSchema,
  secretReferenceArnSchema,
  kmsKeyArnSchema,
  ecsClusterNameSchema,
  imageTagSchema,
  portSchema,
  portTextSchema,
  oneOf,
  requiredOr,
} from './schemas';
export { formatZodError, parseOrThrow } from './errors';
export { isValidFargateSize, FARGATE_SIZES_HELP } from './fargateSizes';
export {
  TEMPLATE_REF_FORM,
  compareTemplateVersions,
  parseTemplateRef,
  templateNameSchema,
  templateRefSchema,
  templateVersionSchema,
  templateEntityRef,
} from './templateVersion';
export type { TemplateRef } from './templateVersion';
export {
  privateFargatePermissions,
  privateFargateStatusReadPermission,
} from './permissions';
