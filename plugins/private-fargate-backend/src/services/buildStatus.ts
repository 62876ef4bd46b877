import {
  EndpointServiceStatus,
  EndpointStatus,
  PrivateFargateStatus,
  StatusCallError,
  endpointServiceName,
  getEndpointDefinition,
  isKnownEndpointService,
  parseEndpointServiceName,
} from '@private-fargate/plugin-private-fargate-common';
import type {
  EndpointServiceSnapshot,
  VpcEndpointRecord,
  VpcEndpointsSnapshot,
} from '../aws/snapshots';
import { isState } from '../aws/states';
import type { SnapshotResult } from '../cache/SnapshotCache';
import { endpointMonthlyCost } from './endpointMonthlyCost';
import type { StatusAnnotations } from './readStatusAnnotations';

/** Everything the answer is built from; no AWS access happens here. */
export interface StatusInputs {
  entityRef: string;
  annotations: StatusAnnotations;
  source: 'aws' | 'demo';
  vpc?: SnapshotResult<VpcEndpointsSnapshot>;
  service?: SnapshotResult<EndpointServiceSnapshot>;
  /** The entity's template next to the latest one in the catalog; independent of AWS. */
  template?: PrivateFargateStatus['template'];
  /** Errors found before any AWS call, e.g. an account that is not configured. */
  errors?: StatusCallError[];
  now: Date;
}

const MISSING = 'missing';

function isPresent(record: VpcEndpointRecord): boolean {
  return !isState(record.state, 'deleted');
}

function toRow(
  record: VpcEndpointRecord,
  service: string,
  declared: boolean,
): EndpointStatus {
  const row: EndpointStatus = {
    service,
    serviceName: record.serviceName,
    type: record.type,
    state: record.state,
    declared,
    present: isPresent(record),
    endpointId: record.endpointId,
    availabilityZones: record.availabilityZones,
    subnetIds: record.subnetIds,
    dnsNames: record.dnsNames,
  };
  if (record.privateDnsEnabled !== undefined) {
    row.privateDnsEnabled = record.privateDnsEnabled;
  }
  if (record.lastError) {
    row.lastError = record.lastError;
  }
  return row;
}

function missingRow(
  service: string,
  serviceName: string,
  type: EndpointStatus['type'],
): EndpointStatus {
  return {
    service,
    serviceName,
    type,
    state: MISSING,
    declared: true,
    present: false,
    availabilityZones: [],
    subnetIds: [],
    dnsNames: [],
  };
}

function byServiceThenId(a: EndpointStatus, b: EndpointStatus): number {
  return (
    a.service.localeCompare(b.service) ||
    (a.endpointId ?? '').localeCompare(b.endpointId ?? '')
  );
}

function awsServiceRows(
  snapshot: VpcEndpointsSnapshot,
  annotations: StatusAnnotations,
): Pick<
  PrivateFargateStatus,
  'endpoints' | 'declaredButMissing' | 'presentButNotDeclared'
> {
  const declared = new Set(annotations.declaredEndpoints);
  const consumerIds = new Set(annotations.consumerEndpointIds);
  const rows: EndpointStatus[] = [];
  for (const record of snapshot.endpoints) {
    const parsed = parseEndpointServiceName(record.serviceName);
    if (!parsed || consumerIds.has(record.endpointId)) {
      continue;
    }
    rows.push(toRow(record, parsed.service, declared.has(parsed.service)));
  }
  const presentServices = new Set(
    rows.filter(row => row.present).map(row => row.service),
  );
  const declaredButMissing = annotations.declaredEndpoints.filter(
    service => !presentServices.has(service),
  );
  const listedServices = new Set(rows.map(row => row.service));
  // A deleted endpoint already shows the gap; only services AWS does not list at all get a row of their own.
  for (const service of declaredButMissing.filter(
    name => !listedServices.has(name),
  )) {
    const type = isKnownEndpointService(service)
      ? getEndpointDefinition(service).type
      : 'Unknown';
    rows.push(
      missingRow(
        service,
        endpointServiceName(annotations.region, service),
        type,
      ),
    );
  }
  return {
    endpoints: rows.sort(byServiceThenId),
    declaredButMissing,
    presentButNotDeclared: [...presentServices]
      .filter(service => !declared.has(service))
      .sort(),
  };
}

function consumerRows(
  snapshot: VpcEndpointsSnapshot,
  annotations: StatusAnnotations,
): EndpointStatus[] {
  const byId = new Map(
    snapshot.endpoints.map(record => [record.endpointId, record]),
  );
  return annotations.consumerEndpointIds.map(endpointId => {
    const record = byId.get(endpointId);
    if (!record) {
      return { ...missingRow('', '', 'Interface'), endpointId };
    }
    const service =
      parseEndpointServiceName(record.serviceName)?.service ??
      record.serviceName;
    return toRow(record, service, true);
  });
}

function serviceStatus(
  snapshot: EndpointServiceSnapshot,
): EndpointServiceStatus {
  const connectionCountsByState: Record<string, number> = {};
  for (const connection of snapshot.connections) {
    const key = connection.state.toLocaleLowerCase('en-US');
    connectionCountsByState[key] = (connectionCountsByState[key] ?? 0) + 1;
  }
  return {
    serviceId: snapshot.serviceId,
    ...(snapshot.serviceName ? { serviceName: snapshot.serviceName } : {}),
    state: snapshot.state,
    acceptanceRequired: snapshot.acceptanceRequired,
    allowedPrincipalsCount: snapshot.allowedPrincipalsCount,
    connections: snapshot.connections,
    connectionCountsByState,
  };
}

function oldest(times: (string | undefined)[], fallback: Date): string {
  const known = times.filter((time): time is string => Boolean(time)).sort();
  return known[0] ?? fallback.toISOString();
}

/** Builds the route's answer from the shared snapshots and what the entity declares. */
export function buildStatus(inputs: StatusInputs): PrivateFargateStatus {
  const { annotations, vpc, service, now } = inputs;
  const status: PrivateFargateStatus = {
    entityRef: inputs.entityRef,
    accountId: annotations.accountId,
    region: annotations.region,
    vpcId: annotations.vpcId,
    source: inputs.source,
    endpoints: [],
    declaredButMissing: [],
    presentButNotDeclared: [],
    fetchedAt: oldest([vpc?.fetchedAt, service?.fetchedAt], now),
    stale: Boolean(vpc?.stale || service?.stale),
    errors: [
      ...(inputs.errors ?? []),
      ...(vpc?.errors ?? []),
      ...(service?.errors ?? []),
    ],
  };
  if (vpc?.value) {
    Object.assign(status, awsServiceRows(vpc.value, annotations));
    if (annotations.consumerEndpointIds.length > 0) {
      status.consumerEndpoints = consumerRows(vpc.value, annotations);
    }
    const cost = endpointMonthlyCost(annotations.region, [
      ...status.endpoints,
      ...(status.consumerEndpoints ?? []),
    ]);
    if (cost) {
      status.monthlyCost = cost;
    }
  }
  if (service?.value) {
    status.endpointService = serviceStatus(service.value);
  }
  if (inputs.template) {
    status.template = inputs.template;
  }
  return status;
}
