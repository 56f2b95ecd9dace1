import type { CypherQuery, Executor, Row, TransactionRunner } from '../neo4j/index.js';
import {
  createApiKeyQuery,
  findApiKeyQuery,
  listApiKeysQuery,
  revokeApiKeyQuery,
} from './apiKeyQueries.js';
import {
  newApiKeyRecord,
  storedApiKeyRecord,
  type ApiKeyInput,
  type ApiKeyRecord,
} from './apiKeyRecord.js';

/** A listed key: everything but the hash, which nobody reading a list needs. */
export type ApiKeySummary = Omit<ApiKeyRecord, 'hash'>;

export interface ApiKeyStoreOptions {
  /** How long a lookup is reused, in milliseconds (default 5000). */
  readonly cacheTtlMs?: number;
  /** Most ids cached at once (default 10,000); the oldest go first. */
  readonly cacheMaxEntries?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

interface CacheEntry {
  readonly expires: number;
  readonly record: Promise<ApiKeyRecord | undefined>;
}

/**
 * API keys kept as `(:ApiKey)` nodes. Lookups are cached for a few seconds, misses included, so
 * a burst of requests with one key (or with made-up ids) costs one read. A revocation through
 * this store takes effect at once in this process; one made elsewhere (another process, or by
 * hand in the database) within the cache's lifetime.
 */
export class ApiKeyStore {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly executor: Executor,
    options: ApiKeyStoreOptions = {},
  ) {
    this.ttlMs = options.cacheTtlMs ?? 5000;
    this.maxEntries = options.cacheMaxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Creates a key; `key` is returned this once and never stored. Inside `tx` when given (with
   * the audit entry of the same mutation).
   */
  async create(
    input: ApiKeyInput,
    tx?: TransactionRunner,
  ): Promise<{ key: string; record: ApiKeyRecord }> {
    const created = newApiKeyRecord(input, new Date(this.now()));
    await this.write(createApiKeyQuery(created.record), tx);
    this.cache.delete(created.record.id);
    return created;
  }

  /** Every key, revoked ones included, oldest first. */
  async list(): Promise<ApiKeySummary[]> {
    const rows = await this.executor.read(listApiKeysQuery());
    return rows.flatMap((row) => {
      const record = storedApiKeyRecord(row);
      if (record === undefined) return [];
      const { hash: _hash, ...summary } = record;
      return [summary];
    });
  }

  /**
   * Revokes the key (it is refused from now on) and returns its record, or undefined when the
   * id names no key, or one that `only` refuses (left as it is). Revoking twice keeps the first
   * time. Inside `tx` when given: then call `forget` once it commits.
   */
  async revoke(
    id: string,
    tx?: TransactionRunner,
    only: (record: ApiKeyRecord) => boolean = () => true,
  ): Promise<ApiKeyRecord | undefined> {
    this.cache.delete(id);
    // Keys change only by revocation, so what is read here still holds when the write runs.
    const [found] = await (tx
      ? tx.run(findApiKeyQuery(id))
      : this.executor.read(findApiKeyQuery(id)));
    const record = found === undefined ? undefined : storedApiKeyRecord(found);
    if (record === undefined || !only(record)) return undefined;
    const rows = await this.write(revokeApiKeyQuery(id, new Date(this.now()).toISOString()), tx);
    // A lookup that started before the write may have cached the key as active.
    this.cache.delete(id);
    return rows[0] === undefined ? undefined : storedApiKeyRecord(rows[0]);
  }

  /** Drops what this process remembers of a key (after a revocation commits). */
  forget(id: string): void {
    this.cache.delete(id);
  }

  private write(query: CypherQuery, tx: TransactionRunner | undefined): Promise<readonly Row[]> {
    return tx ? tx.run(query) : this.executor.write(query);
  }

  /** The key with this id, revoked or not; undefined when there is none (or it is malformed). */
  find(id: string): Promise<ApiKeyRecord | undefined> {
    const now = this.now();
    const cached = this.cache.get(id);
    if (cached !== undefined && cached.expires > now) return cached.record;
    this.cache.delete(id);
    const record = this.executor
      .read(findApiKeyQuery(id))
      .then((rows) => (rows[0] === undefined ? undefined : storedApiKeyRecord(rows[0])));
    // A failed read is not remembered: the next request asks the database again.
    record.catch(() => {
      if (this.cache.get(id)?.record === record) this.cache.delete(id);
    });
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next();
      if (oldest.done !== true) this.cache.delete(oldest.value);
    }
    this.cache.set(id, { expires: now + this.ttlMs, record });
    return record;
  }
}
