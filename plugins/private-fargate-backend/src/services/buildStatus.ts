import {
  EndpointServiceStatus,
  EndpointStatus,
  PrivateFargateStatus,
  StatusCallError,
  UnhealthyDeclaration,
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
import { endpointProblem } from './endpointProblem';
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
}

const MISSING = 'missing';
const UNKNOWN = 'unknown';

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

function absentRow(
  service: string,
  serviceName: string,
  type: EndpointStatus['type'],
  state: typeof MISSING | typeof UNKNOWN,
): EndpointStatus {
  return {
    service,
    serviceName,
    type,
    state,
    declared: true,
    present: false,
    availabilityZones: [],
    subnetIds: [],
    dnsNames: [],
  };
}

/** The row of a declared suffix that has no endpoint to show: `missing` in AWS, or `unknown` when AWS was not read. */
function declaredRow(
  service: string,
  region: string,
  state: typeof MISSING | typeof UNKNOWN,
): EndpointStatus {
  const type = isKnownEndpointService(service)
    ? getEndpointDefinition(service).type
    : 'Unknown';
  return absentRow(service, endpointServiceName(region, service), type, state);
}

function byServiceThenId(a: EndpointStatus, b: EndpointStatus): number {
  return (
    a.service.localeCompare(b.service) ||
    (a.endpointId ?? '').localeCompare(b.endpointId ?? '')
  );
}

type EndpointComparison = Pick<
  PrivateFargateStatus,
  | 'endpoints'
  | 'declaredButMissing'
  | 'declaredButUnhealthy'
  | 'presentButNotDeclared'
>;

function unhealthyDeclarations(
  declared: string[],
  rows: EndpointStatus[],
): UnhealthyDeclaration[] {
  const unhealthy: UnhealthyDeclaration[] = [];
  for (const service of declared) {
    const existing = rows.filter(row => row.service === service && row.present);
    if (existing.length > 0 && existing.every(row => row.problem)) {
      unhealthy.push({
        service,
        reason: existing
          .map(
            row =>
              `${row.endpointId} ${row.problem}${
                row.lastError ? ` (AWS: ${row.lastError})` : ''
              }`,
          )
          .join('. '),
      });
    }
  }
  return unhealthy;
}

function awsServiceRows(
  snapshot: VpcEndpointsSnapshot,
  annotations: StatusAnnotations,
): EndpointComparison {
  const declared = new Set(annotations.declaredEndpoints);
  const consumerIds = new Set(annotations.consumerEndpointIds);
  const rows: EndpointStatus[] = [];
  for (const record of snapshot.endpoints) {
    const parsed = parseEndpointServiceName(record.serviceName);
    if (!parsed || consumerIds.has(record.endpointId)) {
      continue;
    }
    const row = toRow(record, parsed.service, declared.has(parsed.service));
    // A deleted endpoint is reported as missing, not as a broken one.
    const problem = row.present
      ? endpointProblem(record, parsed, annotations.region)
      : undefined;
    if (problem) {
      row.problem = problem;
    }
    rows.push(row);
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
    rows.push(declaredRow(service, annotations.region, MISSING));
  }
  return {
    endpoints: rows.sort(byServiceThenId),
    declaredButMissing,
    declaredButUnhealthy: unhealthyDeclarations(
      annotations.declaredEndpoints,
      rows,
    ),
    presentButNotDeclared: [...presentServices]
      .filter(service => !declared.has(service))
      .sort(),
  };
}

/** Without a snapshot nothing is known to be missing: the declarations are listed as unknown. */
function unreadRows(
  annotations: StatusAnnotations,
): EndpointComparison & Pick<PrivateFargateStatus, 'consumerEndpoints'> {
  const comparison: EndpointComparison &
    Pick<PrivateFargateStatus, 'consumerEndpoints'> = {
    endpoints: annotations.declaredEndpoints
      .map(service => declaredRow(service, annotations.region, UNKNOWN))
      .sort(byServiceThenId),
    declaredButMissing: [],
    declaredButUnhealthy: [],
    presentButNotDeclared: [],
  };
  if (annotations.consumerEndpointIds.length > 0) {
    comparison.consumerEndpoints = annotations.consumerEndpointIds.map(
      endpointId => ({
        ...absentRow('', '', 'Interface', UNKNOWN),
        endpointId,
      }),
    );
  }
  return comparison;
}

function emptyVpcHint(
  snapshot: VpcEndpointsSnapshot,
  annotations: StatusAnnotations,
): string | undefined {
  const expected = [
    ...annotations.declaredEndpoints,
    ...annotations.consumerEndpointIds,
  ];
  if (snapshot.endpoints.length > 0 || expected.length === 0) {
    return undefined;
  }
  const { vpcId, region, accountId } = annotations;
  return `No endpoints found in ${vpcId} in ${region} of account ${accountId}, although the entity declares ${expected.join(
    ', ',
  )}. Check the private-fargate/vpc-id, private-fargate/aws-region and private-fargate/aws-account-id annotations; if they are right, the endpoints have not been created yet.`;
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
      return { ...absentRow('', '', 'Interface', MISSING), endpointId };
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
  const status: EndpointServiceStatus = {
    serviceId: snapshot.serviceId,
    ...(snapshot.serviceName ? { serviceName: snapshot.serviceName } : {}),
    state: snapshot.state,
    acceptanceRequired: snapshot.acceptanceRequired,
  };
  if (snapshot.allowedPrincipalsCount !== undefined) {
    status.allowedPrincipalsCount = snapshot.allowedPrincipalsCount;
  }
  if (snapshot.connections) {
    const connectionCountsByState: Record<string, number> = {};
    for (const connection of snapshot.connections) {
      const key = connection.state.toLocaleLowerCase('en-US');
      connectionCountsByState[key] = (connectionCountsByState[key] ?? 0) + 1;
    }
    status.connections = snapshot.connections;
    status.connectionCountsByState = connectionCountsByState;
  }
  return status;
}

function oldest(results: (SnapshotResult<unknown> | undefined)[]) {
  return results
    .filter(result => result?.value !== undefined)
    .map(result => result?.fetchedAt)
    .filter((time): time is string => Boolean(time))
    .sort()[0];
}

function distinct(errors: StatusCallError[]): StatusCallError[] {
  const seen = new Set<string>();
  return errors.filter(error => {
    const key = `${error.operation}\n${error.kind}\n${error.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Builds the route's answer from the shared snapshots and what the entity declares. */
export function buildStatus(inputs: StatusInputs): PrivateFargateStatus {
  const { annotations, vpc, service } = inputs;
  const status: PrivateFargateStatus = {
    entityRef: inputs.entityRef,
    accountId: annotations.accountId,
    region: annotations.region,
    vpcId: annotations.vpcId,
    source: inputs.source,
    vpcEndpointsRead: Boolean(vpc?.value),
    ...(vpc?.value
      ? awsServiceRows(vpc.value, annotations)
      : unreadRows(annotations)),
    stale: Boolean(vpc?.stale || service?.stale),
    errors: distinct([
      ...(inputs.errors ?? []),
      ...(vpc?.errors ?? []),
      ...(service?.errors ?? []),
      ...(service?.value?.errors ?? []),
    ]),
    hints: [],
  };
  const fetchedAt = oldest([vpc, service]);
  if (fetchedAt) {
    status.fetchedAt = fetchedAt;
  }
  if (vpc?.value) {
    if (annotations.consumerEndpointIds.length > 0) {
      status.consumerEndpoints = consumerRows(vpc.value, annotations);
    }
    const hint = emptyVpcHint(vpc.value, annotations);
    if (hint) {
      status.hints.push(hint);
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
