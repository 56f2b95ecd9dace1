import { loadConfig, type Config } from '../src/config/index.js';
import { SEE_ALL } from '../src/context/index.js';
import { agentIds, str } from '../src/cypher/index.js';
import { boltAnswers } from '../src/neo4j/index.js';
import {
  apiEnv,
  BENCH_HEADERS,
  median,
  openBenchDatabase,
  type BenchDatabase,
} from './benchDatabase.js';
import { sleep } from './benchProcesses.js';
import { flag, prngPick, writeResult } from './benchSupport.js';
import { startGraphQLServer, type GraphQLServer } from './graphqlServer.js';
import type { LoadResult } from './loadRunner.js';
import { nestedRequests } from './nestedRequests.js';
import { REACH_QUERY } from './reachQuery.js';
import { procStatusMiB, waitForQuiet } from './procStatus.js';
import { idleRss, sampleRss } from './rssSampler.js';
import { runLoad } from './runLoad.js';

/**
 * `npm run bench:memory -- [--port 4102] [--cold-runs 3] [--duration 20] [--warmup 5] [--connections 16]
 * [--agents 100] [--hops 4] [--seed 1] [--label S]`: the API process's RSS (read from
 * /proc/<pid>/status) idle and at peak under bench:nested's load and under a penetrationReach
 * load; and its cold start to the first GraphQL answer, on an already running Neo4j and, when
 * NEO4J_URI is unset and the local store is stopped, with the embedded Neo4j starting too.
 */
const port = Number(flag('port') ?? 4102);
const coldRuns = Number(flag('cold-runs') ?? 3);
const load = {
  connections: Number(flag('connections') ?? 16),
  durationS: Number(flag('duration') ?? 20),
  warmupS: Number(flag('warmup') ?? 5),
};

/** Starts, times and stops API processes one after another; returns the start-up times. */
async function coldStarts(env: NodeJS.ProcessEnv, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startGraphQLServer({ script: 'src/main.ts', env, port });
    times.push(Math.round(server.startupMs));
    await server.stop(90_000);
  }
  return times;
}

/** Cold starts with the embedded Neo4j starting from its stopped store (local config only). */
async function localColdStarts(config: Config): Promise<Record<string, unknown>> {
  if (config.database.kind !== 'local')
    return { skipped: 'NEO4J_URI is set: unset it to start the local store (NEO4J_LOCAL_*)' };
  const uri = `bolt://127.0.0.1:${config.database.port}`;
  if (await boltAnswers(uri))
    return { skipped: `a Neo4j already answers on ${uri}: its store is not stopped` };
  // The local store's own Neo4j, started by the API: everything of apiEnv but the URI (the
  // benchmark's key too, which the readiness probe sends; without it every probe is refused).
  const { NEO4J_URI: _uri, ...env } = apiEnv('');
  const times = await coldStarts(env, coldRuns);
  for (let i = 0; i < 600 && (await boltAnswers(uri)); i++) await sleep(100);
  return { store: config.database.dataDir, runsMs: times, medianMs: median(times) };
}

/** RSS of the API under one load, and the load's own figures. */
async function underLoad(server: GraphQLServer, bodies: string[], minBytes: number) {
  const sampler = sampleRss(server.pid);
  const result: LoadResult = await runLoad({
    url: server.url,
    headers: BENCH_HEADERS,
    bodies,
    minBytes,
    serverPid: server.pid,
    ...load,
  });
  // Requests still in flight when the generator stops are part of the load.
  const drainMs = await waitForQuiet(server.pid);
  const rss = sampler.stop();
  return {
    rss,
    requestsPerSecond: result.requestsPerSecond,
    p95Ms: result.latencyMs.p95,
    ok: result.ok,
    drainMs,
    failed: result.failed + result.errors + result.timeouts,
  };
}

/** Reach request bodies for the seeded agents. */
async function reachBodies(bench: BenchDatabase, hops: number, seed: number): Promise<string[]> {
  const all = (await bench.database.executor.read(agentIds(SEE_ALL))).map((row) =>
    str(row['id'], 'id'),
  );
  return prngPick(all, Number(flag('agents') ?? 100), seed).map((agent) =>
    JSON.stringify({ query: REACH_QUERY, variables: { agent, maxHops: hops } }),
  );
}

/** Idle, nested-load and reach-load RSS of one fresh API process. */
async function memoryFigures(bench: BenchDatabase, server: GraphQLServer) {
  const seed = Number(flag('seed') ?? 1);
  const idleAfterStart = await idleRss(server.pid, 3000);
  const nested = await nestedRequests(bench, server.url, 100, seed);
  const nestedLoad = await underLoad(server, [nested.ourBody], 1000);
  const idleAfterNested = await idleRss(server.pid, 3000);
  const reachLoad = await underLoad(
    server,
    await reachBodies(bench, Number(flag('hops') ?? 4), seed),
    100,
  );
  const idleAfterReach = await idleRss(server.pid, 3000);
  return {
    idleAfterStart,
    nestedLoad,
    idleAfterNested,
    reachLoad,
    idleAfterReach,
    peakSinceStartMiB: procStatusMiB(server.pid, 'VmHWM'),
  };
}

async function main(): Promise<void> {
  const coldLocal = await localColdStarts(loadConfig());
  const bench = await openBenchDatabase();
  let server: GraphQLServer | undefined;
  try {
    const runs = await coldStarts(apiEnv(bench.database.uri), coldRuns);
    server = await startGraphQLServer({
      script: 'src/main.ts',
      env: apiEnv(bench.database.uri),
      port,
    });
    runs.push(Math.round(server.startupMs));
    const memory = await memoryFigures(bench, server);
    const figures = {
      memory,
      coldStart: {
        runningNeo4j: { runsMs: runs, medianMs: median(runs) },
        embeddedNeo4jFromStoppedStore: coldLocal,
      },
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    const file = writeResult(`memory-${flag('label') ?? 'graph'}`, {
      neo4j: bench.database.serverAgent,
      dataset: bench.dataset,
      parameters: {
        ...load,
        nested: '100 services, as bench:nested (ours)',
        reach: `penetrationReach maxHops ${flag('hops') ?? 4}, seeded agents round-robin`,
        rss: 'VmRSS of the API process from /proc every 100 ms, warm-up and drain included; idle = 3 s without requests',
        coldStart: 'spawn of node --import tsx src/main.ts to the first { __typename } answer',
      },
      figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    await server?.stop();
    await bench.database.close();
  }
}

void main();
