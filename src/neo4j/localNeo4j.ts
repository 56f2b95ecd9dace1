import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import type { Logger } from '../log/index.js';
import { findJava, NEO4J_JVM_OPENS } from './java.js';
import { ensureRuntimeBuilt } from './runtimeBuild.js';
import { StartupError } from './startupError.js';

/** Settings of the local Neo4j; see `DatabaseConfig` for their environment variables. */
export interface LocalNeo4jOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCache: string;
  readonly javaHome: string | undefined;
  /** How long a cold start (JVM, store recovery, Bolt) may take. */
  readonly startTimeoutMs?: number;
}

/** A local Neo4j this process either started or found already running. */
export interface LocalNeo4j {
  readonly uri: string;
  /** False when another process's Neo4j already answered on the port and is being reused. */
  readonly startedHere: boolean;
  /** Stops the Neo4j if this process started it (clean shutdown); a no-op otherwise. */
  stop(): Promise<void>;
  /** The JVM's process id when this process started it (fault tests kill it outright). */
  readonly pid?: number | undefined;
}

const HOST = '127.0.0.1';

/**
 * Returns a Neo4j on `127.0.0.1:port`: reuses one that already answers there, else builds the
 * launcher if needed and starts it. The child watches its stdin, so it shuts itself down
 * cleanly if this process dies without calling `stop`.
 */
export async function startLocalNeo4j(
  options: LocalNeo4jOptions,
  log: Logger,
): Promise<LocalNeo4j> {
  const uri = `bolt://${HOST}:${options.port}`;
  if (await boltAnswers(uri)) {
    log.info('reusing the Neo4j already running on the local port', { uri });
    return { uri, startedHere: false, stop: () => Promise.resolve() };
  }

  const java = await findJava(options.javaHome);
  const build = await ensureRuntimeBuilt(log);
  const args = [
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    ...NEO4J_JVM_OPENS,
    '-cp',
    build.classpath,
    build.mainClass,
    `--home=${options.dataDir}`,
    `--host=${HOST}`,
    `--port=${options.port}`,
    `--pagecache=${options.pageCache}`,
    '--watch-stdin',
  ];
  log.info('starting local Neo4j', {
    uri,
    dataDir: options.dataDir,
    heap: options.heap,
    pageCache: options.pageCache,
    java: java.major,
  });
  const started = Date.now();
  const child = spawn(java.command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    log.debug('neo4j stderr', { line });
  });

  await waitForReady(child, options.startTimeoutMs ?? 180_000, stderrTail, options);
  log.info('local Neo4j ready', { uri, ms: Date.now() - started });
  return { uri, startedHere: true, stop: () => stopChild(child, log), pid: child.pid };
}

function waitForReady(
  child: ChildProcess,
  timeoutMs: number,
  stderrTail: readonly string[],
  options: LocalNeo4jOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const { stdout } = child;
    if (!stdout) {
      reject(new StartupError('the local Neo4j has no stdout pipe', 'report this as a bug'));
      return;
    }
    const lines = createInterface({ input: stdout });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(
        new StartupError(
          `the local Neo4j did not start within ${timeoutMs} ms`,
          `look at ${options.dataDir}/logs/debug.log`,
        ),
      );
    }, timeoutMs);
    const settle = (error?: StartupError): void => {
      clearTimeout(timer);
      lines.removeAllListeners('line');
      child.removeAllListeners('exit');
      if (error) reject(error);
      else resolve();
    };
    lines.on('line', (line) => {
      if (line.startsWith('READY')) settle();
      else if (line.startsWith('FAILED'))
        settle(explainFailure(line.slice('FAILED '.length), options));
    });
    child.on('error', (error) => {
      settle(
        new StartupError(
          `could not run Java: ${error.message}`,
          'check JAVA_HOME or the java on PATH',
        ),
      );
    });
    child.on('exit', (code, signal) => {
      settle(
        new StartupError(
          `the local Neo4j exited during start-up (${signal ?? `code ${code}`}): ${stderrTail.slice(-3).join(' | ')}`,
          'check NEO4J_HEAP / NEO4J_PAGECACHE against free memory, and the log under the data folder',
        ),
      );
    });
  });
}

/** Turns the launcher's FAILED reason into an operator's line. */
function explainFailure(reason: string, options: LocalNeo4jOptions): StartupError {
  if (/address already in use|bind/i.test(reason)) {
    return new StartupError(
      `port ${options.port} on ${HOST} is taken by something that is not a Neo4j answering Bolt`,
      'free the port or set NEO4J_LOCAL_PORT to another one',
    );
  }
  if (/lock/i.test(reason)) {
    return new StartupError(
      `the store in ${options.dataDir} is locked by another Neo4j process`,
      'stop that process, or set NEO4J_LOCAL_DATA to another folder, or NEO4J_LOCAL_PORT to the port it serves so it is reused',
    );
  }
  return new StartupError(
    `the local Neo4j failed to start: ${reason}`,
    `look at ${options.dataDir}/logs/debug.log`,
  );
}

/** True when a Neo4j answers Bolt at `uri` (auth disabled on the local runtime). */
export async function boltAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), {
    connectionTimeout: 2000,
    maxConnectionLifetime: 5000,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** SIGTERM runs Neo4j's own shutdown (checkpoint); SIGKILL only if it hangs past a minute. */
function stopChild(child: ChildProcess, log: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const started = Date.now();
    const killer = setTimeout(() => {
      log.warn('local Neo4j did not stop within 60 s; killing it');
      child.kill('SIGKILL');
    }, 60_000);
    child.once('exit', () => {
      clearTimeout(killer);
      log.info('local Neo4j stopped', { ms: Date.now() - started });
      resolve();
    });
    child.kill('SIGTERM');
  });
}
