import { afterAll, beforeAll } from 'vitest';
import { loadDataset } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import type { ApiKeyRecord } from '../../src/auth/index.js';
import type { AuthConfig } from '../../src/config/index.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.js';
import { connectTestDatabase, resetDatabase, testLog } from './connect.js';
import { testAuth } from './testKeys.js';

/** Options of a test server: loopback, a free port, the test keys; `overrides` on top. */
export const serverOptions = (overrides: Partial<ServerOptions> = {}): ServerOptions => ({
  host: '127.0.0.1',
  port: 0,
  maxBodyBytes: 1_000_000,
  auth: testAuth,
  ...overrides,
});

/** Authentication by these key records only (no tokens, no anonymous reads). */
export const keysOnly = (
  records: readonly ApiKeyRecord[],
  overrides: Partial<AuthConfig> = {},
): AuthConfig => ({
  anonymousRead: false,
  apiKeys: records,
  jwt: undefined,
  localAdminKeyDir: undefined,
  ...overrides,
});

/** The API on a free loopback port over the run's test database, for one test file. */
export interface TestApi {
  readonly database: Database;
  readonly server: RunningServer;
}

/**
 * Registers the file's hooks: before its tests, empty the database, fill it (by default with the
 * historical dataset) and start the API on a free port (with `overrides` on the test options);
 * after them, stop both. The returned object answers once the hooks have run.
 */
export function useTestApi(
  fill: (database: Database) => Promise<unknown> = (database) =>
    loadDataset(database.executor, testLog),
  overrides: Partial<ServerOptions> = {},
): TestApi {
  let database: Database | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    database = connectTestDatabase();
    await resetDatabase(database);
    await fill(database);
    server = await startServer(database, serverOptions(overrides), testLog);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test API is not started yet (use it in a test)');
    return value;
  };
  return {
    get database() {
      return started(database);
    },
    get server() {
      return started(server);
    },
  };
}
