import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { StatusCallError } from '@private-fargate/plugin-private-fargate-common';
import { Ec2CallFailure } from '../aws/Ec2CallFailure';

/** What a reader gets back: the newest good value, when it was fetched, and why it may be old. */
export interface SnapshotResult<T> {
  value?: T;
  /** ISO-8601 time the value was read from AWS. */
  fetchedAt?: string;
  /** True when the last refresh failed and `value` is an older snapshot. */
  stale: boolean;
  errors: StatusCallError[];
}

/** Where the status service gets snapshots from; {@link SnapshotCache} is the shared, cached one. */
export interface SnapshotSource {
  get<T>(key: string, load: () => Promise<T>): Promise<SnapshotResult<T>>;
}

type StoredSnapshot = {
  value?: unknown;
  fetchedAt?: string;
  /** Epoch ms of the last refresh attempt, good or bad; it decides freshness. */
  checkedAt: number;
  errors: StatusCallError[];
};

// v2: endpoint service snapshots carry the errors of the calls that failed beside them.
const KEY_PREFIX = 'snapshot:v2:';
// Old snapshots are kept well past their TTL so a failing refresh still has something to show.
const RETENTION_FACTOR = 60;
const MIN_RETENTION_MS = 60 * 60_000;

/**
 * Snapshots shared by every entity and viewer, kept in Backstage's cache service.
 * A snapshot younger than the TTL is served as is; an older one is refreshed once, however many
 * requests arrive meanwhile; a failed refresh keeps the old value and marks it stale, until the
 * value is older than the retention (60 TTLs, at least an hour, counted from its fetch). Failures
 * are remembered for the TTL too, so a broken account is not asked again on every request.
 */
export class SnapshotCache implements SnapshotSource {
  readonly #cache: CacheService;
  readonly #logger: LoggerService;
  readonly #ttlMs: number;
  readonly #retentionMs: number;
  readonly #now: () => number;
  readonly #inFlight = new Map<string, Promise<SnapshotResult<unknown>>>();

  static create(options: {
    cache: CacheService;
    logger: LoggerService;
    ttlMs: number;
    now?: () => number;
  }): SnapshotCache {
    return new SnapshotCache(options);
  }

  private constructor(options: {
    cache: CacheService;
    logger: LoggerService;
    ttlMs: number;
    now?: () => number;
  }) {
    this.#cache = options.cache;
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs;
    this.#retentionMs = Math.max(
      options.ttlMs * RETENTION_FACTOR,
      MIN_RETENTION_MS,
    );
    this.#now = options.now ?? Date.now;
  }

  /** The snapshot under `key`, refreshed with `load` when it is older than the TTL; `load` must return plain JSON. */
  async get<T>(
    key: string,
    load: () => Promise<T>,
  ): Promise<SnapshotResult<T>> {
    // Checked before the cache read too: with a slow shared cache, a second reader would otherwise
    // miss the first one's refresh and load the same key again.
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#readOrRefresh(key, load).finally(() =>
        this.#inFlight.delete(key),
      );
      this.#inFlight.set(key, pending);
    }
    return pending as Promise<SnapshotResult<T>>;
  }

  async #readOrRefresh<T>(
    key: string,
    load: () => Promise<T>,
  ): Promise<SnapshotResult<T>> {
    const stored = this.#withinRetention(await this.#read(key));
    if (stored && this.#now() - stored.checkedAt < this.#ttlMs) {
      return toResult<T>(stored);
    }
    return this.#refresh(key, stored, load);
  }

  async #refresh<T>(
    key: string,
    previous: StoredSnapshot | undefined,
    load: () => Promise<T>,
  ): Promise<SnapshotResult<T>> {
    let next: StoredSnapshot;
    try {
      const value = await load();
      next = {
        value,
        fetchedAt: new Date(this.#now()).toISOString(),
        checkedAt: this.#now(),
        errors: [],
      };
    } catch (error) {
      if (!(error instanceof Ec2CallFailure)) {
        throw error;
      }
      // The old value keeps its fetch time, so a failing account cannot keep it alive forever.
      next = {
        ...(previous?.value !== undefined
          ? { value: previous.value, fetchedAt: previous.fetchedAt }
          : {}),
        checkedAt: this.#now(),
        errors: [error.callError],
      };
    }
    await this.#write(key, next);
    return toResult<T>(next);
  }

  /** The stored snapshot without a value older than the retention, whatever the cache store kept. */
  #withinRetention(
    stored: StoredSnapshot | undefined,
  ): StoredSnapshot | undefined {
    if (!stored || stored.value === undefined) {
      return stored;
    }
    if (this.#ageMs(stored) < this.#retentionMs) {
      return stored;
    }
    const { value: _value, fetchedAt: _fetchedAt, ...rest } = stored;
    return rest;
  }

  #ageMs(stored: StoredSnapshot): number {
    const fetched = stored.fetchedAt ? Date.parse(stored.fetchedAt) : NaN;
    return Number.isNaN(fetched) ? Infinity : this.#now() - fetched;
  }

  async #read(key: string): Promise<StoredSnapshot | undefined> {
    try {
      return (await this.#cache.get(KEY_PREFIX + key)) as
        | StoredSnapshot
        | undefined;
    } catch (error) {
      this.#logger.warn(
        `Could not read snapshot ${key} from the cache: ${error}`,
      );
      return undefined;
    }
  }

  async #write(key: string, snapshot: StoredSnapshot): Promise<void> {
    // A value lives until the retention after its fetch; a failure alone only needs the TTL.
    const ttl =
      snapshot.value === undefined
        ? this.#ttlMs
        : Math.max(this.#retentionMs - this.#ageMs(snapshot), this.#ttlMs);
    try {
      // Snapshots are built from plain objects, strings, numbers and booleans only.
      await this.#cache.set(
        KEY_PREFIX + key,
        snapshot as unknown as JsonValue,
        { ttl },
      );
    } catch (error) {
      this.#logger.warn(
        `Could not write snapshot ${key} to the cache: ${error}`,
      );
    }
  }
}

function toResult<T>(stored: StoredSnapshot): SnapshotResult<T> {
  return {
    value: stored.value as T | undefined,
    fetchedAt: stored.fetchedAt,
    stale: stored.errors.length > 0 && stored.value !== undefined,
    errors: stored.errors,
  };
}
