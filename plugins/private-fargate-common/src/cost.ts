import { z } from 'zod/v3';
import { parseOrThrow } from './errors';
import { requiredOr } from './schemas';
import {
  isPricedRegion,
  PRICED_REGIONS,
  PRICES,
  RegionPrices,
  SourcedPrice,
} from './prices';

/** One priced line of an estimate. @public */
export interface CostLine {
  label: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  /** quantity × unitPrice, rounded half-up to whole cents (the only rounding step). */
  amount: number;
  /** Where the unit price comes from and its date, e.g. `<page> (as of 2026-06-01)`. */
  source: string;
  /** The unit price's confidence: `unverified` prices were not read from a dated source. */
  confidence: SourcedPrice['confidence'];
}

/** One way to connect the VPC, priced. @public */
export interface CostScenario {
  lines: CostLine[];
  /** Sum of the line amounts (already in cents, so exact). */
  total: number;
}

/** Monthly estimate comparing endpoints, NAT, and both. @public */
export interface CostEstimate {
  region: string;
  currency: 'USD';
  hoursPerMonth: number;
  /** Interface endpoints in every AZ carry the AWS-service traffic; no NAT. */
  endpointsOnly: CostScenario;
  /** NAT gateways carry the AWS-service traffic; no interface endpoints. */
  natOnly: CostScenario;
  /** Endpoints carry the AWS-service traffic; NAT gateways stay for everything else. */
  natPlusEndpoints: CostScenario;
  /** Each scenario's total divided by `services`, rounded to cents. */
  perService: {
    endpointsOnly: number;
    natOnly: number;
    natPlusEndpoints: number;
  };
}

function wholeNumber(min: number, max: number) {
  return z
    .number(requiredOr('must be a number'))
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/**
 * How many Availability Zones a VPC's endpoints (or NAT gateways) span: 1 to 6, the most any
 * Region has. The cost model, the plan and the record all count zones with it.
 *
 * @public
 */
export const availabilityZoneCountSchema = wholeNumber(1, 6);

/** Input of {@link estimateMonthlyCost}. @public */
export const costEstimateInputSchema = z
  .object({
    region: z
      .string(requiredOr('must be a Region code'))
      .superRefine((region, ctx) => {
        if (!isPricedRegion(region)) {
          ctx.addIssue({
            code: 'custom',
            message: `no prices for Region "${region}"; priced Regions: ${PRICED_REGIONS.join(
              ', ',
            )}`,
          });
        }
      }),
    azs: availabilityZoneCountSchema.describe(
      'Availability Zones with endpoint ENIs / NAT gateways',
    ),
    interfaceEndpoints: wholeNumber(0, 200).describe(
      'Interface endpoints in the VPC (gateway endpoints are free)',
    ),
    gbPerMonth: z
      .number(requiredOr('must be a number'))
      .min(0, 'must be 0 or more')
      .describe(
        'GB per month of traffic to AWS services, summed over all services and AZs',
      ),
    services: wholeNumber(1, 10000)
      .default(1)
      .describe('Services sharing the VPC endpoints'),
    natGateways: wholeNumber(0, 6)
      .optional()
      .describe('NAT gateways (default: one per AZ)'),
    hoursPerMonth: z
      .number()
      .positive('must be more than 0')
      .max(744, 'must be at most 744 (31 days)')
      .default(730),
  })
  .strict();

/** @public */
export type CostEstimateInput = z.input<typeof costEstimateInputSchema>;

/**
 * Dollars rounded half-up to whole cents, the cost model's one rounding rule.
 * `toPrecision(12)` first removes binary noise such as 12.499999999998 for 0.125 dollars,
 * so the cent is decided on the decimal value.
 *
 * @public
 */
export function roundToCents(dollars: number): number {
  return Math.round(Number((dollars * 100).toPrecision(12))) / 100;
}

function line(
  label: string,
  quantity: number,
  unit: string,
  price: SourcedPrice,
): CostLine {
  return {
    label,
    quantity,
    unit,
    unitPrice: price.usd,
    amount: roundToCents(quantity * price.usd),
    source: `${price.source} (as of ${price.asOf}${
      price.confidence === 'unverified' ? ', unverified' : ''
    })`,
    confidence: price.confidence,
  };
}

function scenario(lines: CostLine[]): CostScenario {
  const cents = lines.reduce(
    (sum, item) => sum + Math.round(item.amount * 100),
    0,
  );
  return { lines, total: cents / 100 };
}

function endpointLines(
  prices: RegionPrices,
  endpoints: number,
  azs: number,
  hours: number,
  gb: number,
): CostLine[] {
  const lines = [
    line(
      `Interface endpoints: ${endpoints} × ${azs} AZ × ${hours} h`,
      endpoints * azs * hours,
      'endpoint-AZ-hour',
      prices.interfaceEndpointHour,
    ),
  ];
  let remaining = gb;
  let lowerBound = 0;
  prices.interfaceEndpointDataTiers.forEach((tier, index) => {
    const capacity =
      tier.upToGb === undefined ? Infinity : tier.upToGb - lowerBound;
    const inTier = Math.min(remaining, capacity);
    // The first tier is always shown so the per-GB rate is visible even at 0 GB.
    if (index === 0 || inTier > 0) {
      lines.push(
        line(
          `Interface endpoint data processed${
            index === 0 ? '' : ` (beyond ${lowerBound / (1024 * 1024)} PB)`
          }`,
          inTier,
          'GB',
          tier,
        ),
      );
    }
    remaining -= inTier;
    lowerBound = tier.upToGb ?? lowerBound;
  });
  return lines;
}

function natFixedLines(
  prices: RegionPrices,
  nats: number,
  hours: number,
): CostLine[] {
  return [
    line(
      `NAT gateways: ${nats} × ${hours} h`,
      nats * hours,
      'NAT-gateway-hour',
      prices.natGatewayHour,
    ),
    line(
      `Public IPv4 addresses of the NAT gateways: ${nats} × ${hours} h`,
      nats * hours,
      'address-hour',
      prices.publicIpv4Hour,
    ),
  ];
}

/**
 * Monthly cost of reaching AWS services from the VPC three ways: interface endpoints only, NAT
 * gateways only, and NAT plus endpoints. Gateway endpoints (S3, DynamoDB) are free [S14] and
 * not listed. Each line is rounded to cents; totals add the rounded lines.
 *
 * @public
 */
export function estimateMonthlyCost(input: CostEstimateInput): CostEstimate {
  const parsed = parseOrThrow(
    costEstimateInputSchema,
    input,
    'cost estimate input',
  );
  const prices = PRICES[parsed.region];
  const hours = parsed.hoursPerMonth;
  const nats = parsed.natGateways ?? parsed.azs;
  const gb = parsed.gbPerMonth;

  const endpoints = endpointLines(
    prices,
    parsed.interfaceEndpoints,
    parsed.azs,
    hours,
    gb,
  );
  const natFixed = natFixedLines(prices, nats, hours);
  const natData = line(
    'NAT gateway data processed',
    gb,
    'GB',
    prices.natGatewayData,
  );

  const endpointsOnly = scenario(endpoints);
  const natOnly = scenario([natFixed[0], natData, natFixed[1]]);
  const natPlusEndpoints = scenario([...endpoints, ...natFixed]);

  const perService = (total: number) => roundToCents(total / parsed.services);
  return {
    region: parsed.region,
    currency: 'USD',
    hoursPerMonth: hours,
    endpointsOnly,
    natOnly,
    natPlusEndpoints,
    perService: {
      endpointsOnly: perService(endpointsOnly.total),
      natOnly: perService(natOnly.total),
      natPlusEndpoints: perService(natPlusEndpoints.total),
    },
  };
}

/**
 * {@link estimateMonthlyCost} where the Region has prices, and undefined where it has none
 * (say {@link unpricedRegionNote} there): the endpoints are planned and written either way.
 *
 * @public
 */
export function estimateMonthlyCostIfPriced(
  input: CostEstimateInput,
): CostEstimate | undefined {
  return isPricedRegion(input.region) ? estimateMonthlyCost(input) : undefined;
}

const usdFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
});

/** A monthly cost as people read it, e.g. `$1,022.00`. @public */
export function formatUsd(amount: number): string {
  return usdFormat.format(amount);
}
