import { apiEnv, BENCH_HEADERS, median, openBenchDatabase } from './benchDatabase.js';
import { flag, writeResult } from './benchSupport.js';
import { dataOf, startGraphQLServer, type GraphQLServer } from './graphqlServer.js';
import type { LoadResult } from './loadRunner.js';
import { ourTrees, pathSet, theirTrees } from './nestedQueries.js';
import { nestedRequests } from './nestedRequests.js';
import { waitForQuiet } from './procStatus.js';
import { runLoad } from './runLoad.js';

/**
 * `npm run bench:nested -- [--services 100] [--connections 16] [--duration 20] [--warmup 5]
 * [--runs 3] [--seed 1] [--port 4100] [--their-port 4101] [--label S]`: nested entity reads
 * (services -> channels -> parties -> officers) through our API and through the Neo4j GraphQL
 * Library (bench/neo4jGraphql/), both in child processes over the same Neo4j with
 * NODE_ENV=production, loaded by autocannon from a third process; runs alternate, medians
 * reported.
 */
interface Side {
  readonly name: 'ours' | 'neo4jGraphql';
  readonly server: GraphQLServer;
  readonly body: string;
  /** Bytes of the verified answer; much shorter answers count as failures under load. */
  bytes: number;
}

/** Asks both once and fails unless they return the same services, channels, parties, officers. */
async function verify(ours: Side, theirs: Side, count: number): Promise<number> {
  const answer = async (side: Side) => {
    const response = await fetch(side.server.url, {
      method: 'POST',
      headers: BENCH_HEADERS,
      body: side.body,
    });
    const text = await response.text();
    side.bytes = Buffer.byteLength(text);
    return dataOf(JSON.parse(text) as { data?: Record<string, unknown> }, side.name);
  };
  const ourPaths = pathSet(ourTrees(await answer(ours)));
  const theirTreesList = theirTrees(await answer(theirs));
  const theirPaths = pathSet(theirTreesList);
  if (theirTreesList.length !== count) throw new Error(`expected ${count} services`);
  const differs = ourPaths.findIndex((p, i) => p !== theirPaths[i]);
  if (differs >= 0 || ourPaths.length !== theirPaths.length)
    throw new Error(
      `the two answers differ (${ourPaths.length} vs ${theirPaths.length} paths): ${ourPaths[differs] ?? '(end)'} vs ${theirPaths[differs] ?? '(end)'}`,
    );
  return ourPaths.length;
}

function summary(results: readonly LoadResult[]) {
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50Ms: median(results.map((r) => r.latencyMs.p50)),
    p95Ms: median(results.map((r) => r.latencyMs.p95)),
    failed: results.reduce((n, r) => n + r.failed + r.errors + r.timeouts, 0),
    runs: results,
  };
}

async function main(): Promise<void> {
  const count = Number(flag('services') ?? 100);
  const seed = Number(flag('seed') ?? 1);
  const runs = Number(flag('runs') ?? 3);
  const load = {
    connections: Number(flag('connections') ?? 16),
    durationS: Number(flag('duration') ?? 20),
    warmupS: Number(flag('warmup') ?? 5),
  };
  const bench = await openBenchDatabase();
  const servers: GraphQLServer[] = [];
  try {
    const start = async (script: string, port: number) => {
      // Production mode for both: graphql-js then skips its development-only checks.
      const env = { ...apiEnv(bench.database.uri), NODE_ENV: 'production' };
      const server = await startGraphQLServer({ script, env, port });
      servers.push(server);
      return server;
    };
    const ourServer = await start('src/main.ts', Number(flag('port') ?? 4100));
    const theirServer = await start(
      'bench/neo4jGraphql/server.ts',
      Number(flag('their-port') ?? 4101),
    );
    const { offset, ourBody, theirBody } = await nestedRequests(bench, ourServer.url, count, seed);
    const ours: Side = {
      name: 'ours',
      server: ourServer,
      body: ourBody,
      bytes: 0,
    };
    const theirs: Side = {
      name: 'neo4jGraphql',
      server: theirServer,
      body: theirBody,
      bytes: 0,
    };
    const paths = await verify(ours, theirs, count);
    process.stdout.write(`same answer: ${paths} paths; ${ours.bytes} vs ${theirs.bytes} bytes\n`);
    const results = { ours: [] as LoadResult[], neo4jGraphql: [] as LoadResult[] };
    for (let i = 0; i < runs; i++) {
      for (const side of i % 2 === 0 ? [ours, theirs] : [theirs, ours]) {
        const result = await runLoad({
          url: side.server.url,
          headers: BENCH_HEADERS,
          bodies: [side.body],
          minBytes: Math.floor(side.bytes * 0.9),
          serverPid: side.server.pid,
          ...load,
        });
        // The next run starts once this server has finished what the generator left in flight.
        await waitForQuiet(side.server.pid);
        process.stdout.write(`run ${i + 1} ${side.name}: ${JSON.stringify(result)}\n`);
        results[side.name].push(result);
      }
    }
    const o = summary(results.ours);
    const t = summary(results.neo4jGraphql);
    const ratio = Math.round((o.requestsPerSecond / t.requestsPerSecond) * 100) / 100;
    const figures = {
      ours: o,
      neo4jGraphql: t,
      throughputRatio: ratio,
      goal: 'ours >= 1.5x their throughput at equal or better p95',
      goalMet: ratio >= 1.5 && o.p95Ms <= t.p95Ms && o.failed === 0 && t.failed === 0,
    };
    process.stdout.write(
      `${JSON.stringify({ ...figures, ours: { ...o, runs: undefined }, neo4jGraphql: { ...t, runs: undefined } })}\n`,
    );
    const file = writeResult(`nested-${flag('label') ?? 'graph'}`, {
      neo4j: bench.database.serverAgent,
      dataset: bench.dataset,
      parameters: {
        services: count,
        firstServicePosition: offset,
        order: 'id ascending; ours by keyset cursor, theirs by offset',
        paths,
        answerBytes: { ours: ours.bytes, neo4jGraphql: theirs.bytes },
        ...load,
        runs,
        neo4jGraphqlVersion: '@neo4j/graphql 7.6.3',
        loadGenerator: 'autocannon in its own process, loopback',
      },
      figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    for (const server of servers) await server.stop();
    await bench.database.close();
  }
}

void main();
