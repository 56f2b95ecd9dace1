import { SEE_ALL } from '../src/context/index.js';
import { createLogger } from '../src/log/index.js';
import { LiveProjection } from '../src/projection/index.js';
import { agentIds, str } from '../src/cypher/index.js';
import {
  apiEnv,
  BENCH_HEADERS,
  median,
  openBenchDatabase,
  type BenchDatabase,
} from './benchDatabase.js';
import { runLoad } from './runLoad.js';
import { sampleRss } from './rssSampler.js';
import { flag, percentiles, prngPick, writeResult } from './benchSupport.js';
import { dataOf, postGraphQL, startGraphQLServer, type GraphQLServer } from './graphqlServer.js';
import { answerLines, directReach, outcomeLines, REACH_QUERY } from './reachQuery.js';

/**
 * `npm run bench:api -- [--agents 100] [--hops 4] [--runs 3] [--seed 1] [--port 4100]
 * [--label S]`: GraphQL overhead of penetrationReach. The same seeded agents are reached
 * through HTTP GraphQL (an API child process on the same Neo4j) and directly in-process
 * (computeReach in a read transaction, as bench:reach does), alternating per agent so both
 * see the same cache state. One unmeasured pass checks that both give the same answer.
 */
interface Pass {
  readonly direct: number[];
  readonly http: number[];
  /** Elements (channels, services, operations) of each answer, by position. */
  readonly sizes: number[];
}

interface Run {
  readonly bench: BenchDatabase;
  readonly server: GraphQLServer;
  readonly agents: readonly string[];
  readonly maxHops: number;
  readonly deadline: number;
  readonly live: LiveProjection;
  /** Each agent's answer size, found by the verifying pass. */
  readonly sizes: Map<string, number>;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function httpReach(run: Run, agent: string): Promise<Record<string, unknown>> {
  const answer = await postGraphQL(run.server.url, REACH_QUERY, { agent, maxHops: run.maxHops });
  return dataOf(answer, `penetrationReach(${agent})`)['penetrationReach'] as Record<
    string,
    unknown
  >;
}

/** Warm-up pass: both ways once per agent, failing on the first answer that differs. */
async function verifyPass(run: Run): Promise<void> {
  for (const agent of run.agents) {
    const direct = await directReach(run.bench.database, agent, run.maxHops, run.live);
    if (!direct) throw new Error(`agent ${agent} not found in-process`);
    run.sizes.set(
      agent,
      direct.channels.length + direct.services.length + direct.operations.length,
    );
    const expected = outcomeLines(direct);
    const actual = answerLines(await httpReach(run, agent));
    const differs = expected.findIndex((line, i) => line !== actual[i]);
    if (differs >= 0 || expected.length !== actual.length)
      throw new Error(
        `HTTP and in-process reach differ for ${agent}: ${expected[differs] ?? '(end)'} vs ${actual[differs] ?? '(end)'}`,
      );
  }
}

/** One measured pass; which side goes first alternates per agent (and per pass). */
async function measurePass(run: Run, index: number): Promise<Pass> {
  const pass: Pass = { direct: [], http: [], sizes: [] };
  for (const [i, agent] of run.agents.entries()) {
    if (performance.now() > run.deadline) throw new Error('bench:api ran past --max-seconds');
    const direct = () => timed(() => directReach(run.bench.database, agent, run.maxHops, run.live));
    const http = () => timed(() => httpReach(run, agent));
    pass.sizes.push(run.sizes.get(agent) ?? 0);
    if ((i + index) % 2 === 0) {
      pass.direct.push(await direct());
      pass.http.push(await http());
    } else {
      pass.http.push(await http());
      pass.direct.push(await direct());
    }
  }
  return pass;
}

/** Medians over passes of each pass's p50 and p95, and the ratio http/direct at p50. */
function summarize(passes: readonly Pass[]) {
  const per = passes.map((p) => ({ direct: percentiles(p.direct), http: percentiles(p.http) }));
  const directP50 = median(per.map((p) => p.direct.p50));
  const httpP50 = median(per.map((p) => p.http.p50));
  const pairRatios = passes.flatMap((p) => p.http.map((h, i) => h / (p.direct[i] ?? NaN)));
  const ratio = Math.round((httpP50 / directP50) * 1000) / 1000;
  // What HTTP adds to answers of up to 200 elements (the goal's bound), and to larger ones.
  const added = (keep: (size: number) => boolean) =>
    percentiles(
      passes.flatMap((p) =>
        p.http.flatMap((h, i) => (keep(p.sizes[i] ?? 0) ? [h - (p.direct[i] ?? 0)] : [])),
      ),
    );
  return {
    directMs: { p50: directP50, p95: median(per.map((p) => p.direct.p95)) },
    httpMs: { p50: httpP50, p95: median(per.map((p) => p.http.p95)) },
    ratioHttpOverDirectP50: ratio,
    httpMinusDirectP50Ms: Math.round((httpP50 - directP50) * 100) / 100,
    addedMsUpTo200Elements: added((size) => size <= 200),
    addedMsOver200Elements: added((size) => size > 200),
    medianPairRatio: median(pairRatios),
    goal: 'http/direct <= 1.10 at p50',
    goalMet: ratio <= 1.1,
    passes: per,
  };
}

async function main(): Promise<void> {
  const maxHops = Number(flag('hops') ?? 4);
  const runs = Number(flag('runs') ?? 3);
  const seed = Number(flag('seed') ?? 1);
  const deadline = performance.now() + Number(flag('max-seconds') ?? 900) * 1000;
  const bench = await openBenchDatabase();
  let server: GraphQLServer | undefined;
  let live: LiveProjection | undefined;
  try {
    const all = (await bench.database.executor.read(agentIds(SEE_ALL))).map((row) =>
      str(row['id'], 'id'),
    );
    const agents = prngPick(all, Number(flag('agents') ?? 100), seed);
    server = await startGraphQLServer({
      script: 'src/main.ts',
      env: apiEnv(bench.database.uri),
      port: Number(flag('port') ?? 4100),
    });
    // The API's default engine in this process too: the same projection, built from the store.
    live = new LiveProjection(bench.database.executor, createLogger('warn'));
    await live.start();
    const run: Run = { bench, server, agents, maxHops, deadline, live, sizes: new Map() };
    await verifyPass(run);
    const passes: Pass[] = [];
    for (let i = 0; i < runs; i++) passes.push(await measurePass(run, i));
    // Many analysts at once: `--concurrency` connections POST reach queries for the agents in
    // turn to the API process for `--load-seconds`, with its RSS sampled.
    const concurrency = Number(flag('concurrency') ?? 64);
    const sampler = sampleRss(server.pid);
    const load = await runLoad({
      url: server.url,
      headers: BENCH_HEADERS,
      bodies: agents.map((agent) =>
        JSON.stringify({ query: REACH_QUERY, variables: { agent, maxHops } }),
      ),
      minBytes: 40,
      serverPid: server.pid,
      connections: concurrency,
      durationS: Number(flag('load-seconds') ?? 20),
      warmupS: 5,
    });
    const rss = sampler.stop();
    const concurrent = {
      connections: concurrency,
      requestsPerSecond: load.requestsPerSecond,
      latencyMs: load.latencyMs,
      failed: load.failed,
      errors: load.errors,
      rss,
    };
    process.stdout.write(`concurrent: ${JSON.stringify(concurrent)}\n`);
    const figures = { ...summarize(passes), concurrent };
    process.stdout.write(`${JSON.stringify({ ...figures, passes: undefined })}\n`);
    const file = writeResult(`api-${flag('label') ?? 'graph'}`, {
      neo4j: bench.database.serverAgent,
      dataset: bench.dataset,
      parameters: {
        agents: agents.length,
        distinctAgents: new Set(agents).size,
        seed,
        maxHops,
        runs,
        warmup: 'one unmeasured pass over the same agents, both ways, answers compared',
        order: 'direct and HTTP alternate first per agent',
        http: 'POST /graphql of an API child process, keep-alive fetch, sequential',
      },
      figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    live?.stop();
    await server?.stop();
    await bench.database.close();
  }
}

void main();
