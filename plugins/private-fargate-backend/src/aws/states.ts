import type { EndpointKind } from '@private-fargate/plugin-private-fargate-common';

// EC2 answers states in lower camel case while SDK enums are capitalised; one spelling keeps the card simple.
const KNOWN_STATES = [
  'pendingAcceptance',
  'pending',
  'available',
  'deleting',
  'deleted',
  'rejected',
  'failed',
  'expired',
  'partial',
  'modifying',
];

const STATE_BY_LOWER_CASE = new Map(
  KNOWN_STATES.map(state => [state.toLocaleLowerCase('en-US'), state]),
);

/** EC2's state in its wire spelling (`pendingAcceptance`), whatever case it arrived in. */
export function normalizeState(state: string | undefined): string {
  if (!state) {
    return 'unknown';
  }
  return STATE_BY_LOWER_CASE.get(state.toLocaleLowerCase('en-US')) ?? state;
}

/** Case-insensitive comparison of two EC2 states. */
export function isState(state: string, expected: string): boolean {
  return (
    state.toLocaleLowerCase('en-US') === expected.toLocaleLowerCase('en-US')
  );
}

// States in which an endpoint carries traffic or is on its way to; the rest never will without a change.
const WORKING_STATES = [
  'available',
  'pending',
  'pendingAcceptance',
  'modifying',
];

/** True for a state in which the endpoint serves (or is about to serve) its service. */
export function isWorkingState(state: string): boolean {
  return WORKING_STATES.some(working => isState(state, working));
}

const KIND_BY_LOWER_CASE: Record<string, EndpointKind> = {
  interface: 'Interface',
  gateway: 'Gateway',
  gatewayloadbalancer: 'GatewayLoadBalancer',
};

/** The endpoint type in the card's vocabulary. */
export function normalizeEndpointKind(type: string | undefined): EndpointKind {
  return (
    KIND_BY_LOWER_CASE[(type ?? '').toLocaleLowerCase('en-US')] ?? 'Unknown'
  );
}

/**
 * Availability Zones of an interface endpoint, read from its zonal DNS names
 * (`vpce-0abc-1def-ap-northeast-1a.ecr.api...`), so no DescribeSubnets call is needed.
 */
export function availabilityZonesFromDnsNames(
  dnsNames: string[],
  region: string,
): string[] {
  const zonal = new RegExp(`^vpce-[0-9a-z]+-[0-9a-z]+-(${region}[a-z])\\.`);
  const zones = new Set<string>();
  for (const name of dnsNames) {
    const match = zonal.exec(name);
    if (match) {
      zones.add(match[1]);
    }
  }
  return [...zones].sort();
}
