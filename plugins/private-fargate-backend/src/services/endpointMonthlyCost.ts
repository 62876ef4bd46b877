import {
  EndpointStatus,
  PrivateFargateStatus,
  estimateMonthlyCost,
  isPricedRegion,
} from '@private-fargate/plugin-private-fargate-common';
import { isWorkingState } from '../aws/states';

// estimateMonthlyCost accepts at most this many endpoints per call.
const MAX_ENDPOINTS_PER_ESTIMATE = 200;

function billableZones(endpoint: EndpointStatus): number {
  if (endpoint.type !== 'Interface' || !isWorkingState(endpoint.state)) {
    return 0;
  }
  return endpoint.availabilityZones.length || endpoint.subnetIds.length;
}

/**
 * Hourly cost per month of the working interface endpoints (available, pending, pendingAcceptance,
 * modifying), priced by the common cost model: what the entity's endpoints cost while they do their
 * job. Data processing is left out because the traffic is not known here. Undefined when the Region
 * has no prices.
 */
export function endpointMonthlyCost(
  region: string,
  endpoints: EndpointStatus[],
): PrivateFargateStatus['monthlyCost'] {
  if (!isPricedRegion(region)) {
    return undefined;
  }
  const endpointsByZoneCount = new Map<number, number>();
  for (const endpoint of endpoints) {
    const zones = Math.min(billableZones(endpoint), 6);
    if (zones > 0) {
      endpointsByZoneCount.set(
        zones,
        (endpointsByZoneCount.get(zones) ?? 0) + 1,
      );
    }
  }
  const lines: { label: string; amount: number }[] = [];
  for (const [azs, count] of [...endpointsByZoneCount].sort(
    ([a], [b]) => a - b,
  )) {
    for (let done = 0; done < count; done += MAX_ENDPOINTS_PER_ESTIMATE) {
      const estimate = estimateMonthlyCost({
        region,
        azs,
        interfaceEndpoints: Math.min(MAX_ENDPOINTS_PER_ESTIMATE, count - done),
        gbPerMonth: 0,
      });
      for (const line of estimate.endpointsOnly.lines) {
        if (line.unit !== 'GB') {
          lines.push({ label: line.label, amount: line.amount });
        }
      }
    }
  }
  const cents = lines.reduce(
    (sum, line) => sum + Math.round(line.amount * 100),
    0,
  );
  return { currency: 'USD', total: cents / 100, lines };
}
