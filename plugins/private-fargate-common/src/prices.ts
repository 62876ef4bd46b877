/** A price with where it came from. @public */
export interface SourcedPrice {
  /** USD per unit. */
  usd: number;
  unit: 'hour' | 'GB';
  /** Where the figure comes from (page address or Price List usage type). */
  source: string;
  /** The date the source states for the figure, YYYY-MM-DD. */
  asOf: string;
  /** `sourced`: read from a cited source; `unverified`: public list price not re-read for this project. */
  confidence: 'sourced' | 'unverified';
}

/** One tier of a tiered per-GB price: applies to GB beyond the previous tier, up to `upToGb`. @public */
export interface PriceTier extends SourcedPrice {
  /** Upper bound of the tier in GB per month (binary: 1 PB = 1,048,576 GB); omitted for the last tier. */
  upToGb?: number;
}

/** Prices of one Region. @public */
export interface RegionPrices {
  /** Interface endpoint, per endpoint per AZ per hour. */
  interfaceEndpointHour: SourcedPrice;
  /** Interface endpoint data processed, tiered, summed over all interface endpoints of the Region. */
  interfaceEndpointDataTiers: PriceTier[];
  /** NAT gateway, per gateway per hour. */
  natGatewayHour: SourcedPrice;
  /** NAT gateway data processed, per GB. */
  natGatewayData: SourcedPrice;
  /** In-use public IPv4 address (each NAT gateway holds one Elastic IP), per hour. */
  publicIpv4Hour: SourcedPrice;
}

const PB = 1024 * 1024;

const PRIVATELINK_PRICING = 'https://aws.amazon.com/privatelink/pricing/';
const VPC_PRICING = 'https://aws.amazon.com/vpc/pricing/';
// [S19] Zac Fukuda, "NAT Gateway vs VPC Endpoint", us-east-1 prices as of 2026-06-01.
const S19 = 'https://www.zacfukuda.com/blog/aws-nat-gateway-vs-vpc-endpoint';
// [S39] Public notes quoting the AWS Price List API, found by code search (like [S20]):
// us-west-2 (checked 2026-10-01 and 2026-10-06), eu-central-1 (`EUC1-VpcEndpoint-*`, pulled
// 2026-09-22), ap-southeast-1 (collected 2026-08-12); eu-west-1 NAT rows from the AmazonEC2 offer
// file published 2026-09-25.
const priceList = (service: 'AmazonVPC' | 'AmazonEC2', region: string) =>
  `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${service}/current/${region}/index.json`;

// [S20] AWS Price List API for ap-northeast-1, quoted by public notes retrieved 2026-09-25.
const S20 = priceList('AmazonVPC', 'ap-northeast-1');
// Regional list prices we have not re-read from a dated source in this project: verify with the
// AWS Pricing Calculator before relying on them. The date is when they were entered.
const UNVERIFIED_AS_OF = '2026-11-21';

function sourced(
  usd: number,
  unit: 'hour' | 'GB',
  source: string,
  asOf: string,
): SourcedPrice {
  return { usd, unit, source, asOf, confidence: 'sourced' };
}

function unverified(
  usd: number,
  unit: 'hour' | 'GB',
  source: string,
): SourcedPrice {
  return {
    usd,
    unit,
    source,
    asOf: UNVERIFIED_AS_OF,
    confidence: 'unverified',
  };
}

// [S18] tiers "first 1 PB $0.01, next 4 PB $0.006, over 5 PB $0.004" (us-east-1 page copy); other
// Regions' higher tiers are assumed the same (UNCONFIRMED in the reference).
function dataTiers(first: SourcedPrice): PriceTier[] {
  const later = (usd: number) =>
    unverified(
      usd,
      'GB',
      `${PRIVATELINK_PRICING} (tier assumed as in us-east-1)`,
    );
  return [
    { ...first, upToGb: PB },
    { ...later(0.006), upToGb: 5 * PB },
    later(0.004),
  ];
}

/** The interface endpoint's data tiers with a first tier read from a dated source. */
function sourcedDataTiers(
  region: string,
  usageType: string,
  asOf: string,
): PriceTier[] {
  return dataTiers(
    sourced(
      0.01,
      'GB',
      `${priceList('AmazonVPC', region)} ${usageType} (first 1 PB) [S39]`,
      asOf,
    ),
  );
}

function unverifiedPublicIpv4(region: string): SourcedPrice {
  return unverified(
    0.005,
    'hour',
    `${VPC_PRICING} (${region}, public IPv4 address)`,
  );
}

/**
 * Price table per Region, each figure with its source and as-of date.
 *
 * @public
 */
export const PRICES: Readonly<Record<string, RegionPrices>> = {
  'us-east-1': {
    interfaceEndpointHour: sourced(0.01, 'hour', S19, '2026-06-01'),
    interfaceEndpointDataTiers: [
      {
        ...sourced(0.01, 'GB', `${PRIVATELINK_PRICING} [S18]`, '2026-06-01'),
        upToGb: PB,
      },
      {
        ...sourced(0.006, 'GB', `${PRIVATELINK_PRICING} [S18]`, '2026-06-01'),
        upToGb: 5 * PB,
      },
      sourced(0.004, 'GB', `${PRIVATELINK_PRICING} [S18]`, '2026-06-01'),
    ],
    natGatewayHour: sourced(0.045, 'hour', S19, '2026-06-01'),
    natGatewayData: sourced(0.045, 'GB', S19, '2026-06-01'),
    publicIpv4Hour: sourced(
      0.005,
      'hour',
      'https://cloudburn.io (NAT gateway pricing guide) [S38]',
      '2026-02-24',
    ),
  },
  'ap-northeast-1': {
    interfaceEndpointHour: sourced(
      0.014,
      'hour',
      `${S20} APN1-VpcEndpoint-Hours`,
      '2026-09-25',
    ),
    interfaceEndpointDataTiers: dataTiers(
      sourced(
        0.01,
        'GB',
        `${S20} APN1-VpcEndpoint-Bytes (first 1 PB)`,
        '2026-09-25',
      ),
    ),
    natGatewayHour: sourced(
      0.062,
      'hour',
      `${S20} APN1-NatGateway-Hours`,
      '2026-09-25',
    ),
    natGatewayData: sourced(
      0.062,
      'GB',
      `${S20} APN1-NatGateway-Bytes`,
      '2026-09-25',
    ),
    publicIpv4Hour: sourced(
      0.005,
      'hour',
      `${S20} APN1-PublicIPv4:InUseAddress`,
      '2026-09-25',
    ),
  },
  'us-west-2': {
    interfaceEndpointHour: sourced(
      0.01,
      'hour',
      `${priceList('AmazonVPC', 'us-west-2')} USW2-VpcEndpoint-Hours [S39]`,
      '2026-10-06',
    ),
    interfaceEndpointDataTiers: sourcedDataTiers(
      'us-west-2',
      'USW2-VpcEndpoint-Bytes',
      '2026-10-06',
    ),
    natGatewayHour: sourced(
      0.045,
      'hour',
      `${VPC_PRICING} (us-west-2) [S39]`,
      '2026-10-01',
    ),
    natGatewayData: unverified(0.045, 'GB', `${VPC_PRICING} (us-west-2)`),
    publicIpv4Hour: unverifiedPublicIpv4('us-west-2'),
  },
  'eu-west-1': {
    interfaceEndpointHour: unverified(
      0.011,
      'hour',
      `${PRIVATELINK_PRICING} (eu-west-1)`,
    ),
    interfaceEndpointDataTiers: dataTiers(
      unverified(0.01, 'GB', `${PRIVATELINK_PRICING} (eu-west-1)`),
    ),
    natGatewayHour: sourced(
      0.048,
      'hour',
      `${priceList('AmazonEC2', 'eu-west-1')} EU-NatGateway-Hours [S39]`,
      '2026-09-25',
    ),
    natGatewayData: sourced(
      0.048,
      'GB',
      `${priceList('AmazonEC2', 'eu-west-1')} EU-NatGateway-Bytes [S39]`,
      '2026-09-25',
    ),
    publicIpv4Hour: unverifiedPublicIpv4('eu-west-1'),
  },
  'eu-central-1': {
    interfaceEndpointHour: sourced(
      0.012,
      'hour',
      `${priceList('AmazonVPC', 'eu-central-1')} EUC1-VpcEndpoint-Hours [S39]`,
      '2026-09-22',
    ),
    interfaceEndpointDataTiers: sourcedDataTiers(
      'eu-central-1',
      'EUC1-VpcEndpoint-Bytes',
      '2026-09-22',
    ),
    natGatewayHour: unverified(0.052, 'hour', `${VPC_PRICING} (eu-central-1)`),
    natGatewayData: unverified(0.052, 'GB', `${VPC_PRICING} (eu-central-1)`),
    publicIpv4Hour: unverifiedPublicIpv4('eu-central-1'),
  },
  'ap-southeast-1': {
    interfaceEndpointHour: sourced(
      0.013,
      'hour',
      `${priceList(
        'AmazonVPC',
        'ap-southeast-1',
      )} APS1-VpcEndpoint-Hours [S39]`,
      '2026-08-12',
    ),
    interfaceEndpointDataTiers: sourcedDataTiers(
      'ap-southeast-1',
      'APS1-VpcEndpoint-Bytes',
      '2026-08-12',
    ),
    natGatewayHour: sourced(
      0.059,
      'hour',
      `${priceList('AmazonEC2', 'ap-southeast-1')} APS1-NatGateway-Hours [S39]`,
      '2026-08-12',
    ),
    natGatewayData: sourced(
      0.059,
      'GB',
      `${priceList('AmazonEC2', 'ap-southeast-1')} APS1-NatGateway-Bytes [S39]`,
      '2026-08-12',
    ),
    publicIpv4Hour: unverifiedPublicIpv4('ap-southeast-1'),
  },
};

/** Regions with prices in {@link PRICES}. @public */
export const PRICED_REGIONS: readonly string[] = Object.keys(PRICES).sort();

/** Whether {@link PRICES} has prices for `region`. @public */
export function isPricedRegion(region: string): boolean {
  return PRICED_REGIONS.includes(region);
}

/**
 * What to say instead of a cost where `region` has no prices: the endpoints are still
 * planned and written, and AWS's pricing pages give the figures. @public
 */
export function unpricedRegionNote(region: string): string {
  return `No prices for ${region} in this version (priced Regions: ${PRICED_REGIONS.join(
    ', ',
  )}), so the cost is not estimated; see ${PRIVATELINK_PRICING} for interface endpoints and ${VPC_PRICING} for NAT gateways.`;
}
