import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Ec2CallFailure } from '../aws/Ec2CallFailure';
import { SnapshotCache } from './SnapshotCache';

const TTL = 60_000;

function setup() {
  let now = Date.parse('2026-11-21T10:00:00Z');
  const cache = CacheManager.fromConfig(
    new ConfigReader({ backend: { cache: { store: 'memory' } } }),
  ).forPlugin('private-fargate');
  const snapshots = SnapshotCache.create({
    cache,
    logger: mockServices.logger.mock(),
    ttlMs: TTL,
    now: () => now,
  });
  return {
    snapshots,
    cache,
    advance(ms: number) {
      now += ms;
    },
  };
}

const throttled = () =>
  new Ec2CallFailure(
    'DescribeVpcEndpoints',
    'throttled',
    'EC2 throttled DescribeVpcEndpoints',
  );

describe('SnapshotCache', () => {
  it('should serve a snapshot for the TTL and refresh it after', async () => {
    const { snapshots, advance } = setup();
    let loads = 0;
    const load = jest.fn(async () => ({ endpoints: [++loads] }));

    const first = await snapshots.get('vpc:a', load);
    advance(TTL - 1);
    const second = await snapshots.get('vpc:a', load);
    advance(1);
    const third = await snapshots.get('vpc:a', load);

    expect(first).toEqual({
      value: { endpoints: [1] },
      fetchedAt: '2026-11-21T10:00:00.000Z',
      stale: false,
      errors: [],
    });
    expect(second).toEqual(first);
    expect(third.value).toEqual({ endpoints: [2] });
    expect(third.fetchedAt).toBe('2026-11-21T10:01:00.000Z');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('should make one load for many concurrent readers of one key', async () => {
    const { snapshots } = setup();
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    const load = jest.fn(async () => {
      await gate;
      return { endpoints: ['shared'] };
    });

    const readers = Promise.all(
      Array.from({ length: 100 }, () => snapshots.get('vpc:a', load)),
    );
    const other = snapshots.get('vpc:b', async () => ({
      endpoints: ['other'],
    }));
    release();

    const results = await readers;
    expect(load).toHaveBeenCalledTimes(1);
    expect(new Set(results.map(result => JSON.stringify(result))).size).toBe(1);
    expect((await other).value).toEqual({ endpoints: ['other'] });
  });

  it('should keep the last snapshot, marked stale, when a refresh fails, and remember the failure for the TTL', async () => {
    const { snapshots, advance } = setup();
    await snapshots.get('vpc:a', async () => ({ endpoints: ['good'] }));
    advance(TTL);

    const failing = jest.fn(async () => {
      throw throttled();
    });
    const stale = await snapshots.get('vpc:a', failing);
    const again = await snapshots.get('vpc:a', failing);

    expect(stale).toEqual({
      value: { endpoints: ['good'] },
      fetchedAt: '2026-11-21T10:00:00.000Z',
      stale: true,
      errors: [throttled().callError],
    });
    expect(again).toEqual(stale);
    expect(failing).toHaveBeenCalledTimes(1);

    advance(TTL);
    const recovered = await snapshots.get('vpc:a', async () => ({
      endpoints: ['new'],
    }));
    expect(recovered).toMatchObject({
      value: { endpoints: ['new'] },
      stale: false,
      errors: [],
    });
  });

  it('should serve a stale snapshot with its original fetch time and drop it once it is older than the retention', async () => {
    const { snapshots, advance } = setup();
    await snapshots.get('vpc:a', async () => ({ endpoints: ['t0'] }));
    const failing = jest.fn(async () => {
      throw throttled();
    });

    // Retention: 60 TTLs (one hour at a one-minute TTL), counted from the fetch, not the last failure.
    let last;
    for (let minute = 1; minute < 60; minute++) {
      advance(TTL);
      last = await snapshots.get('vpc:a', failing);
      expect(last).toMatchObject({
        value: { endpoints: ['t0'] },
        fetchedAt: '2026-11-21T10:00:00.000Z',
        stale: true,
      });
    }
    advance(TTL);
    const expired = await snapshots.get('vpc:a', failing);

    expect(failing).toHaveBeenCalledTimes(60);
    expect(expired).toEqual({
      value: undefined,
      fetchedAt: undefined,
      stale: false,
      errors: [throttled().callError],
    });
    advance(TTL);
    expect((await snapshots.get('vpc:a', failing)).value).toBeUndefined();
  });

  it('should load a key once when a second reader arrives while a slow cache is still being read', async () => {
    const store = new Map<string, unknown>();
    const cache = mockServices.cache.mock({
      // The answer reflects the store when the read was sent, as with a remote cache.
      get: (async (key: string) => {
        const value = store.get(key);
        await new Promise(resolve => setTimeout(resolve, 50));
        return value;
      }) as any,
      set: async (key: string, value: unknown) => {
        store.set(key, value);
      },
    });
    const snapshots = SnapshotCache.create({
      cache,
      logger: mockServices.logger.mock(),
      ttlMs: TTL,
    });
    const load = jest.fn(async () => ({ endpoints: ['once'] }));

    const first = snapshots.get('vpc:a', load);
    // The first reader's read, load and write all end before the second reader's read does.
    await new Promise(resolve => setTimeout(resolve, 20));
    const second = snapshots.get('vpc:a', load);

    expect((await first).value).toEqual({ endpoints: ['once'] });
    expect((await second).value).toEqual({ endpoints: ['once'] });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should report the error without a value when the first load fails', async () => {
    const { snapshots } = setup();
    const result = await snapshots.get('vpc:a', async () => {
      throw throttled();
    });
    expect(result).toEqual({
      value: undefined,
      fetchedAt: undefined,
      stale: false,
      errors: [throttled().callError],
    });
  });

  it('should let programming errors through instead of caching them', async () => {
    const { snapshots } = setup();
    await expect(
      snapshots.get('vpc:a', async () => {
        throw new TypeError('bug');
      }),
    ).rejects.toThrow('bug');
    await expect(
      snapshots.get('vpc:a', async () => ({ ok: true })),
    ).resolves.toMatchObject({
      value: { ok: true },
    });
  });

  it('should keep working when the cache store fails', async () => {
    const logger = mockServices.logger.mock();
    const snapshots = SnapshotCache.create({
      cache: mockServices.cache.mock({
        get: async () => {
          throw new Error('redis down');
        },
        set: async () => {
          throw new Error('redis down');
        },
      }),
      logger,
      ttlMs: TTL,
    });
    await expect(
      snapshots.get('vpc:a', async () => ({ ok: true })),
    ).resolves.toMatchObject({
      value: { ok: true },
      stale: false,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('redis down'),
    );
  });
});
