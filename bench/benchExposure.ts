import { SEE_ALL } from '../src/context/index.js';
import { str } from '../src/cypher/index.js';
import { exposureOfAgents, neo4jReachSource, perHopSearch } from '../src/paths/index.js';
import { createLogger } from '../src/log/index.js';
import { LiveProjection, memorySearch } from '../src/projection/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { flag, percentiles, prngPick, writeResult } from './benchSupport.js';
import { reachParamsFor } from './reachQuery.js';

type Target = { id: string; label: 'Service' | 'LiaisonChannel' };

/**
 * `npm run bench:exposure -- [--label M] [--hubs 10] [--others 20] [--hops 4] [--warmup 1]`: exposure(target)
 * latency over every agent of the configured graph, for hub targets (the services party to the
 * most channels, and the channels with the most parties) and for random other services and
 * channels, as the API runs it (without HTTP): on the in-memory projection (PATH_ENGINE=memory,
 * the default) or, with `--engine neo4j`, hop by hop in one read transaction per target.
 */
/** `--reading POSSIBLE` measures the outer-span reading (default: CERTAIN, the API's default). */
const reading = flag('reading') === 'POSSIBLE' ? 'POSSIBLE' : 'CERTAIN';
/** `--engine neo4j` reads Neo4j hop by hop (default: memory, the API's default engine). */
const engine = flag('engine') === 'neo4j' ? 'neo4j' : 'memory';

async function main(): Promise<void> {
  const { database, dataset } = await openBenchDatabase();
  const live = new LiveProjection(database.executor, createLogger('warn'));
  try {
    if (engine === 'memory') await live.start();
    const hubs = Number(flag('hubs') ?? 10);
    const others = Number(flag('others') ?? 20);
    const maxHops = Number(flag('hops') ?? 4);
    const warmup = Number(flag('warmup') ?? 1);
    const ranked = async (cypher: string): Promise<string[]> =>
      (await database.executor.read({ cypher, params: {} })).map((r) => str(r['id'], 'id'));
    const services = await ranked(
      'MATCH (s:Service) RETURN s.id AS id ORDER BY COUNT { (s)-[:PARTY_TO]->() } DESC, id',
    );
    const channels = await ranked(
      'MATCH (c:LiaisonChannel) RETURN c.id AS id ORDER BY COUNT { (c)<-[:PARTY_TO]-() } DESC, id',
    );
    const half = Math.ceil(hubs / 2);
    const hubTargets: Target[] = [
      ...services.slice(0, half).map((id) => ({ id, label: 'Service' as const })),
      ...channels.slice(0, hubs - half).map((id) => ({ id, label: 'LiaisonChannel' as const })),
    ];
    const otherTargets: Target[] = [
      ...prngPick(services.slice(half), Math.ceil(others / 2), 2).map((id) => ({
        id,
        label: 'Service' as const,
      })),
      ...prngPick(channels.slice(hubs - half), Math.floor(others / 2), 3).map((id) => ({
        id,
        label: 'LiaisonChannel' as const,
      })),
    ];
    const measure = async (targets: readonly Target[]) => {
      const times: number[] = [];
      let exposedTotal = 0;
      let considered = 0;
      // Unmeasured passes first (page cache and plans warm), as bench:reach does.
      const warmRuns = warmup * targets.length;
      for (const [pass, target] of [
        ...Array.from({ length: warmup }, () => targets).flat(),
        ...targets,
      ].entries()) {
        const started = performance.now();
        const params = reachParamsFor('', maxHops, reading);
        const result =
          engine === 'memory'
            ? await live.use((g) =>
                exposureOfAgents(memorySearch(g, SEE_ALL), params, target, 10_000_000),
              )
            : await database.executor.readTransaction((tx) =>
                exposureOfAgents(
                  perHopSearch(neo4jReachSource(tx, SEE_ALL)),
                  params,
                  target,
                  10_000_000,
                ),
              );
        const elapsed = performance.now() - started;
        process.stderr.write(
          `${pass < warmRuns ? 'warm-up ' : ''}${target.label} ${target.id}: ${Math.round(elapsed)} ms, ${result.exposed.length} exposed\n`,
        );
        if (pass < warmRuns) continue;
        times.push(elapsed);
        exposedTotal += result.exposed.length;
        considered = result.considered;
      }
      return {
        ...percentiles(times),
        meanExposedAgents: Math.round(exposedTotal / Math.max(1, times.length)),
        agentsConsidered: considered,
      };
    };
    const figures = { hub: await measure(hubTargets), other: await measure(otherTargets) };
    process.stdout.write(`exposure, maxHops ${maxHops}: ${JSON.stringify(figures)}\n`);
    const file = writeResult(`exposure-${flag('label') ?? 'graph'}`, {
      neo4j: database.serverAgent,
      dataset,
      parameters: {
        maxHops,
        hubTargets: hubTargets.length,
        otherTargets: otherTargets.length,
        warmupPasses: warmup,
        reading,
        engine,
      },
      figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    live.stop();
    await database.close();
  }
}

void main();
