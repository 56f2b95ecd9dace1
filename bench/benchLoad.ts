import { loadConfig } from '../src/config/index.js';
import { bulkLoad } from '../src/import/index.js';
import { createLogger } from '../src/log/index.js';
import { applyMigrations, openDatabase } from '../src/neo4j/index.js';
import { NAMED_SIZES, sizeFor, syntheticLabel } from '../seed/synthetic/generateGraph.js';
import { plannedSynthetic } from '../seed/synthetic/plannedSynthetic.js';
import { flag, writeResult } from './benchSupport.js';

/**
 * `npm run bench:load -- --size M [--seed 1] [--chunk 5000]`: replaces the configured graph with
 * a synthetic one and reports the bulk load rate (relationships/s) and the graph's counts.
 */
async function main(): Promise<void> {
  const size = (flag('size') ?? 'S').toUpperCase();
  const nodes = NAMED_SIZES[size];
  if (nodes === undefined) throw new Error(`--size must be S, M or L; got ${size}`);
  const seed = Number(flag('seed') ?? 1);
  const chunk = Number(flag('chunk') ?? 5000);
  const config = loadConfig();
  const log = createLogger('warn');
  const database = await openDatabase(config.database, { ...config, txTimeoutMs: 3_600_000 }, log);
  try {
    await applyMigrations(database.executor, log);
    const result = await bulkLoad(
      database.executor,
      plannedSynthetic({ size: sizeFor(nodes), seed, chunk }),
      {
        reset: true,
        labelHint: syntheticLabel,
        onProgress: ({ nodes: n, links, elapsedMs }) => {
          process.stderr.write(
            `\r${n} nodes ${links} links ${Math.round(links / Math.max(0.001, elapsedMs / 1000))} links/s   `,
          );
        },
      },
    );
    process.stderr.write('\n');
    const seconds = result.elapsedMs / 1000;
    const figures = {
      relationshipsPerSecond: Math.round(result.links / seconds),
      nodesPerSecond: Math.round(result.nodes / seconds),
      seconds: Math.round(seconds * 10) / 10,
    };
    process.stdout.write(`${size}: ${JSON.stringify(figures)}\n`);
    const file = writeResult(`load-${size}`, {
      neo4j: database.serverAgent,
      dataset: { size, nodes: result.nodes, relationships: result.links, totals: result.totals },
      parameters: { seed, chunk, note: 'includes deleting the previous graph' },
      figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    await database.close();
  }
}

void main();
