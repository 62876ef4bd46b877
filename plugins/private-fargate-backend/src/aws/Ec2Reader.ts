import {
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
  VpcEndpoint,
  VpcEndpointConnection,
} from '@aws-sdk/client-ec2';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type {
  EndpointConnectionStatus,
  StatusCallError,
} from '@private-fargate/plugin-private-fargate-common';
import { Ec2CallFailure, classifyEc2Error } from './Ec2CallFailure';
import {
  EndpointServiceSnapshot,
  EndpointServiceTarget,
  VpcEndpointRecord,
  VpcEndpointsSnapshot,
  VpcTarget,
} from './snapshots';
import {
  availabilityZonesFromDnsNames,
  normalizeEndpointKind,
  normalizeState,
} from './states';

/** How the reader reaches EC2. */
export interface Ec2ReaderOptions {
  credentialsManager: AwsCredentialsManager;
  /** Overrides the EC2 address, e.g. a loopback server. */
  endpoint?: string;
  timeoutMs: number;
  maxAttempts: number;
}

// A guard against an endpoint that keeps answering with new tokens forever.
const MAX_PAGES = 1000;
const PAGE_SIZE = 1000;

type Page<T> = { items: T[]; nextToken?: string };

/** Reads VPC endpoints and endpoint services from EC2, every page, with a time limit per call. */
export class Ec2Reader {
  readonly #options: Ec2ReaderOptions;
  readonly #clients = new Map<string, Promise<EC2Client>>();

  static create(options: Ec2ReaderOptions): Ec2Reader {
    return new Ec2Reader(options);
  }

  private constructor(options: Ec2ReaderOptions) {
    this.#options = options;
  }

  /** Every endpoint in one VPC (`DescribeVpcEndpoints` filtered by `vpc-id`). */
  async readVpcEndpoints(target: VpcTarget): Promise<VpcEndpointsSnapshot> {
    const operation = 'DescribeVpcEndpoints';
    const endpoints = await this.#paginate(
      target,
      operation,
      async (client, token, signal) => {
        const answer = await client.send(
          new DescribeVpcEndpointsCommand({
            Filters: [{ Name: 'vpc-id', Values: [target.vpcId] }],
            MaxResults: PAGE_SIZE,
            NextToken: token,
          }),
          { abortSignal: signal },
        );
        return {
          items: answer.VpcEndpoints ?? [],
          nextToken: answer.NextToken,
        };
      },
    );
    return {
      endpoints: endpoints.map(endpoint =>
        toEndpointRecord(endpoint, target.region, operation),
      ),
    };
  }

  /**
   * One endpoint service: its configuration, every connection and its allowed principals. Without
   * the configuration there is nothing to show, so its failure fails the read; a failed connection
   * or permission listing leaves that part out and is reported in the snapshot's `errors`.
   */
  async readEndpointService(
    target: EndpointServiceTarget,
  ): Promise<EndpointServiceSnapshot> {
    const [configuration, connections, principals] = await Promise.allSettled([
      this.#readServiceConfiguration(target),
      this.#paginate(
        target,
        'DescribeVpcEndpointConnections',
        async (client, token, signal) => {
          const answer = await client.send(
            new DescribeVpcEndpointConnectionsCommand({
              Filters: [{ Name: 'service-id', Values: [target.serviceId] }],
              MaxResults: PAGE_SIZE,
              NextToken: token,
            }),
            { abortSignal: signal },
          );
          return {
            items: answer.VpcEndpointConnections ?? [],
            nextToken: answer.NextToken,
          };
        },
      ),
      this.#paginate(
        target,
        'DescribeVpcEndpointServicePermissions',
        async (client, token, signal) => {
          const answer = await client.send(
            new DescribeVpcEndpointServicePermissionsCommand({
              ServiceId: target.serviceId,
              MaxResults: PAGE_SIZE,
              NextToken: token,
            }),
            { abortSignal: signal },
          );
          return {
            items: answer.AllowedPrincipals ?? [],
            nextToken: answer.NextToken,
          };
        },
      ),
    ]);
    if (configuration.status === 'rejected') {
      throw configuration.reason;
    }
    const snapshot: EndpointServiceSnapshot = {
      ...configuration.value,
      errors: [],
    };
    if (connections.status === 'fulfilled') {
      snapshot.connections = connections.value
        .filter(
          connection =>
            !connection.ServiceId || connection.ServiceId === target.serviceId,
        )
        .map(toConnectionStatus);
    } else {
      snapshot.errors.push(callErrorOf(connections.reason));
    }
    if (principals.status === 'fulfilled') {
      snapshot.allowedPrincipalsCount = principals.value.length;
    } else {
      snapshot.errors.push(callErrorOf(principals.reason));
    }
    return snapshot;
  }

  async #readServiceConfiguration(
    target: EndpointServiceTarget,
  ): Promise<
    Pick<
      EndpointServiceSnapshot,
      'serviceId' | 'serviceName' | 'state' | 'acceptanceRequired'
    >
  > {
    const operation = 'DescribeVpcEndpointServiceConfigurations';
    const configurations = await this.#paginate(
      target,
      operation,
      async (client, token, signal) => {
        const answer = await client.send(
          new DescribeVpcEndpointServiceConfigurationsCommand({
            ServiceIds: [target.serviceId],
            NextToken: token,
          }),
          { abortSignal: signal },
        );
        return {
          items: answer.ServiceConfigurations ?? [],
          nextToken: answer.NextToken,
        };
      },
    );
    const configuration = configurations.find(
      item => item.ServiceId === target.serviceId,
    );
    if (!configuration) {
      throw new Ec2CallFailure(
        operation,
        'not-found',
        `Endpoint service ${target.serviceId} does not exist in account ${target.accountId}, ${target.region}. Check the entity's private-fargate/endpoint-service-id annotation.`,
      );
    }
    return {
      serviceId: target.serviceId,
      serviceName: configuration.ServiceName,
      state: normalizeState(configuration.ServiceState),
      acceptanceRequired: configuration.AcceptanceRequired ?? false,
    };
  }

  async #paginate<T>(
    target: { accountId: string; region: string },
    operation: string,
    fetchPage: (
      client: EC2Client,
      token: string | undefined,
      signal: AbortSignal,
    ) => Promise<Page<T>>,
  ): Promise<T[]> {
    const items: T[] = [];
    const seenTokens = new Set<string>();
    let token: string | undefined;
    try {
      const client = await this.#client(target.accountId, target.region);
      for (let page = 0; page < MAX_PAGES; page++) {
        const pageToken = token;
        const result = await withTimeout(this.#options.timeoutMs, signal =>
          fetchPage(client, pageToken, signal),
        );
        items.push(...result.items);
        if (!result.nextToken) {
          return items;
        }
        if (seenTokens.has(result.nextToken)) {
          throw new Ec2CallFailure(
            operation,
            'malformed-response',
            `EC2 repeated the page token of ${operation} in account ${target.accountId}, ${target.region}; the listing would never end.`,
          );
        }
        seenTokens.add(result.nextToken);
        token = result.nextToken;
      }
      throw new Ec2CallFailure(
        operation,
        'malformed-response',
        `${operation} in account ${target.accountId}, ${target.region} returned more than ${MAX_PAGES} pages.`,
      );
    } catch (error) {
      throw classifyEc2Error(error, { operation, ...target });
    }
  }

  #client(accountId: string, region: string): Promise<EC2Client> {
    const key = `${accountId}/${region}`;
    let client = this.#clients.get(key);
    if (!client) {
      client = this.#createClient(accountId, region);
      // A failed credential lookup must not be remembered forever.
      client.catch(() => this.#clients.delete(key));
      this.#clients.set(key, client);
    }
    return client;
  }

  async #createClient(accountId: string, region: string): Promise<EC2Client> {
    const { sdkCredentialProvider } =
      await this.#options.credentialsManager.getCredentialProvider({
        accountId,
      });
    return new EC2Client({
      region,
      credentials: sdkCredentialProvider,
      endpoint: this.#options.endpoint,
      maxAttempts: this.#options.maxAttempts,
      requestHandler: {
        requestTimeout: this.#options.timeoutMs,
        connectionTimeout: this.#options.timeoutMs,
      },
    });
  }
}

// #paginate turns every AWS failure into an Ec2CallFailure; anything else is a bug and must surface.
function callErrorOf(reason: unknown): StatusCallError {
  if (reason instanceof Ec2CallFailure) {
    return reason.callError;
  }
  throw reason;
}

async function withTimeout<T>(
  ms: number,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      const timeout = new Error(`timed out after ${ms} ms`);
      timeout.name = 'TimeoutError';
      throw timeout;
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function requireField<T>(
  value: T | undefined,
  field: string,
  operation: string,
): T {
  if (value === undefined || value === null || value === '') {
    throw new Ec2CallFailure(
      operation,
      'malformed-response',
      `EC2's answer to ${operation} lacks ${field}; the snapshot was not updated.`,
    );
  }
  return value;
}

function toEndpointRecord(
  endpoint: VpcEndpoint,
  region: string,
  operation: string,
): VpcEndpointRecord {
  const type = normalizeEndpointKind(endpoint.VpcEndpointType);
  const dnsNames = (endpoint.DnsEntries ?? [])
    .map(entry => entry.DnsName)
    .filter((name): name is string => Boolean(name));
  const record: VpcEndpointRecord = {
    endpointId: requireField(
      endpoint.VpcEndpointId,
      'VpcEndpointId',
      operation,
    ),
    serviceName: requireField(endpoint.ServiceName, 'ServiceName', operation),
    type,
    state: normalizeState(endpoint.State),
    subnetIds: endpoint.SubnetIds ?? [],
    availabilityZones: availabilityZonesFromDnsNames(dnsNames, region),
    dnsNames,
  };
  if (type === 'Interface') {
    record.privateDnsEnabled = endpoint.PrivateDnsEnabled ?? false;
  }
  if (endpoint.LastError?.Message || endpoint.LastError?.Code) {
    record.lastError = [endpoint.LastError.Code, endpoint.LastError.Message]
      .filter(Boolean)
      .join(': ');
  } else if (endpoint.FailureReason) {
    record.lastError = endpoint.FailureReason;
  }
  return record;
}

function toConnectionStatus(
  connection: VpcEndpointConnection,
): EndpointConnectionStatus {
  const status: EndpointConnectionStatus = {
    endpointId: requireField(
      connection.VpcEndpointId,
      'VpcEndpointId',
      'DescribeVpcEndpointConnections',
    ),
    state: normalizeState(connection.VpcEndpointState),
  };
  if (connection.VpcEndpointOwner) {
    status.consumerAccountId = connection.VpcEndpointOwner;
  }
  if (
    connection.CreationTimestamp &&
    !Number.isNaN(connection.CreationTimestamp.getTime())
  ) {
    status.createdAt = connection.CreationTimestamp.toISOString();
  }
  return status;
}
