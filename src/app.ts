import type { Config } from './config/index.js';
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
    const server = await startServer(database, config, log);
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
