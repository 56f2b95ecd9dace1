import { SEE_ALL } from '../src/context/index.js';
import { agentIds, str } from '../src/cypher/index.js';
import { createLogger } from '../src/log/index.js';
import { computeReach, neo4jReachSource } from '../src/paths/index.js';
import { offers, search } from '../src/projection/arraySearch.js';
import { LiveProjection, memorySearch, projectedReachSource } from '../src/projection/index.js';
import { projectedFacts } from '../src/projection/projectedFacts.js';
import { openBenchDatabase } from './benchDatabase.js';
import { flag, percentiles, prngPick, writeResult } from './benchSupport.js';
import { floorReach } from './floorSearch.js';
import { peerReach } from './peerReach.js';
import { reachParamsFor } from './reachQuery.js';

/**
 * `npm run bench:reach -- [--agents 100] [--hops 2,4,6] [--seed 1] [--engines memory,search,previous,neo4j,peer,floor]
 * [--peer-agents 10] [--peer-timeout-ms 10000] [--reading POSSIBLE] [--structure IGNORE]`:
 * penetrationReach latency (p50/p95/p99) for random agents of whatever graph the configured
 * Neo4j holds, side by side in one run on the same agents:
 * - `memory`: the API's engine, the array search on the in-memory projection (PATH_ENGINE=memory);
 * - `search`: the same search without its answer written out (no windows, paths or objects per
 *   element): what the engine's traversal costs, beside what writing its explanations costs;
 * - `previous`: the per-hop rules (computeReach) on the same projection, the memory engine as it
 *   ran before the array search;
 * - `neo4j`: the same rules reading Neo4j hop by hop (PATH_ENGINE=neo4j, the previous engine);
 * - `peer`: the question as one variable-length Cypher query with time predicates, the way a
 *   Neo4j user writes it (bench/peerReach.ts; fewer agents, each with a timeout);
 * - `floor`: a bare hop-bounded search over the same arrays with no time or rules.
 * It also reports the projection's build time and its memory.
 */
const reading = flag('reading') === 'POSSIBLE' ? 'POSSIBLE' : 'CERTAIN';
const structure = flag('structure') !== 'IGNORE';
const engines = (flag('engines') ?? 'memory,search,previous,neo4j,peer,floor').split(',');

async function main(): Promise<void> {
  const { database, dataset } = await openBenchDatabase();
  const live = new LiveProjection(database.executor, createLogger('warn'));
  try {
    const heapBefore = process.memoryUsage();
    const buildStarted = performance.now();
    await live.start();
    const buildMs = performance.now() - buildStarted;
    global.gc?.();
    const heapAfter = process.memoryUsage();
    const projection = {
      buildMs: Math.round(buildMs),
      rssMiB: Math.round(heapAfter.rss / 2 ** 20),
      addedRssMiB: Math.round((heapAfter.rss - heapBefore.rss) / 2 ** 20),
      addedHeapMiB: Math.round(
        (heapAfter.heapUsed +
          heapAfter.arrayBuffers -
          heapBefore.heapUsed -
          heapBefore.arrayBuffers) /
          2 ** 20,
      ),
    };
    process.stdout.write(`projection: ${JSON.stringify(projection)}\n`);
    const all = (await database.executor.read(agentIds(SEE_ALL))).map((row) =>
      str(row['id'], 'id'),
    );
    const count = Number(flag('agents') ?? 100);
    const agents = prngPick(all, count, Number(flag('seed') ?? 1));
    const peerAgents = agents.slice(0, Number(flag('peer-agents') ?? 10));
    const peerTimeoutMs = Number(flag('peer-timeout-ms') ?? 10_000);
    const hops = (flag('hops') ?? '2,4,6').split(',').map(Number);
    const figures: Record<string, Record<string, unknown>> = {};

    /** A first pass over the same agents warms caches and plans; only the second is measured. */
    const measure = async (
      list: readonly string[],
      run: (agent: string) => Promise<number>,
    ): Promise<Record<string, unknown>> => {
      const times: number[] = [];
      let reached = 0;
      for (const agent of [...list, ...list]) {
        const started = performance.now();
        reached += await run(agent);
        times.push(performance.now() - started);
      }
      return {
        ...percentiles(times.slice(list.length)),
        meanReached: Math.round(reached / times.length),
      };
    };

    for (const maxHops of hops) {
      const params = (agent: string) => reachParamsFor(agent, maxHops, reading, structure);
      const row: Record<string, unknown> = {};
      if (engines.includes('memory'))
        row['memory'] = await measure(agents, async (agent) => {
          const outcome = await live.use((g) =>
            memorySearch(g, SEE_ALL).reach(params(agent), 10_000_000),
          );
          return (outcome?.channels.length ?? 0) + (outcome?.services.length ?? 0);
        });
      if (engines.includes('search'))
        row['search'] = await measure(agents, (agent) =>
          live.use((g) => {
            const found = search(projectedFacts(g, SEE_ALL), params(agent), 10_000_000);
            return Promise.resolve(found ? offers.size : 0);
          }),
        );
      if (engines.includes('previous'))
        row['previous'] = await measure(agents, async (agent) => {
          const outcome = await live.use((g) =>
            computeReach(projectedReachSource(g, SEE_ALL), params(agent), 10_000_000),
          );
          return (outcome?.channels.length ?? 0) + (outcome?.services.length ?? 0);
        });
      if (engines.includes('neo4j'))
        row['neo4j'] = await measure(agents, async (agent) => {
          const outcome = await database.executor.readTransaction((tx) =>
            computeReach(neo4jReachSource(tx, SEE_ALL), params(agent), 10_000_000),
          );
          return (outcome?.channels.length ?? 0) + (outcome?.services.length ?? 0);
        });
      if (engines.includes('peer')) {
        let timedOut = 0;
        const bounded = database.executor.withTimeout(peerTimeoutMs);
        const peer = await measure(peerAgents, async (agent) => {
          try {
            return (await bounded.read(peerReach(agent, maxHops, reading))).length;
          } catch {
            // Stopped by Neo4j at the timeout (counted over both passes, warm-up included): its
            // time is the timeout's, the real figure is higher.
            timedOut++;
            return 0;
          }
        });
        row['peer'] = { ...peer, timedOut, timeoutMs: peerTimeoutMs, agents: peerAgents.length };
      }
      if (engines.includes('floor'))
        row['floor'] = await measure(agents, (agent) =>
          live.use((g) => Promise.resolve(floorReach(g, agent, maxHops))),
        );
      figures[`maxHops${maxHops}`] = row;
      process.stdout.write(`maxHops ${maxHops}: ${JSON.stringify(row)}\n`);
    }
    const file = writeResult(`reach-${flag('label') ?? 'graph'}`, {
      neo4j: database.serverAgent,
      dataset,
      parameters: {
        agents: agents.length,
        peerAgents: peerAgents.length,
        hops,
        reading,
        structure,
        engines,
        warmup: 'one full pass over the same agents',
      },
      projection,
      latencyMs: figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    live.stop();
    await database.close();
  }
}

void main();
