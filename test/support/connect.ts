import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { createLogger, type Logger } from '../../src/log/index.js';
import { Executor, type Database } from '../../src/neo4j/index.js';
import { applyMigrations } from '../../src/migrations/index.js';

/** Logs of tests stay quiet unless TEST_LOG_LEVEL=debug. */
export const testLog: Logger = createLogger(
  process.env['TEST_LOG_LEVEL'] === 'debug' ? 'debug' : 'error',
);

/** The run's database as the environment of an API started as a child process. */
export function testNeo4jEnv(): Record<string, string> {
  const info = inject('neo4j');
  return {
    NEO4J_URI: info.uri,
    NEO4J_USER: info.user,
    NEO4J_PASSWORD: info.password,
    ...(info.database ? { NEO4J_DATABASE: info.database } : {}),
  };
}

/** Opens the run's database as the app would, without starting or stopping any Neo4j. */
export function connectTestDatabase(txTimeoutMs = 30_000): Database {
  const info = inject('neo4j');
  const driver = neo4j.driver(info.uri, neo4j.auth.basic(info.user, info.password));
  return {
    uri: info.uri,
    driver,
    executor: new Executor(driver, info.database, txTimeoutMs),
    serverAgent: 'test',
    close: () => driver.close(),
  };
}

/**
 * Empties the database but for its migration records, and applies any migration not yet
 * recorded, so each file starts from the same state without rebuilding indexes (migration 5
 * drops and rebuilds the full-text index whenever it runs).
 */
export async function resetDatabase(database: Database): Promise<void> {
  await database.executor.write({
    cypher: 'MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n',
    params: {},
  });
  await applyMigrations(database.executor, testLog);
}

/**
 * A write in raw Cypher, as a tool outside the API would make it, that tells the change feed the
 * graph changed wholesale (every in-memory projection rebuilds): what any write that bypasses
 * the API's write paths must do (src/neo4j/changeFeedQueries.ts).
 */
export function foreignWrite(
  database: Database,
  query: { cypher: string; params: Record<string, unknown> },
): Promise<unknown> {
  return database.executor.writeTransaction(async (tx) => {
    const rows = await tx.run(query);
    tx.replaced();
    return rows;
  });
}
