import { randomUUID } from 'node:crypto';
import { createLoaders, type Loaders } from '../loaders/index.js';
import type { Logger } from '../log/index.js';
import type { Executor } from '../neo4j/index.js';

/** What every resolver receives: built anew for each request. */
export interface Context {
  readonly requestId: string;
  readonly executor: Executor;
  readonly loaders: Loaders;
  readonly log: Logger;
}

/** Builds the context of one request; the request id also tags its Neo4j transactions. */
export function createContext(
  executor: Executor,
  log: Logger,
  requestId: string = randomUUID(),
): Context {
  const requestExecutor = executor.withMetadata({ requestId });
  return {
    requestId,
    executor: requestExecutor,
    loaders: createLoaders(requestExecutor),
    log: log.child({ requestId }),
  };
}
