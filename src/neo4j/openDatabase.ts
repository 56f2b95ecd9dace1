import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import type { DatabaseConfig } from './databaseConfig.js';
import type { Logger } from '../log/index.js';
import { Executor } from './executor.js';
import { startLocalNeo4j, type LocalNeo4j } from './localNeo4j.js';
import { StartupError } from './startupError.js';

/** An open connection to Neo4j, local or remote, behind one interface. */
export interface Database {
  readonly uri: string;
  readonly driver: Driver;
  readonly executor: Executor;
  /** The Neo4j server's version string, e.g. `Neo4j/5.26.30` (`unknown` until reached). */
  readonly serverAgent: string;
  /**
   * Set when start-up did not reach a remote Neo4j in time: resolves with the server's version
   * once Bolt answers (it keeps trying until `close`).
   */
  readonly reached?: Promise<string>;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly txTimeoutMs: number;
  readonly connectTimeoutMs: number;
}

/**
 * Opens the configured database: `NEO4J_URI` if set (any Neo4j, including routing URIs for
 * clusters and Aura), else the local Neo4j started from `neo4j-runtime/`. Waits until Bolt
 * answers. A local Neo4j that does not, or refused credentials, is a `StartupError` that says
 * what to fix; a remote one that does not answer in time is opened anyway, with `reached`
 * settling when it comes (an API must stay up while its database restarts).
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions,
  log: Logger,
): Promise<Database> {
  let local: LocalNeo4j | undefined;
  let uri: string;
  let driver: Driver;
  let database: string | undefined;
  if (config.kind === 'remote') {
    uri = config.uri;
    database = config.database;
    driver = neo4j.driver(uri, neo4j.auth.basic(config.user, config.password), driverOptions());
  } else {
    local = await startLocalNeo4j(config, log);
    uri = local.uri;
    database = 'neo4j';
    driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), driverOptions());
  }
  try {
    const info = await waitForBolt(driver, uri, options.connectTimeoutMs).catch(
      (error: unknown) => {
        if (local !== undefined || !(error instanceof Unreachable)) throw error;
        return undefined;
      },
    );
    if (info === undefined) {
      const found = { agent: 'unknown', closed: false };
      const reached = (async () => {
        for (let attempt = 1; !found.closed; attempt++) {
          const next = await waitForBolt(driver, uri, 5_000).catch((error: unknown) => {
            if (error instanceof Unreachable) return undefined;
            throw error;
          });
          if (next) {
            found.agent = next.agent ?? 'unknown';
            log.info('connected to Neo4j', { uri, server: found.agent, attempt });
            return found.agent;
          }
          if (attempt % 6 === 1) log.warn('Neo4j is still unreachable; retrying', { uri, attempt });
        }
        throw new Error('closed before Neo4j answered');
      })();
      reached.catch(() => undefined);
      log.warn('Neo4j is unreachable: serving, not ready, until it answers', { uri });
      return {
        uri,
        driver,
        executor: new Executor(driver, database, options.txTimeoutMs),
        get serverAgent() {
          return found.agent;
        },
        reached,
        close: async () => {
          found.closed = true;
          await driver.close();
        },
      };
    }
    log.info('connected to Neo4j', { uri, server: info.agent, protocol: info.protocolVersion });
    return {
      uri,
      driver,
      executor: new Executor(driver, database, options.txTimeoutMs),
      serverAgent: info.agent ?? 'unknown',
      close: async () => {
        await driver.close();
        await local?.stop();
      },
    };
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw error;
  }
}

/** Bolt did not answer in time (a startup error for a local Neo4j, a wait for a remote one). */
class Unreachable extends StartupError {}

function driverOptions(): Parameters<typeof neo4j.driver>[2] {
  return {
    userAgent: 'liaison-graph/0.1',
    connectionAcquisitionTimeout: 30_000,
    // While Neo4j is down a request should hear so in seconds, not after the driver's default
    // 30 s of connection attempts and 30 s of retries; a restart or leader switch still fits.
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    maxConnectionPoolSize: 100,
  };
}

async function waitForBolt(
  driver: Driver,
  uri: string,
  timeoutMs: number,
): Promise<{ agent: string | undefined; protocolVersion: string | undefined }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const info = await driver.getServerInfo();
      return { agent: info.agent, protocolVersion: info.protocolVersion?.toString() };
    } catch (error) {
      if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security')) {
        throw new StartupError(
          `Neo4j at ${uri} refused the credentials (${error.code})`,
          'set NEO4J_USER and NEO4J_PASSWORD to a valid user of that database',
        );
      }
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new Unreachable(
          `cannot reach Neo4j at ${uri} within ${timeoutMs} ms: ${reason}`,
          'start that Neo4j or correct NEO4J_URI (or unset NEO4J_URI to use the local Neo4j); NEO4J_CONNECT_TIMEOUT_MS sets how long to wait',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
