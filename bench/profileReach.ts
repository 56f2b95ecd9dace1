import { SEE_ALL } from '../src/context/index.js';
import { agentIds, str } from '../src/cypher/index.js';
import { createLogger } from '../src/log/index.js';
import { LiveProjection, memorySearch } from '../src/projection/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { flag, prngPick } from './benchSupport.js';
import { reachParamsFor } from './reachQuery.js';

/**
 * `node --cpu-prof --import tsx bench/profileReach.ts [--hops 6] [--agents 100] [--rounds 5]`:
 * the memory engine's reach on the bench store, repeated for a CPU profile (no figures kept).
 */
async function main(): Promise<void> {
  const { database } = await openBenchDatabase();
  const live = new LiveProjection(database.executor, createLogger('warn'));
  try {
    await live.start();
    const all = (await database.executor.read(agentIds(SEE_ALL))).map((row) =>
      str(row['id'], 'id'),
    );
    const agents = prngPick(all, Number(flag('agents') ?? 100), Number(flag('seed') ?? 1));
    const hops = Number(flag('hops') ?? 6);
    for (let round = 0; round < Number(flag('rounds') ?? 5); round++) {
      const started = performance.now();
      let reached = 0;
      await live.use(async (g) => {
        const search = memorySearch(g, SEE_ALL);
        for (const agent of agents) {
          const outcome = await search.reach(reachParamsFor(agent, hops), 10_000_000);
          reached += (outcome?.channels.length ?? 0) + (outcome?.services.length ?? 0);
        }
      });
      process.stdout.write(
        `round ${round}: ${Math.round(performance.now() - started)} ms, ${reached} reached\n`,
      );
    }
  } finally {
    live.stop();
    await database.close();
  }
}

await main();
