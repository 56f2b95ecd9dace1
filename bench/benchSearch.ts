import { visibilityFor } from '../src/context/index.js';
import { parseSearch, searchEntities } from '../src/search/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { flag, percentiles, writeResult } from './benchSupport.js';

/** Texts for the synthetic graphs (names `Service 12`, acronyms `S12`, `Officer 7`, ...). */
const SYNTHETIC_TEXTS = [
  'serv',
  'officer',
  'service 12',
  'servise 12',
  'operatoin 7',
  's12',
  'channel 42',
  'xyzzy',
];

/**
 * `npm run bench:search -- [--texts a,b] [--runs 20] [--first 20] [--label S]`: search latency
 * (p50/p95) per text on whatever graph the configured Neo4j holds, each search in its own read
 * transaction as the API runs it (without HTTP), as a SECRET reader of GBR. One unmeasured pass
 * warms plans, the page cache and the JIT.
 */
async function main(): Promise<void> {
  const { database, dataset } = await openBenchDatabase();
  try {
    const texts = flag('texts')?.split(',') ?? SYNTHETIC_TEXTS;
    const runs = Number(flag('runs') ?? 20);
    const first = Number(flag('first') ?? 20);
    const v = visibilityFor({ clearance: 'SECRET', nationality: 'GBR' });
    const figures: Record<string, unknown> = {};
    for (const text of texts) {
      const query = parseSearch(text);
      if (query === undefined) throw new Error(`no word to search for in ${JSON.stringify(text)}`);
      const times: number[] = [];
      let hits = 0;
      for (let run = 0; run <= runs; run++) {
        const started = performance.now();
        hits = (await searchEntities(database.executor, query, first, v)).length;
        if (run > 0) times.push(performance.now() - started);
      }
      figures[text] = { ...percentiles(times), hits };
      process.stdout.write(`${JSON.stringify(text)}: ${JSON.stringify(figures[text])}\n`);
    }
    const file = writeResult(`search-${flag('label') ?? 'graph'}`, {
      neo4j: database.serverAgent,
      dataset,
      parameters: { runs, first, warmup: 'one unmeasured search per text' },
      latencyMs: figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    await database.close();
  }
}

void main();
