import { localAdminKey } from './auth/index.js';
import type { AuthConfig, Config } from './config/index.js';
import { errorFields, type Logger } from './log/index.js';
import { graphIsEmpty, loadDataset } from './import/index.js';
import { openDatabase, type Database } from './neo4j/index.js';
import { applyMigrations } from './migrations/index.js';
import { LiveProjection } from './projection/index.js';
import { EXPLORER_PATH, startServer, type RunningServer } from './server/index.js';

/** The running API: its database and HTTP server. */
export interface App {
  readonly database: Database;
  readonly server: RunningServer;
  /** Graceful shutdown: drain HTTP, close the driver, stop the local Neo4j this app started. */
  stop(): Promise<void>;
}

/**
 * Starts everything in order: database (local or `NEO4J_URI`), schema migrations, dataset,
 * HTTP server. A remote Neo4j that is not reachable yet does not stop the API: it serves at once
 * (not ready, every GraphQL request answered SERVICE_UNAVAILABLE) and brings the database up
 * when it answers. A failure part-way through start-up stops what already started.
 */
export async function startApp(config: Config, log: Logger): Promise<App> {
  const database = await openDatabase(config.database, config, log);
  try {
    const bringUp = async (): Promise<void> => {
      await applyMigrations(database.executor, log);
      if (config.seedOnEmpty && (await graphIsEmpty(database.executor))) {
        log.info('empty graph: loading the historical dataset (SEED_ON_EMPTY=false skips this)');
        await loadDataset(database.executor, log);
      }
    };
    let up = database.reached === undefined;
    if (up) await bringUp();
    const { auth, localKeyFile } = authOf(config.auth, log);
    // Built while the server already answers (503 until it is), from a database brought up.
    const projection =
      config.pathEngine === 'memory' ? new LiveProjection(database.executor, log) : undefined;
    const server = await startServer(
      database,
      { ...config, auth, available: () => up, ...(projection ? { projection } : {}) },
      log,
    );
    // A failed build is retried by the projection itself; the API stays unready meanwhile.
    const buildProjection = async (): Promise<void> => {
      if (!projection) return;
      log.info(
        'loading the graph into memory for path queries (GET /health/ready: 503 until done)',
      );
      await projection.start().catch((error: unknown) => {
        log.error('the in-memory projection could not be built yet', errorFields(error));
      });
    };
    // "API ready" once everything is loaded; with Neo4j not reachable yet, at once (not ready).
    if (up) await buildProjection();
    const explorer = `${server.origin}${EXPLORER_PATH}/`;
    log.info('API ready', {
      url: server.url,
      explorer,
      neo4j: database.uri,
      server: database.serverAgent,
    });
    // The key goes in the URL's fragment, which the browser never sends, so it is not logged here.
    log.info(
      `explorer: open ${explorer}#key=<key> or paste the key on the page; ${localKeyFile ? `the local admin key is in ${localKeyFile}` : 'use a key of API_KEYS, API_KEYS_FILE or npm run keys'}`,
    );
    if (!up)
      void broughtUp(database, bringUp, log)
        .then(() => (up = true))
        .then(buildProjection);
    let stopping: Promise<void> | undefined;
    return {
      database,
      server,
      stop: () =>
        (stopping ??= (async () => {
          await server.stop();
          projection?.stop();
          log.info('HTTP server drained');
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Waits for a database that was not reachable at start, then applies the schema and the
 * dataset, retrying every 5 s while that fails (the database may go away again meanwhile).
 */
async function broughtUp(
  database: Database,
  bringUp: () => Promise<void>,
  log: Logger,
): Promise<void> {
  await database.reached;
  for (;;) {
    try {
      await bringUp();
      log.info('Neo4j reached: schema applied, serving', { neo4j: database.uri });
      return;
    } catch (error) {
      log.warn('bringing Neo4j up failed; retrying in 5 s', errorFields(error));
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}

/** The configured authentication, or on a developer's machine with none the local admin key. */
function authOf(auth: AuthConfig, log: Logger): { auth: AuthConfig; localKeyFile?: string } {
  if (auth.localAdminKeyDir === undefined) return { auth };
  const local = localAdminKey(auth.localAdminKeyDir);
  log.warn(
    `no credentials are configured: requests need the local admin key in ${local.keyFile} (send it as "X-API-Key: <key>"); set API_KEYS, API_KEYS_FILE or a JWT key to configure your own`,
    { keyFile: local.keyFile, created: local.created },
  );
  return { auth: { ...auth, apiKeys: [local.record] }, localKeyFile: local.keyFile };
}
