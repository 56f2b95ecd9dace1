import { randomUUID } from 'node:crypto';
import type { ApiKeyStore, Caller } from '../auth/index.js';
import { createLoaders, type Loaders } from '../loaders/index.js';
import type { Logger } from '../log/index.js';
import type { Executor } from '../neo4j/index.js';
import type { PathEngine } from '../projection/index.js';
import { visibilityFor, type Visibility } from '../visibility/index.js';

/** Per-server limits every request obeys. */
export interface Limits {
  readonly pathMaxHops: number;
  readonly pathMaxResults: number;
  /** Largest page of a list (PAGE_MAX_SIZE). */
  readonly pageMaxSize: number;
}

export const DEFAULT_LIMITS: Limits = { pathMaxHops: 6, pathMaxResults: 10_000, pageMaxSize: 500 };

/** What every resolver receives: built anew for each request. */
export interface Context {
  readonly requestId: string;
  readonly executor: Executor;
  readonly loaders: Loaders;
  readonly log: Logger;
  readonly limits: Limits;
  /** Who is asking (authenticated before the context is built). */
  readonly caller: Caller;
  /** What this caller may see; every read applies it inside its Cypher. */
  readonly visibility: Visibility;
  /** The API keys stored in Neo4j (for admins' key management). */
  readonly apiKeys: ApiKeyStore;
  /** Where reach, exposure and brokers read the graph (PATH_ENGINE). */
  readonly engine: PathEngine;
}

/** What the server shares with every request. */
export interface Shared {
  readonly limits: Limits;
  readonly apiKeys: ApiKeyStore;
  readonly engine: PathEngine;
}

/** Builds the context of one request; the request id also tags its Neo4j transactions. */
export function createContext(
  executor: Executor,
  log: Logger,
  caller: Caller,
  shared: Shared,
  requestId: string = randomUUID(),
): Context {
  const requestExecutor = executor.withMetadata({ requestId, caller: caller.subject });
  const visibility = visibilityFor(caller);
  return {
    requestId,
    executor: requestExecutor,
    loaders: createLoaders(requestExecutor, visibility),
    log: log.child({ requestId, caller: caller.subject }),
    limits: shared.limits,
    caller,
    visibility,
    apiKeys: shared.apiKeys,
    engine: shared.engine,
  };
}
