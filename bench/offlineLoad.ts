import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../src/config/index.js';
import { offlineImport, refuseUnlessEmpty } from '../src/import/offlineImport.js';
import type { Logger } from '../src/log/index.js';
import type { DatabaseConfig } from '../src/neo4j/index.js';
import { syntheticCsv, type SyntheticInput } from '../seed/synthetic/plannedSynthetic.js';
import { apiEnv, BENCH_HEADERS } from './benchDatabase.js';
import { isRunning, ROOT, sleep, spawnTsx } from './benchProcesses.js';

/** What `npm run bench:load -- --offline` measures, in seconds and relationships a second. */
export interface OfflineFigures {
  /** The importer's own rate: relationships over its run (JVM start to store written). */
  readonly relationshipsPerSecond: number;
  /** Relationships over the whole offline load (validation, CSV, importer, start, schema). */
  readonly offlineLoadRelationshipsPerSecond: number;
  readonly validateAndWriteCsvSeconds: number;
  readonly importerSeconds: number;
  readonly startAndSchemaSeconds: number;
  readonly offlineLoadSeconds: number;
  /** `npm start` on the loaded store until GET /health/ready answers 200 (projection built). */
  readonly apiReadySeconds: number;
  /** From an empty store to an API answering ready: the offline load, then the API. */
  readonly seconds: number;
  /** Every step's seconds, in order: CSV, the importer's stages, Neo4j's start and schema, the API. */
  readonly steps: Readonly<Record<string, number>>;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * Loads the synthetic graph offline into a fresh store of the benchmark's own
 * (`.neo4j/bench-<size>-offline`, Neo4j on `port`), then starts the API on it as `npm start`
 * does (default PATH_ENGINE, which builds the in-memory projection before it is ready) and
 * polls GET /health/ready every 100 ms until it answers 200.
 */
export async function benchOffline(
  config: Config,
  log: Logger,
  input: SyntheticInput & { name: string },
  options: { port: number; workers: number },
): Promise<{
  figures: OfflineFigures;
  totals: Readonly<Record<string, number>>;
  links: number;
  nodes: number;
  store: string;
}> {
  const local: Extract<DatabaseConfig, { kind: 'local' }> = {
    kind: 'local',
    port: options.port,
    dataDir: path.join(ROOT, '.neo4j', `bench-${input.name}-offline`),
    heap: config.database.kind === 'local' ? config.database.heap : '2g',
    pageCache: config.database.kind === 'local' ? config.database.pageCache : '2g',
    javaHome: config.database.kind === 'local' ? config.database.javaHome : undefined,
  };
  await rm(local.dataDir, { recursive: true, force: true });
  const started = performance.now();
  await refuseUnlessEmpty(local, config, log);
  let printed = { phase: '', at: 0 };
  // When each step began: the importer's stages and Neo4j's steps, for their durations.
  const begun: [string, number][] = [['validate and write CSV', started]];
  const result = await offlineImport(local, config, syntheticCsv(input, options.workers), {
    log,
    onProgress: (progress) => {
      const now = performance.now();
      const step =
        progress.phase === 'import'
          ? `importer: ${progress.importer.stage}`
          : progress.phase === 'schema'
            ? progress.step
            : 'validate and write CSV';
      if (begun.at(-1)?.[0] !== step) begun.push([step, now]);
      if (progress.phase === printed.phase && now - printed.at < 1000) return;
      if (progress.phase !== printed.phase && printed.phase !== '') process.stderr.write('\n');
      printed = { phase: progress.phase, at: now };
      const line =
        progress.phase === 'files'
          ? `validating, writing CSV: ${progress.nodes} nodes ${progress.links} links`
          : progress.phase === 'import'
            ? `importer (${progress.importer.step}/${progress.importer.steps}) ${progress.importer.stage} ${progress.importer.percent}%`
            : `Neo4j: ${progress.step}`;
      process.stderr.write(
        `\r${seconds(now - started)
          .toFixed(1)
          .padStart(6)} s ${line.padEnd(70)}`,
      );
    },
  });
  process.stderr.write('\n');
  const loaded = performance.now();
  begun.push(['API start to ready', loaded]);
  const apiReadyMs = await apiReady(local);
  const total = performance.now() - started;
  const steps = Object.fromEntries(
    begun.map(([step, at], i) => [step, seconds((begun[i + 1]?.[1] ?? started + total) - at)]),
  );
  return {
    figures: {
      relationshipsPerSecond: Math.round(result.links / (result.importMs / 1000)),
      offlineLoadRelationshipsPerSecond: Math.round(result.links / ((loaded - started) / 1000)),
      validateAndWriteCsvSeconds: seconds(result.filesMs),
      importerSeconds: seconds(result.importMs),
      startAndSchemaSeconds: seconds(result.schemaMs),
      offlineLoadSeconds: seconds(loaded - started),
      apiReadySeconds: seconds(apiReadyMs),
      seconds: seconds(total),
      steps,
    },
    totals: result.totals,
    links: result.links,
    nodes: result.nodes,
    store: local.dataDir,
  };
}

/** Starts the API on the local store and times it to a 200 from /health/ready; stops it. */
async function apiReady(local: Extract<DatabaseConfig, { kind: 'local' }>): Promise<number> {
  // Not 4190: fetch refuses the ports of the Fetch standard's bad-port list (4190 is sieve).
  const port = 4192;
  const started = performance.now();
  const api = spawnTsx('src/main.ts', [], {
    ...apiEnv(''),
    NEO4J_URI: '',
    PATH_ENGINE: 'memory',
    NEO4J_LOCAL_PORT: String(local.port),
    NEO4J_LOCAL_DATA: local.dataDir,
    NEO4J_HEAP: local.heap,
    NEO4J_PAGECACHE: local.pageCache,
    PORT: String(port),
  });
  let refused: unknown;
  try {
    for (;;) {
      if (!isRunning(api.child)) throw new Error(`the API exited before ready:\n${api.tail()}`);
      // A probe sent while the API is busy must not wait past the next one.
      const status = await fetch(`http://127.0.0.1:${port}/health/ready`, {
        headers: BENCH_HEADERS,
        signal: AbortSignal.timeout(2000),
      })
        .then((response) => response.status)
        .catch((error: unknown) => {
          refused = error;
          return 0;
        });
      if (status === 200) return performance.now() - started;
      if (performance.now() - started > 900_000)
        throw new Error(`not ready in 15 min (last probe: ${String(refused)}):\n${api.tail()}`);
      await sleep(100);
    }
  } finally {
    await api.stop(120_000);
  }
}
