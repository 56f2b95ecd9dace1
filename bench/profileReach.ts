import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { SEE_ALL } from '../src/context/index.js';
import { agentIds, str } from '../src/cypher/index.js';
import { createLogger } from '../src/log/index.js';
import { LiveProjection, memorySearch } from '../src/projection/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { flag, prngPick } from './benchSupport.js';
import { reachParamsFor } from './reachQuery.js';

/**
 * `node --import tsx bench/profileReach.ts [--hops 6] [--agents 100] [--rounds 5]
 * [--out reach.cpuprofile]`: the memory engine's reach on the bench store, repeated; with
 * `--out`, a CPU profile of every round after the first (the first builds the per-view
 * caches, as the benchmark's warm-up pass does) is written there. No figures are kept.
 */
async function main(): Promise<void> {
  const { database } = await openBenchDatabase();
  const live = new LiveProjection(database.executor, createLogger('warn'));
  const out = flag('out');
  const session = new Session();
  try {
    await live.start();
    const all = (await database.executor.read(agentIds(SEE_ALL))).map((row) =>
      str(row['id'], 'id'),
    );
    const agents = prngPick(all, Number(flag('agents') ?? 100), Number(flag('seed') ?? 1));
    const hops = Number(flag('hops') ?? 6);
    for (let round = 0; round < Number(flag('rounds') ?? 5); round++) {
      if (round === 1 && out) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
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
    if (out) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(out, JSON.stringify(profile));
      process.stdout.write(`profile written to ${out}\n`);
    }
  } finally {
    session.disconnect();
    live.stop();
    await database.close();
  }
}

await main();
