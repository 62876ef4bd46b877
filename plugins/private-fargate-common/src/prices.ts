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
// [S20] AWS Price List API for ap-northeast-1, quoted by public notes retrieved 2026-09-25.
const S20 =
  'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/ap-northeast-1/index.json';
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

function unverifiedRegion(
  region: string,
  endpointHour: number,
  natHour: number,
): RegionPrices {
  return {
    interfaceEndpointHour: unverified(
      endpointHour,
      'hour',
      `${PRIVATELINK_PRICING} (${region})`,
    ),
    interfaceEndpointDataTiers: dataTiers(
      unverified(0.01, 'GB', `${PRIVATELINK_PRICING} (${region})`),
    ),
    natGatewayHour: unverified(natHour, 'hour', `${VPC_PRICING} (${region})`),
    natGatewayData: unverified(natHour, 'GB', `${VPC_PRICING} (${region})`),
    publicIpv4Hour: unverified(
      0.005,
      'hour',
      `${VPC_PRICING} (${region}, public IPv4 address)`,
    ),
  };
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
  'us-west-2': unverifiedRegion('us-west-2', 0.01, 0.045),
  'eu-west-1': unverifiedRegion('eu-west-1', 0.011, 0.048),
  'eu-central-1': unverifiedRegion('eu-central-1', 0.012, 0.052),
  'ap-southeast-1': unverifiedRegion('ap-southeast-1', 0.013, 0.059),
};

/** Regions with prices in {@link PRICES}. @public */
export const PRICED_REGIONS: readonly string[] = Object.keys(PRICES).sort();
