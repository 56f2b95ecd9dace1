import { localAdminKey } from './auth/index.js';
import type { AuthConfig, Config } from './config/index.js';
import type { Logger } from './log/index.js';
import { graphIsEmpty, loadDataset } from './import/index.js';
import { applyMigrations, openDatabase, type Database } from './neo4j/index.js';
import { startServer, type RunningServer } from './server/index.js';

/** The running API: its database and HTTP server. */
export interface App {
  readonly database: Database;
  readonly server: RunningServer;
  /** Graceful shutdown: drain HTTP, close the driver, stop the local Neo4j this app started. */
  stop(): Promise<void>;
}

/**
 * Starts everything in order: database (local or `NEO4J_URI`), schema migrations, HTTP server.
 * A failure part-way stops what already started.
 */
export async function startApp(config: Config, log: Logger): Promise<App> {
  const database = await openDatabase(config.database, config, log);
  try {
    await applyMigrations(database.executor, log);
    if (config.seedOnEmpty && (await graphIsEmpty(database.executor))) {
      log.info('empty graph: loading the historical dataset (SEED_ON_EMPTY=false skips this)');
      await loadDataset(database.executor, log);
    }
    const server = await startServer(database, { ...config, auth: authOf(config.auth, log) }, log);
    log.info('API ready', { url: server.url, neo4j: database.uri, server: database.serverAgent });
    let stopping: Promise<void> | undefined;
    return {
      database,
      server,
      stop: () =>
        (stopping ??= (async () => {
          await server.stop();
          log.info('HTTP server drained');
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The configured authentication, or on a developer's machine with none the local admin key. */
function authOf(auth: AuthConfig, log: Logger): AuthConfig {
  if (auth.localAdminKeyDir === undefined) return auth;
  const local = localAdminKey(auth.localAdminKeyDir);
  log.warn(
    `no credentials are configured: requests need the local admin key in ${local.keyFile} (send it as "X-API-Key: <key>"); set API_KEYS, API_KEYS_FILE or a JWT key to configure your own`,
    { keyFile: local.keyFile, created: local.created },
  );
  return { ...auth, apiKeys: [local.record] };
}
