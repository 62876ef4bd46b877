/**
 * The answer of `GET /api/private-fargate/v1/entities/:namespace/:kind/:name/status`.
 * It carries only what the card needs: never raw SDK objects, never credentials.
 */

/** @public */
export type EndpointKind =
  | 'Interface'
  | 'Gateway'
  | 'GatewayLoadBalancer'
  | 'Unknown';

/** Why a call to AWS failed, in words a person can act on. @public */
export type StatusErrorKind =
  | 'throttled'
  | 'access-denied'
  | 'timeout'
  | 'malformed-response'
  | 'account-not-configured'
  | 'not-found'
  | 'credentials-expired'
  | 'clock-skew'
  | 'region-not-enabled'
  | 'assume-role-denied'
  | 'unknown';

/** @public */
export interface StatusCallError {
  /** The AWS operation, e.g. `DescribeVpcEndpoints`; `config` for local problems. */
  operation: string;
  kind: StatusErrorKind;
  /** A human message that says what went wrong and what to do. */
  message: string;
}

/** One row of the endpoint table. @public */
export interface EndpointStatus {
  /** Service suffix, e.g. `ecr.api`; for non-AWS services the full service name. */
  service: string;
  /** Full service name, e.g. `com.amazonaws.ap-northeast-1.ecr.api`. */
  serviceName: string;
  type: EndpointKind;
  /**
   * EC2's state, lower camel case as EC2 answers it (`available`, `pendingAcceptance`, ...);
   * `missing` when declared but absent; `unknown` when AWS was not read.
   */
  state: string;
  declared: boolean;
  present: boolean;
  endpointId?: string;
  availabilityZones: string[];
  subnetIds: string[];
  privateDnsEnabled?: boolean;
  dnsNames: string[];
  lastError?: string;
  /**
   * Why this endpoint does not serve its service for the entity: a state that carries no traffic,
   * the wrong type or Region, or private DNS off. Absent when it works.
   */
  problem?: string;
}

/** A declared service whose endpoints all exist but none works. @public */
export interface UnhealthyDeclaration {
  service: string;
  /** Each endpoint of the service with what is wrong with it. */
  reason: string;
}

/** @public */
export interface EndpointConnectionStatus {
  consumerAccountId?: string;
  endpointId: string;
  state: string;
  createdAt?: string;
}

/** @public */
export interface EndpointServiceStatus {
  serviceId: string;
  serviceName?: string;
  state: string;
  acceptanceRequired: boolean;
  /** Absent when `DescribeVpcEndpointServicePermissions` failed (see `errors`). */
  allowedPrincipalsCount?: number;
  /** Absent when `DescribeVpcEndpointConnections` failed (see `errors`). */
  connections?: EndpointConnectionStatus[];
  /** Connection counts keyed by lower-case state, e.g. `{ available: 2, pendingacceptance: 1 }`; absent with `connections`. */
  connectionCountsByState?: Record<string, number>;
}

/** @public */
export interface PrivateFargateStatus {
  entityRef: string;
  accountId: string;
  region: string;
  vpcId: string;
  /** `aws` for a real account; `demo` when the backend reads the local demo EC2 server. */
  source: 'aws' | 'demo';
  /** False when the VPC's endpoints could not be read (account not configured, first read failed); declared endpoints are then listed with state `unknown`. */
  vpcEndpointsRead: boolean;
  endpoints: EndpointStatus[];
  /** Suffixes declared on the entity that AWS does not show in the VPC (a `deleted` endpoint counts as missing). */
  declaredButMissing: string[];
  /** Declared suffixes whose endpoints exist but none works (wrong state, type or Region, private DNS off). */
  declaredButUnhealthy: UnhealthyDeclaration[];
  /** Suffixes present in the VPC that the entity does not declare (informational). */
  presentButNotDeclared: string[];
  endpointService?: EndpointServiceStatus;
  consumerEndpoints?: EndpointStatus[];
  /** Monthly cost of the working interface endpoints, from the common cost model. */
  monthlyCost?: {
    currency: 'USD';
    total: number;
    lines: { label: string; amount: number }[];
  };
  /** `<name>@<version>` from the entity, with the newest version the portal knows. */
  template?: {
    name: string;
    version: string;
    /** The `private-fargate/template-version` of the Template entity; absent when unknown. */
    latestVersion?: string;
    /** True when `latestVersion` is newer than `version`. */
    behind: boolean;
    /** Why `latestVersion` is unknown, e.g. the template is not in the catalog. */
    reason?: string;
  };
  /** ISO-8601 time the oldest snapshot in this answer was read from AWS; absent when nothing was read. */
  fetchedAt?: string;
  /** True when the last refresh failed and an older snapshot is served. */
  stale: boolean;
  errors: StatusCallError[];
  /** What to check when the answer looks wrong without an AWS error, e.g. a VPC without any endpoint. */
  hints: string[];
}
