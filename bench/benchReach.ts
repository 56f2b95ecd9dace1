import { SEE_ALL } from '../src/context/index.js';
import { agentIds, str } from '../src/cypher/index.js';
import { computeReach, neo4jReachSource } from '../src/paths/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { flag, percentiles, prngPick, writeResult } from './benchSupport.js';
import { reachParamsFor } from './reachQuery.js';

/**
 * `npm run bench:reach -- [--agents 100] [--hops 2,4,6] [--seed 1]`: penetrationReach latency
 * (p50/p95/p99) for random agents of whatever graph the configured Neo4j holds, each reach in
 * its own read transaction, exactly as the API runs it (without HTTP; see bench:api).
 */
/** `--reading POSSIBLE` measures the outer-span reading (default: CERTAIN, the API's default). */
const reading = flag('reading') === 'POSSIBLE' ? 'POSSIBLE' : 'CERTAIN';
/** `--structure IGNORE` leaves PART_OF out (default: followed, as the API does). */
const structure = flag('structure') !== 'IGNORE';

async function main(): Promise<void> {
  const { database, dataset } = await openBenchDatabase();
  try {
    const all = (await database.executor.read(agentIds(SEE_ALL))).map((row) =>
      str(row['id'], 'id'),
    );
    const count = Number(flag('agents') ?? 100);
    const agents = prngPick(all, count, Number(flag('seed') ?? 1));
    const hops = (flag('hops') ?? '2,4,6').split(',').map(Number);
    const figures: Record<string, unknown> = {};
    for (const maxHops of hops) {
      const times: number[] = [];
      let reached = 0;
      // A first pass over the same agents warms the page cache and the query plans; only the
      // second pass is measured (a running server's steady state).
      for (const agent of [...agents, ...agents]) {
        const started = performance.now();
        const outcome = await database.executor.readTransaction((tx) =>
          computeReach(
            neo4jReachSource(tx, SEE_ALL),
            reachParamsFor(agent, maxHops, reading, structure),
            10_000_000,
          ),
        );
        times.push(performance.now() - started);
        reached += (outcome?.channels.length ?? 0) + (outcome?.services.length ?? 0);
      }
      figures[`maxHops${maxHops}`] = {
        ...percentiles(times.slice(agents.length)),
        meanReached: Math.round(reached / times.length),
      };
      process.stdout.write(`maxHops ${maxHops}: ${JSON.stringify(figures[`maxHops${maxHops}`])}\n`);
    }
    const file = writeResult(`reach-${flag('label') ?? 'graph'}`, {
      neo4j: database.serverAgent,
      dataset,
      parameters: {
        agents: agents.length,
        hops,
        reading,
        warmup: 'one full pass over the same agents',
      },
      latencyMs: figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    await database.close();
  }
}

void main();
