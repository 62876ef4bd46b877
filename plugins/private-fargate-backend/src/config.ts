import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** Settings of the status backend, read once from `privateFargate` and `aws` config. */
export interface PrivateFargateConfig {
  demo: boolean;
  cacheTtlMs: number;
  ec2Endpoint?: string;
  timeoutMs: number;
  maxAttempts: number;
  /** Accounts listed under `aws.accounts`; the only ones the backend will call. */
  configuredAccountIds: string[];
}

const DEFAULT_CACHE_TTL_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 3;

function readMilliseconds(
  config: Config | undefined,
  key: string,
  fullKey: string,
  fallback: number,
): number {
  if (!config?.has(key)) {
    return fallback;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(
      `Invalid config ${fullKey}: give a duration such as '60s', 'PT1M' or { seconds: 60 } (${error})`,
    );
  }
  if (!(ms > 0)) {
    throw new InputError(
      `Invalid config ${fullKey}: the duration must be longer than zero`,
    );
  }
  return ms;
}

function readEc2Endpoint(aws: Config | undefined): string | undefined {
  const endpoint = aws?.getOptionalString('ec2Endpoint');
  if (endpoint === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InputError(
      `Invalid config privateFargate.aws.ec2Endpoint: '${endpoint}' is not a URL; give one such as http://127.0.0.1:4599`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      `Invalid config privateFargate.aws.ec2Endpoint: use an http or https URL, not ${url.protocol}`,
    );
  }
  return endpoint;
}

/** Reads and checks the backend's configuration; throws InputError naming the key on bad values. */
export function readPrivateFargateConfig(config: Config): PrivateFargateConfig {
  const root = config.getOptionalConfig('privateFargate');
  const aws = root?.getOptionalConfig('aws');
  const maxAttempts =
    aws?.getOptionalNumber('maxAttempts') ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InputError(
      'Invalid config privateFargate.aws.maxAttempts: give a whole number of at least 1',
    );
  }
  const accounts = config.getOptionalConfigArray('aws.accounts') ?? [];
  return {
    demo: root?.getOptionalBoolean('demo') ?? false,
    cacheTtlMs: readMilliseconds(
      root?.getOptionalConfig('status'),
      'cacheTtl',
      'privateFargate.status.cacheTtl',
      DEFAULT_CACHE_TTL_MS,
    ),
    ec2Endpoint: readEc2Endpoint(aws),
    timeoutMs: readMilliseconds(
      aws,
      'timeout',
      'privateFargate.aws.timeout',
      DEFAULT_TIMEOUT_MS,
    ),
    maxAttempts,
    configuredAccountIds: accounts.map(account =>
      account.getString('accountId'),
    ),
  };
}
