import { performance } from 'node:perf_hooks';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CacheManager } from '@backstage/backend-defaults/cache';
import type {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { PRIVATE_FARGATE_ANNOTATIONS as A } from '@private-fargate/plugin-private-fargate-common';
import express from 'express';
import { Ec2Reader } from '../../plugins/private-fargate-backend/src/aws/Ec2Reader';
import {
  SnapshotCache,
  SnapshotSource,
} from '../../plugins/private-fargate-backend/src/cache/SnapshotCache';
import { createRouter } from '../../plugins/private-fargate-backend/src/router';
import { DefaultStatusService } from '../../plugins/private-fargate-backend/src/services/StatusService';
import {
  Ec2Fixture,
  Ec2QueryServer,
  interfaceEndpointDnsNames,
} from '../../plugins/private-fargate-backend/src/testing/ec2QueryServer';

const ENTITIES = 2000;
const CLIENTS = 20;
const ACCOUNTS = ['111111111111', '222222222222'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
const VPCS = 10;
const ENDPOINTS_PER_VPC = [
  'ecr.api',
  'ecr.dkr',
  's3',
  'logs',
  'secretsmanager',
  'ssm',
  'kms',
  'sts',
];
const CACHE_TTL_MS = 60_000;

type Vpc = {
  accountId: string;
  region: string;
  vpcId: string;
  serviceId: string;
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function buildVpcs(): Vpc[] {
  return Array.from({ length: VPCS }, (_, index) => ({
    accountId: ACCOUNTS[index % ACCOUNTS.length],
    region: REGIONS[index % REGIONS.length],
    vpcId: `vpc-${hex(index + 1, 17)}`,
    serviceId: `vpce-svc-${hex(index + 1, 17)}`,
  }));
}

function buildFixture(vpcs: Vpc[]): Ec2Fixture {
  const fixture: Ec2Fixture = {
    vpcEndpoints: [],
    serviceConfigurations: [],
    connections: [],
    permissions: [],
  };
  vpcs.forEach((vpc, v) => {
    ENDPOINTS_PER_VPC.forEach((service, e) => {
      const id = `vpce-${hex(v * 100 + e + 1, 17)}`;
      const serviceName = `com.amazonaws.${vpc.region}.${service}`;
      fixture.vpcEndpoints.push(
        service === 's3'
          ? {
              vpcEndpointId: id,
              vpcId: vpc.vpcId,
              serviceName,
              type: 'Gateway',
              state: 'available',
            }
          : {
              vpcEndpointId: id,
              vpcId: vpc.vpcId,
              serviceName,
              type: 'Interface',
              state: e % 5 === 4 ? 'pending' : 'available',
              subnetIds: [
                'subnet-0aaaaaaaaaaaaaaaa',
                'subnet-0bbbbbbbbbbbbbbbb',
              ],
              privateDnsEnabled: true,
              dnsNames: interfaceEndpointDnsNames(id, serviceName, vpc.region, [
                `${vpc.region}a`,
                `${vpc.region}b`,
              ]),
            },
      );
    });
    fixture.serviceConfigurations.push({
      serviceId: vpc.serviceId,
      serviceName: `com.amazonaws.vpce.${vpc.region}.${vpc.serviceId}`,
      state: 'Available',
      acceptanceRequired: true,
    });
    ['available', 'pendingAcceptance', 'rejected'].forEach((state, c) => {
      fixture.connections.push({
        serviceId: vpc.serviceId,
        vpcEndpointId: `vpce-${hex(50_000 + v * 10 + c, 17)}`,
        ownerId: `3333333333${c}${v % 10}`,
        state,
        createdAt: '2026-10-01T00:00:00.000Z',
      });
    });
    fixture.permissions.push({
      serviceId: vpc.serviceId,
      principal: 'arn:aws:iam::333333333333:root',
    });
  });
  return fixture;
}

function buildEntities(vpcs: Vpc[]): Entity[] {
  return Array.from({ length: ENTITIES }, (_, index) => {
    const vpc = vpcs[index % vpcs.length];
    const annotations: Record<string, string> = {
      [A.accountId]: vpc.accountId,
      [A.region]: vpc.region,
      [A.vpcId]: vpc.vpcId,
      [A.endpoints]:
        index % 3
          ? 'ecr.api,ecr.dkr,s3,logs'
          : 'ecr.api,ecr.dkr,s3,logs,ssm,sqs',
    };
    // A quarter of the services publish through PrivateLink, in every VPC.
    if (Math.floor(index / VPCS) % 4 === 0) {
      annotations[A.endpointServiceId] = vpc.serviceId;
    }
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `service-${index}`, namespace: 'default', annotations },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'platform-team',
      },
    };
  });
}

const benchCredentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/bench' },
} as unknown as BackstageCredentials;

// The route's auth is not what is measured; every request is the same signed-in user.
const benchHttpAuth = {
  credentials: async () => benchCredentials,
  issueUserCookie: async () => ({ expiresAt: new Date() }),
} as unknown as HttpAuthService;

/** The baseline: every request reads AWS itself, as a plugin without a cache does. */
const noCache: SnapshotSource = {
  async get<T>(_key: string, load: () => Promise<T>) {
    const value = await load();
    return {
      value,
      fetchedAt: new Date().toISOString(),
      stale: false,
      errors: [],
    };
  },
};

async function startRoute(options: {
  entities: Entity[];
  snapshots: SnapshotSource;
  ec2Url: string;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const byRef = new Map(
    options.entities.map(entity => [stringifyEntityRef(entity), entity]),
  );
  const config = new ConfigReader({
    aws: {
      accounts: ACCOUNTS.map(accountId => ({
        accountId,
        accessKeyId: `AKIABENCH${accountId}`,
        secretAccessKey: 'bench-secret',
      })),
    },
  });
  const statusService = DefaultStatusService.create({
    catalog: { getEntityByRef: async ref => byRef.get(String(ref)) },
    reader: Ec2Reader.create({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      endpoint: options.ec2Url,
      timeoutMs: 10_000,
      maxAttempts: 1,
    }),
    snapshots: options.snapshots,
    configuredAccountIds: ACCOUNTS,
    demo: false,
  });
  const app = express();
  app.use(
    '/api/private-fargate',
    await createRouter({ httpAuth: benchHttpAuth, statusService }),
  );
  const server = http.createServer(app);
  server.keepAliveTimeout = 5000;
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/private-fargate/v1/entities/default/Component`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

type PassResult = {
  p50: number;
  p95: number;
  awsCalls: number;
  seconds: number;
};

/** 20 clients share the list of entities; each asks for one status at a time. */
async function pass(
  url: string,
  entities: Entity[],
  ec2: Ec2QueryServer,
): Promise<PassResult> {
  const before = ec2.callCount();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < entities.length) {
        const entity = entities[next++];
        const t0 = performance.now();
        const res = await fetch(`${url}/${entity.metadata.name}/status`);
        const body = (await res.json()) as { errors?: unknown[] };
        latencies.push(performance.now() - t0);
        if (res.status !== 200 || body.errors?.length) {
          throw new Error(
            `status of ${entity.metadata.name}: HTTP ${
              res.status
            } ${JSON.stringify(body)}`,
          );
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    awsCalls: ec2.callCount() - before,
    seconds: (performance.now() - started) / 1000,
  };
}

function readLatency(argv: string[]): number {
  const index = argv.indexOf('--ec2-latency-ms');
  const value = index === -1 ? 40 : Number(argv[index + 1]);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error('--ec2-latency-ms: give a number of milliseconds, e.g. 40');
  }
  return value;
}

function row(name: string, result: PassResult): string {
  return `${name.padEnd(34)} ${String(result.awsCalls).padStart(9)} ${result.p50
    .toFixed(1)
    .padStart(9)} ${result.p95.toFixed(1).padStart(9)} ${result.seconds
    .toFixed(1)
    .padStart(8)}`;
}

/** Runs the benchmark and prints its table. */
export async function runStatusBenchmark(argv: string[]): Promise<void> {
  const latencyMs = readLatency(argv);
  const vpcs = buildVpcs();
  const entities = buildEntities(vpcs);
  const ec2 = await Ec2QueryServer.start({
    fixture: buildFixture(vpcs),
    latencyMs,
  });
  const servicesInUse = new Set(
    entities
      .map(entity => entity.metadata.annotations?.[A.endpointServiceId])
      .filter(Boolean),
  ).size;
  console.log(
    `Status route benchmark: ${ENTITIES} entities, ${ACCOUNTS.length} accounts, ${REGIONS.length} Regions, ` +
      `${VPCS} VPCs, ${servicesInUse} endpoint services; ${CLIENTS} concurrent clients; ` +
      `loopback EC2 on 127.0.0.1 answering after ${latencyMs} ms.`,
  );

  let now = Date.now();
  const cache = CacheManager.fromConfig(
    new ConfigReader({ backend: { cache: { store: 'memory' } } }),
  ).forPlugin('private-fargate');
  const snapshots = SnapshotCache.create({
    cache,
    logger: {
      warn: (message: string) => console.warn(message),
    } as unknown as LoggerService,
    ttlMs: CACHE_TTL_MS,
    now: () => now,
  });
  const cached = await startRoute({ entities, snapshots, ec2Url: ec2.url });
  const baseline = await startRoute({
    entities,
    snapshots: noCache,
    ec2Url: ec2.url,
  });

  try {
    const baselineCold = await pass(baseline.url, entities, ec2);
    const baselineWarm = await pass(baseline.url, entities, ec2);
    const cachedCold = await pass(cached.url, entities, ec2);
    const cachedWarm = await pass(cached.url, entities, ec2);
    // Let every snapshot pass its TTL, then one more pass is one refresh of everything.
    now += CACHE_TTL_MS + 1;
    const cachedRefresh = await pass(cached.url, entities, ec2);
    // The same refresh for a tenth of the entities: the calls depend on VPCs and services only.
    now += CACHE_TTL_MS + 1;
    const fewerEntities = entities.slice(0, ENTITIES / 10);
    const smallRefresh = await pass(cached.url, fewerEntities, ec2);

    console.log('');
    console.log(
      `${'pass (2,000 requests)'.padEnd(34)} ${'AWS calls'.padStart(
        9,
      )} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'wall s'.padStart(
        8,
      )}`,
    );
    console.log(row('no-cache baseline, cold', baselineCold));
    console.log(row('no-cache baseline, warm', baselineWarm));
    console.log(row('shared snapshots, cold (empty)', cachedCold));
    console.log(row('shared snapshots, warm (in TTL)', cachedWarm));
    console.log(row('shared snapshots, after TTL', cachedRefresh));
    console.log('');
    const expected = VPCS + servicesInUse * 3;
    console.log(
      `AWS calls per refresh of all ${ENTITIES} entities: ${cachedRefresh.awsCalls} with shared snapshots ` +
        `(${VPCS} VPCs x 1 + ${servicesInUse} services x 3 = ${expected}), ${baselineWarm.awsCalls} without a cache ` +
        `(${(
          baselineWarm.awsCalls / Math.max(1, cachedRefresh.awsCalls)
        ).toFixed(1)}x).`,
    );
    console.log(
      `AWS calls per refresh of ${fewerEntities.length} entities in the same VPCs: ${smallRefresh.awsCalls} ` +
        `(shared snapshots do not grow with entities or viewers).`,
    );
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    console.log(
      `p50 / p95 latency, baseline divided by shared snapshots: warm ${ratio(
        baselineWarm.p50,
        cachedWarm.p50,
      )} / ${ratio(baselineWarm.p95, cachedWarm.p95)}, cold ${ratio(
        baselineCold.p50,
        cachedCold.p50,
      )} / ${ratio(baselineCold.p95, cachedCold.p95)}.`,
    );
    if (
      cachedRefresh.awsCalls !== expected ||
      cachedCold.awsCalls !== expected
    ) {
      throw new Error(
        `expected ${expected} AWS calls per refresh, saw ${cachedCold.awsCalls} (cold) and ${cachedRefresh.awsCalls} (after TTL)`,
      );
    }
  } finally {
    await cached.close();
    await baseline.close();
    await ec2.stop();
  }
}
