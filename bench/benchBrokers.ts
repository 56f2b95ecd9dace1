import { SEE_ALL } from '../src/context/index.js';
import { agentIds } from '../src/cypher/index.js';
import { createLogger } from '../src/log/index.js';
import { brokersOfAgents, neo4jReachSource, perHopSearch } from '../src/paths/index.js';
import { LiveProjection, memorySearch } from '../src/projection/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { flag, percentiles, writeResult } from './benchSupport.js';
import { reachParamsFor } from './reachQuery.js';

/**
 * `npm run bench:brokers -- [--label M] [--hops 4] [--limit 20] [--runs 3] [--engine neo4j]`:
 * brokers (the services and channels most agents' explaining paths pass through) over every
 * agent of the configured graph, as the API runs it without HTTP: every agent's reach on the
 * in-memory projection (default) or hop by hop in Neo4j, then the ranking.
 */
const engine = flag('engine') === 'neo4j' ? 'neo4j' : 'memory';

async function main(): Promise<void> {
  const { database, dataset } = await openBenchDatabase();
  const live = new LiveProjection(database.executor, createLogger('warn'));
  try {
    if (engine === 'memory') await live.start();
    const maxHops = Number(flag('hops') ?? 4);
    const limit = Number(flag('limit') ?? 20);
    const runs = Number(flag('runs') ?? 3);
    const params = { ...reachParamsFor('', maxHops), minConfidence: 'SUSPECTED' as const };
    const times: number[] = [];
    const agents = (await database.executor.read(agentIds(SEE_ALL))).length;
    let top: string[] = [];
    // One unmeasured run first (caches and JIT warm), then `runs` measured ones.
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      const brokers =
        engine === 'memory'
          ? await live.use((g) =>
              brokersOfAgents(memorySearch(g, SEE_ALL), params, 10_000_000, limit),
            )
          : await database.executor.readTransaction((tx) =>
              brokersOfAgents(
                perHopSearch(neo4jReachSource(tx, SEE_ALL)),
                params,
                10_000_000,
                limit,
              ),
            );
      const elapsed = performance.now() - started;
      process.stderr.write(`run ${run}: ${Math.round(elapsed)} ms\n`);
      if (run === 0) continue;
      times.push(elapsed);
      top = brokers.slice(0, 3).map((b) => `${b.id} (${b.agentIds.length})`);
    }
    const figures = { ...percentiles(times), agents, top };
    process.stdout.write(`brokers, maxHops ${maxHops}: ${JSON.stringify(figures)}\n`);
    const file = writeResult(`brokers-${flag('label') ?? 'graph'}`, {
      neo4j: database.serverAgent,
      dataset,
      parameters: { maxHops, limit, runs, engine, reading: params.reading },
      figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    live.stop();
    await database.close();
  }
}

void main();
