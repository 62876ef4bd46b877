import type {
  EndpointStatus,
  PrivateFargateStatus,
} from '@private-fargate/plugin-private-fargate-common';

/**
 * The endpoint table's rows: every endpoint the backend reported, plus a
 * `missing` row for each declared suffix it listed only in `declaredButMissing`,
 * so a missing endpoint can never drop out of the table.
 */
export function endpointRows(status: PrivateFargateStatus): EndpointStatus[] {
  const listed = new Set(status.endpoints.map(e => e.service));
  const missingRows = status.declaredButMissing
    .filter(service => !listed.has(service))
    .map(
      (service): EndpointStatus => ({
        service,
        serviceName: '',
        type: 'Unknown',
        state: 'missing',
        declared: true,
        present: false,
        availabilityZones: [],
        subnetIds: [],
        dnsNames: [],
      }),
    );
  return [...status.endpoints, ...missingRows];
}
