import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A VPC endpoint the loopback server knows. */
export interface FixtureVpcEndpoint {
  vpcEndpointId: string;
  vpcId: string;
  serviceName: string;
  type: 'Interface' | 'Gateway' | 'GatewayLoadBalancer';
  state: string;
  subnetIds?: string[];
  routeTableIds?: string[];
  dnsNames?: string[];
  privateDnsEnabled?: boolean;
  ownerId?: string;
  createdAt?: string;
  lastError?: { code: string; message: string };
}

/** An endpoint service (provider side of PrivateLink). */
export interface FixtureServiceConfiguration {
  serviceId: string;
  serviceName: string;
  state: string;
  acceptanceRequired: boolean;
  availabilityZones?: string[];
}

/** A consumer's connection to an endpoint service. */
export interface FixtureConnection {
  serviceId: string;
  vpcEndpointId: string;
  ownerId: string;
  state: string;
  createdAt: string;
}

/** A principal allowed to connect to an endpoint service. */
export interface FixturePermission {
  serviceId: string;
  principal: string;
}

/** Everything the loopback server answers from. */
export interface Ec2Fixture {
  vpcEndpoints: FixtureVpcEndpoint[];
  serviceConfigurations: FixtureServiceConfiguration[];
  connections: FixtureConnection[];
  permissions: FixturePermission[];
}

/** A failure the server can be told to produce for an action (or for every action with `*`). */
export type Ec2Fault =
  | { kind: 'throttle' }
  | { kind: 'server-error' }
  | { kind: 'unauthorized' }
  | { kind: 'malformed' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'error'; status: number; code: string; message: string };

/** One request the server received. */
export interface RecordedCall {
  action: string;
  params: Record<string, string>;
  region?: string;
  accessKeyId?: string;
}

const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

type Answer = { status: number; body: string };

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: string | boolean | undefined): string {
  return value === undefined
    ? ''
    : `<${name}>${escapeXml(String(value))}</${name}>`;
}

function stringSet(name: string, values: string[] | undefined): string {
  return `<${name}>${(values ?? [])
    .map(value => element('item', value))
    .join('')}</${name}>`;
}

function errorAnswer(status: number, code: string, message: string): Answer {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>${element(
      'Code',
      code,
    )}${element('Message', message)}</Error></Errors>${element(
      'RequestID',
      randomUUID(),
    )}</Response>`,
  };
}

function successAnswer(action: string, content: string): Answer {
  return {
    status: 200,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_NAMESPACE}">${element(
      'requestId',
      randomUUID(),
    )}${content}</${action}Response>`,
  };
}

/** Values of `Filter.N.Value.M` for the filter named `name`. */
function filterValues(
  params: Record<string, string>,
  name: string,
): string[] | undefined {
  for (const [key, value] of Object.entries(params)) {
    const match = /^Filter\.(\d+)\.Name$/.exec(key);
    if (match && value === name) {
      return Object.entries(params)
        .filter(([valueKey]) =>
          valueKey.startsWith(`Filter.${match[1]}.Value.`),
        )
        .map(([, filterValue]) => filterValue);
    }
  }
  return undefined;
}

function listValues(params: Record<string, string>, prefix: string): string[] {
  return Object.entries(params)
    .filter(([key]) => new RegExp(`^${prefix}\\.\\d+$`).test(key))
    .map(([, value]) => value);
}

function vpcEndpointXml(endpoint: FixtureVpcEndpoint): string {
  return `<item>${element('vpcEndpointId', endpoint.vpcEndpointId)}${element(
    'vpcEndpointType',
    endpoint.type,
  )}${element('vpcId', endpoint.vpcId)}${element(
    'serviceName',
    endpoint.serviceName,
  )}${element('state', endpoint.state)}${stringSet(
    'routeTableIdSet',
    endpoint.routeTableIds,
  )}${stringSet('subnetIdSet', endpoint.subnetIds)}${element(
    'privateDnsEnabled',
    endpoint.privateDnsEnabled ?? false,
  )}${element('requesterManaged', false)}<dnsEntrySet>${(
    endpoint.dnsNames ?? []
  )
    .map(
      name =>
        `<item>${element('dnsName', name)}${element(
          'hostedZoneId',
          'Z2E726K9Y6RL4W',
        )}</item>`,
    )
    .join('')}</dnsEntrySet>${element(
    'creationTimestamp',
    endpoint.createdAt ?? '2026-01-15T09:30:00.000Z',
  )}${element('ownerId', endpoint.ownerId ?? '111111111111')}${
    endpoint.lastError
      ? `<lastError>${element('message', endpoint.lastError.message)}${element(
          'code',
          endpoint.lastError.code,
        )}</lastError>`
      : ''
  }</item>`;
}

function serviceConfigurationXml(service: FixtureServiceConfiguration): string {
  return `<item><serviceType><item>${element(
    'serviceType',
    'Interface',
  )}</item></serviceType>${element('serviceId', service.serviceId)}${element(
    'serviceName',
    service.serviceName,
  )}${element('serviceState', service.state)}${stringSet(
    'availabilityZoneSet',
    service.availabilityZones,
  )}${element('acceptanceRequired', service.acceptanceRequired)}${element(
    'managesVpcEndpoints',
    false,
  )}</item>`;
}

function connectionXml(connection: FixtureConnection): string {
  return `<item>${element('serviceId', connection.serviceId)}${element(
    'vpcEndpointId',
    connection.vpcEndpointId,
  )}${element('vpcEndpointOwner', connection.ownerId)}${element(
    'vpcEndpointState',
    connection.state,
  )}${element('creationTimestamp', connection.createdAt)}</item>`;
}

function permissionXml(permission: FixturePermission): string {
  return `<item>${element('principalType', 'Account')}${element(
    'principal',
    permission.principal,
  )}${element('serviceId', permission.serviceId)}</item>`;
}

/**
 * An HTTP server on 127.0.0.1 that speaks the EC2 Query protocol (form-encoded POST, XML answers
 * in EC2's namespace) for the four read calls the status backend makes, with `NextToken` paging and
 * faults on demand. The real `@aws-sdk/client-ec2` talks to it through its `endpoint` option.
 */
export class Ec2QueryServer {
  readonly #server: http.Server;
  readonly #faults = new Map<string, Ec2Fault>();
  readonly #calls: RecordedCall[] = [];
  #fixture: Ec2Fixture;
  #pageSize: number;
  #latencyMs: number;

  /** Starts a server; port 0 (the default) picks a free port. */
  static async start(options: {
    fixture: Ec2Fixture;
    pageSize?: number;
    latencyMs?: number;
    port?: number;
  }): Promise<Ec2QueryServer> {
    const server = new Ec2QueryServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', reject);
      server.#server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return server;
  }

  private constructor(options: {
    fixture: Ec2Fixture;
    pageSize?: number;
    latencyMs?: number;
  }) {
    this.#fixture = options.fixture;
    this.#pageSize = options.pageSize ?? 1000;
    this.#latencyMs = options.latencyMs ?? 0;
    this.#server = http.createServer((req, res) => {
      this.#handle(req, res).catch(error => {
        if (!res.headersSent) {
          res.writeHead(500).end(String(error));
        }
      });
    });
    this.#server.keepAliveTimeout = 1000;
  }

  /** `http://127.0.0.1:<port>`, for `privateFargate.aws.ec2Endpoint`. */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Every request received so far, oldest first. */
  get calls(): readonly RecordedCall[] {
    return this.#calls;
  }

  /** How many requests named `action` (or any action) arrived. */
  callCount(action?: string): number {
    return this.#calls.filter(call => !action || call.action === action).length;
  }

  resetCalls(): void {
    this.#calls.length = 0;
  }

  setFixture(fixture: Ec2Fixture): void {
    this.#fixture = fixture;
  }

  setPageSize(pageSize: number): void {
    this.#pageSize = pageSize;
  }

  /** Makes `action` (or `*` for all) fail the given way until cleared. */
  setFault(action: string, fault: Ec2Fault | undefined): void {
    if (fault) {
      this.#faults.set(action, fault);
    } else {
      this.#faults.delete(action);
    }
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>(resolve => this.#server.close(() => resolve()));
  }

  async #handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const params = Object.fromEntries(
      new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
    );
    const credential = /Credential=([^/]+)\/\d+\/([^/]+)\//.exec(
      req.headers.authorization ?? '',
    );
    const action = params.Action ?? '';
    this.#calls.push({
      action,
      params,
      accessKeyId: credential?.[1],
      region: credential?.[2],
    });

    const fault = this.#faults.get(action) ?? this.#faults.get('*');
    const delayMs =
      (fault?.kind === 'slow' ? fault.delayMs : 0) + this.#latencyMs;
    if (delayMs > 0) {
      await new Promise(resolve => setTimeout(resolve, delayMs));
      if (res.destroyed || req.socket.destroyed) {
        return;
      }
    }
    const answer = this.#answer(req.method ?? '', action, params, fault);
    res.writeHead(answer.status, { 'Content-Type': 'text/xml;charset=UTF-8' });
    res.end(answer.body);
  }

  #answer(
    method: string,
    action: string,
    params: Record<string, string>,
    fault: Ec2Fault | undefined,
  ): Answer {
    if (method !== 'POST') {
      return errorAnswer(
        400,
        'InvalidAction',
        'The EC2 Query API is reached with POST here.',
      );
    }
    switch (fault?.kind) {
      case 'throttle':
        return errorAnswer(
          503,
          'RequestLimitExceeded',
          'Request limit exceeded.',
        );
      case 'server-error':
        return errorAnswer(
          500,
          'InternalError',
          'An internal error has occurred.',
        );
      case 'unauthorized':
        return errorAnswer(
          403,
          'UnauthorizedOperation',
          `You are not authorized to perform this operation. User: arn:aws:iam::111111111111:role/backstage is not authorized to perform: ec2:${action}`,
        );
      case 'error':
        return errorAnswer(fault.status, fault.code, fault.message);
      case 'malformed':
        return {
          status: 200,
          body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_NAMESPACE}"><requestId>x</requestId><item><vpcEndpointId>vpce-`,
        };
      default:
        break;
    }
    switch (action) {
      case 'DescribeVpcEndpoints':
        return this.#describeVpcEndpoints(params);
      case 'DescribeVpcEndpointServiceConfigurations':
        return this.#describeServiceConfigurations(params);
      case 'DescribeVpcEndpointConnections':
        return this.#describeConnections(params);
      case 'DescribeVpcEndpointServicePermissions':
        return this.#describePermissions(params);
      default:
        return errorAnswer(
          400,
          'InvalidAction',
          `The action ${action} is not valid for this web service.`,
        );
    }
  }

  #page<T>(
    action: string,
    params: Record<string, string>,
    items: T[],
    setName: string,
    toXml: (item: T) => string,
  ): Answer {
    let offset = 0;
    if (params.NextToken) {
      offset = Number(
        Buffer.from(params.NextToken, 'base64url').toString('utf8'),
      );
      if (!Number.isInteger(offset) || offset < 0 || offset > items.length) {
        return errorAnswer(
          400,
          'InvalidNextToken',
          'The specified token is not valid.',
        );
      }
    }
    const requested = Number(params.MaxResults ?? this.#pageSize);
    const size = Math.max(1, Math.min(this.#pageSize, requested));
    const page = items.slice(offset, offset + size);
    const next = offset + size < items.length ? offset + size : undefined;
    return successAnswer(
      action,
      `<${setName}>${page.map(toXml).join('')}</${setName}>${element(
        'nextToken',
        next === undefined
          ? undefined
          : Buffer.from(String(next)).toString('base64url'),
      )}`,
    );
  }

  #describeVpcEndpoints(params: Record<string, string>): Answer {
    const vpcIds = filterValues(params, 'vpc-id');
    const ids = listValues(params, 'VpcEndpointId');
    const endpoints = this.#fixture.vpcEndpoints.filter(
      endpoint =>
        (!vpcIds || vpcIds.includes(endpoint.vpcId)) &&
        (ids.length === 0 || ids.includes(endpoint.vpcEndpointId)),
    );
    return this.#page(
      'DescribeVpcEndpoints',
      params,
      endpoints,
      'vpcEndpointSet',
      vpcEndpointXml,
    );
  }

  #describeServiceConfigurations(params: Record<string, string>): Answer {
    const ids = listValues(params, 'ServiceId');
    const unknown = ids.find(
      id =>
        !this.#fixture.serviceConfigurations.some(
          service => service.serviceId === id,
        ),
    );
    if (unknown) {
      return errorAnswer(
        400,
        'InvalidVpcEndpointServiceId.NotFound',
        `The Vpc Endpoint Service Id '${unknown}' does not exist`,
      );
    }
    const services = this.#fixture.serviceConfigurations.filter(
      service => ids.length === 0 || ids.includes(service.serviceId),
    );
    return this.#page(
      'DescribeVpcEndpointServiceConfigurations',
      params,
      services,
      'serviceConfigurationSet',
      serviceConfigurationXml,
    );
  }

  #describeConnections(params: Record<string, string>): Answer {
    const serviceIds = filterValues(params, 'service-id');
    const connections = this.#fixture.connections.filter(
      connection => !serviceIds || serviceIds.includes(connection.serviceId),
    );
    return this.#page(
      'DescribeVpcEndpointConnections',
      params,
      connections,
      'vpcEndpointConnectionSet',
      connectionXml,
    );
  }

  #describePermissions(params: Record<string, string>): Answer {
    const serviceId = params.ServiceId;
    if (
      !this.#fixture.serviceConfigurations.some(
        service => service.serviceId === serviceId,
      )
    ) {
      return errorAnswer(
        400,
        'InvalidVpcEndpointServiceId.NotFound',
        `The Vpc Endpoint Service Id '${serviceId}' does not exist`,
      );
    }
    const permissions = this.#fixture.permissions.filter(
      permission => permission.serviceId === serviceId,
    );
    return this.#page(
      'DescribeVpcEndpointServicePermissions',
      params,
      permissions,
      'allowedPrincipals',
      permissionXml,
    );
  }
}

/** Regional and zonal DNS names in the shape AWS gives interface endpoints. */
export function interfaceEndpointDnsNames(
  endpointId: string,
  serviceName: string,
  region: string,
  availabilityZones: string[],
): string[] {
  const label = `${endpointId}-${endpointId
    .slice(-8)
    .split('')
    .reverse()
    .join('')}`;
  const suffix = serviceName.startsWith(`com.amazonaws.${region}.`)
    ? `${serviceName.slice(
        `com.amazonaws.${region}.`.length,
      )}.${region}.vpce.amazonaws.com`
    : `${serviceName.split('.').pop()}.${region}.vpce.amazonaws.com`;
  return [
    `${label}.${suffix}`,
    ...availabilityZones.map(zone => `${label}-${zone}.${suffix}`),
  ];
}
