import { rm } from 'node:fs/promises';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import { loadConfig } from '../src/config/index.js';
import { createLogger } from '../src/log/index.js';
import { boltAnswers, Executor, startLocalNeo4j } from '../src/neo4j/index.js';
import { apiEnv, BENCH_KEY } from './benchDatabase.js';
import { flag, writeResult } from './benchSupport.js';
import { startGraphQLServer } from './graphqlServer.js';
import { checkWrites, killAndRestart, runStress, type Neo4jHandle } from './stress.js';

/**
 * `npm run stress -- [--concurrency 64] [--duration 60] [--fault] [--kinds write,read]`: a mixed
 * load (entity reads, lists, search, penetration reach, writes; `--kinds` keeps only some) against the API from this process over loopback,
 * on a Neo4j of its own (port STRESS_NEO4J_PORT, default 7696; store `.neo4j/stress`, wiped
 * first, seeded with the historical dataset by the API). With `--fault`, Neo4j is killed outright
 * (SIGKILL) 25 s in and started again 5 s later on the same store. Afterwards every acknowledged
 * write must be in the database whole and no write in part. Writes bench/results/stress-*.json.
 */
async function main(): Promise<void> {
  const concurrency = Number(flag('concurrency') ?? 64);
  const durationS = Number(flag('duration') ?? 60);
  const withFault = process.argv.includes('--fault');
  const kinds = flag('kinds')?.split(',');
  const config = loadConfig();
  const log = createLogger('warn');
  const port = Number(process.env['STRESS_NEO4J_PORT'] ?? 7696);
  const dataDir = path.resolve('.neo4j/stress');
  const uri = `bolt://127.0.0.1:${port}`;
  if (await boltAnswers(uri)) throw new Error(`something already answers at ${uri}; stop it first`);
  await rm(dataDir, { recursive: true, force: true });
  const javaHome = config.database.kind === 'local' ? config.database.javaHome : undefined;
  const start = () =>
    startLocalNeo4j({ port, dataDir, heap: '2g', pageCache: '1g', javaHome }, log);
  const handle: Neo4jHandle = { neo4j: await start() };
  const apiPort = Number(process.env['STRESS_API_PORT'] ?? 4120);
  const server = await startGraphQLServer({
    script: 'src/main.ts',
    env: { ...apiEnv(uri), SEED_ON_EMPTY: 'true' },
    port: apiPort,
  });
  try {
    const result = await runStress({
      url: server.url,
      key: BENCH_KEY,
      concurrency,
      durationMs: durationS * 1000,
      ...(kinds ? { kinds } : {}),
      ...(withFault
        ? {
            fault: killAndRestart(handle, start, { atMs: 25_000, downMs: 5_000 }),
          }
        : {}),
    });
    const driver = neo4jDriver.driver(uri, neo4jDriver.auth.basic('neo4j', ''));
    const check = await checkWrites(new Executor(driver, 'neo4j', 60_000), result).finally(() =>
      driver.close(),
    );
    const { acknowledged, unacknowledged, ...figures } = result;
    const summary = {
      ...figures,
      writes: {
        acknowledged: acknowledged.length,
        unacknowledged: unacknowledged.length,
        lost: check.lost.length,
        halfApplied: check.halfApplied.length,
        appliedUnacknowledged: check.appliedUnacknowledged,
        stored: check.stored,
      },
      apiAlive: server.child.exitCode === null,
    };
    process.stdout.write(`stress: ${JSON.stringify(summary)}\n`);
    const name = `stress-${withFault ? 'fault' : 'steady'}${kinds ? `-${kinds.join('-')}` : ''}`;
    const file = writeResult(name, {
      neo4j: 'Neo4j/5.26 (local launcher)',
      dataset: 'historical dataset plus the writes of the run',
      parameters: {
        concurrency,
        durationS,
        fault: withFault ? 'SIGKILL at 25 s, restart 5 s later' : 'none',
        kinds: kinds ?? 'all',
      },
      figures: summary,
    });
    process.stdout.write(`written ${file}\n`);
    if (
      check.lost.length > 0 ||
      check.halfApplied.length > 0 ||
      figures.serverErrorsOutsideFault > 0
    )
      process.exitCode = 1;
  } finally {
    await server.stop(10_000);
    await handle.neo4j.stop();
  }
}

await main();
