import { InputError } from '@backstage/errors';
import ipaddr from 'ipaddr.js';
import { z } from 'zod/v3';
import { parseOrThrow } from './errors';
import { cidrSchema } from './schemas';

/** Addresses AWS reserves in every subnet: network, router, DNS, future use, broadcast. @public */
export const AWS_RESERVED_ADDRESSES_PER_SUBNET = 5;

// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html : VPC and subnet blocks are
// /16 to /28; the first four and the last address of each subnet are reserved.
const SMALLEST_PREFIX = 28;
const LARGEST_PREFIX = 16;

/** An Availability Zone name (`ap-northeast-1a`) or ID (`apne1-az1`). @public */
export const availabilityZoneSchema = z
  .string()
  .regex(
    /^(?:[a-z]{2}(?:-[a-z]+)+-\d[a-z]|[a-z]{2,5}\d-az\d{1,2})$/,
    'must be an Availability Zone name like ap-northeast-1a or an AZ ID like apne1-az1',
  );

/** Input of {@link planEndpointSubnets}. @public */
export const endpointSubnetPlanInputSchema = z
  .object({
    vpcCidr: cidrSchema,
    existingSubnets: z.array(cidrSchema).default([]),
    availabilityZones: z
      .array(availabilityZoneSchema)
      .min(1, 'list at least one Availability Zone')
      .refine(
        list => new Set(list).size === list.length,
        'lists an Availability Zone twice',
      ),
    endpointCount: z
      .number()
      .int('must be a whole number')
      .min(1, 'plan at least one interface endpoint')
      .max(1000, 'must be at most 1000'),
    prefixLength: z
      .number()
      .int('must be a whole number')
      .min(
        LARGEST_PREFIX,
        `must be between ${LARGEST_PREFIX} and ${SMALLEST_PREFIX}`,
      )
      .max(
        SMALLEST_PREFIX,
        `must be between ${LARGEST_PREFIX} and ${SMALLEST_PREFIX}`,
      )
      .optional(),
  })
  .strict();

/** @public */
export type EndpointSubnetPlanInput = z.input<
  typeof endpointSubnetPlanInputSchema
>;

/** A proposed endpoint subnet. @public */
export interface EndpointSubnetProposal {
  availabilityZone: string;
  cidr: string;
  /** Addresses left for endpoint ENIs after AWS's reserved five. */
  usableAddresses: number;
}

interface Block {
  start: number;
  size: number;
}

function toBlock(cidr: string): Block {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const start = address
    .toByteArray()
    .reduce((value, byte) => value * 256 + byte, 0);
  return { start, size: 2 ** (32 - prefix) };
}

function toCidr(block: Block): string {
  const bytes = [24, 16, 8, 0].map(
    shift => Math.floor(block.start / 2 ** shift) % 256,
  );
  return `${bytes.join('.')}/${32 - Math.log2(block.size)}`;
}

function overlaps(a: Block, b: Block): boolean {
  return a.start < b.start + b.size && b.start < a.start + a.size;
}

/**
 * Proposes one dedicated endpoint subnet per AZ inside the VPC, overlapping no existing subnet,
 * with room for one ENI per interface endpoint plus AWS's five reserved addresses. Takes the
 * lowest free aligned blocks, in AZ order. Throws `InputError` for a bad CIDR or a full VPC.
 *
 * @public
 */
export function planEndpointSubnets(
  input: EndpointSubnetPlanInput,
): EndpointSubnetProposal[] {
  const parsed = parseOrThrow(
    endpointSubnetPlanInputSchema,
    input,
    'endpoint subnet plan input',
  );
  const vpc = toBlock(parsed.vpcCidr);
  const vpcPrefix = 32 - Math.log2(vpc.size);
  if (vpcPrefix < LARGEST_PREFIX || vpcPrefix > SMALLEST_PREFIX) {
    throw new InputError(
      `vpcCidr: ${parsed.vpcCidr} is not a valid VPC block; AWS allows /16 to /28`,
    );
  }

  const existing = parsed.existingSubnets.map((cidr, index) => {
    const block = toBlock(cidr);
    if (
      block.start < vpc.start ||
      block.start + block.size > vpc.start + vpc.size
    ) {
      throw new InputError(
        `existingSubnets[${index}]: ${cidr} is not inside the VPC ${parsed.vpcCidr}`,
      );
    }
    return block;
  });

  const needed = parsed.endpointCount + AWS_RESERVED_ADDRESSES_PER_SUBNET;
  const fittingPrefix = Math.min(
    SMALLEST_PREFIX,
    32 - Math.ceil(Math.log2(needed)),
  );
  const prefix = parsed.prefixLength ?? fittingPrefix;
  if (prefix > fittingPrefix) {
    throw new InputError(
      `prefixLength: a /${prefix} holds ${
        2 ** (32 - prefix) - AWS_RESERVED_ADDRESSES_PER_SUBNET
      } ` +
        `endpoint addresses, but ${parsed.endpointCount} endpoints need ${parsed.endpointCount}; ` +
        `use /${fittingPrefix} or larger`,
    );
  }
  if (prefix < vpcPrefix) {
    throw new InputError(
      `prefixLength: /${prefix} is larger than the VPC ${parsed.vpcCidr}; use /${vpcPrefix} or smaller`,
    );
  }

  const size = 2 ** (32 - prefix);
  const taken = [...existing];
  const proposals: EndpointSubnetProposal[] = [];
  for (let start = vpc.start; start < vpc.start + vpc.size; start += size) {
    if (proposals.length === parsed.availabilityZones.length) {
      break;
    }
    const candidate = { start, size };
    if (taken.some(block => overlaps(block, candidate))) {
      continue;
    }
    taken.push(candidate);
    proposals.push({
      availabilityZone: parsed.availabilityZones[proposals.length],
      cidr: toCidr(candidate),
      usableAddresses: size - AWS_RESERVED_ADDRESSES_PER_SUBNET,
    });
  }

  if (proposals.length < parsed.availabilityZones.length) {
    throw new InputError(
      `vpcCidr: the VPC ${parsed.vpcCidr} has room for only ${proposals.length} free /${prefix} ` +
        `block(s) outside the existing subnets, but ${parsed.availabilityZones.length} Availability ` +
        'Zones need one each; free address space (remove or shrink a subnet) or add a secondary CIDR',
    );
  }
  return proposals;
}

/** A subnet with its Availability Zone, as the templates' forms and the terraform action take it. @public */
export interface ZonedSubnet {
  id: string;
  availabilityZone: string;
}

/**
 * The subnets' IDs by Availability Zone, zones and IDs in the order given. An interface endpoint
 * takes one subnet in each zone, so the zones, not the subnets, count its ENIs.
 *
 * @public
 */
export function subnetsByZone(subnets: ZonedSubnet[]): Map<string, string[]> {
  const byZone = new Map<string, string[]>();
  for (const { id, availabilityZone } of subnets) {
    byZone.set(availabilityZone, [...(byZone.get(availabilityZone) ?? []), id]);
  }
  return byZone;
}

/**
 * One message for each zone that holds several of the subnets, for a form that asks for one
 * subnet per zone: `subnet-a and subnet-b are both in ap-northeast-1a; list one subnet per
 * Availability Zone`.
 *
 * @public
 */
export function subnetsSharingZones(subnets: ZonedSubnet[]): string[] {
  return [...subnetsByZone(subnets)]
    .filter(([, ids]) => ids.length > 1)
    .map(
      ([zone, ids]) =>
        `${ids.join(' and ')} are ${
          ids.length === 2 ? 'both' : 'all'
        } in ${zone}; list one subnet per Availability Zone`,
    );
}

/**
 * The subnets whose Availability Zone is not in `region` (an AZ name is its Region's code and one
 * letter), each with its index and a message that names both: `is ap-northeast-1a, a zone of
 * ap-northeast-1, but the stack is in eu-west-2; …`. Terraform would otherwise plan endpoints and
 * tasks against subnets the Region's API does not know.
 *
 * @public
 */
export function subnetsOutsideRegion(
  region: string,
  subnets: ZonedSubnet[],
): Array<{ index: number; message: string }> {
  return subnets.flatMap((subnet, index) => {
    const zoneRegion = subnet.availabilityZone.slice(0, -1);
    return zoneRegion === region
      ? []
      : [
          {
            index,
            message: `is ${subnet.availabilityZone}, a zone of ${zoneRegion}, but the stack is in ${region}: list subnets of a VPC in ${region} (zones ${region}a, ${region}b, …), or set the Region to ${zoneRegion}`,
          },
        ];
  });
}
