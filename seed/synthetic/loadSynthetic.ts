import { loadConfig } from '../../src/config/index.js';
import { bulkLoad } from '../../src/import/index.js';
import { createLogger } from '../../src/log/index.js';
import { LABELS, LINK_TYPES } from '../../src/model/index.js';
import { openDatabase } from '../../src/neo4j/index.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { NAMED_SIZES, sizeFor, syntheticLabel } from './generateGraph.js';
import { plannedSynthetic } from './plannedSynthetic.js';
import { runCommand } from '../runCommand.js';

const USAGE =
  'usage: npm run seed:synthetic -- (--size S|M|L | --nodes N) [--seed N] [--chunk N] [--reset]';

/**
 * `npm run seed:synthetic -- --size M`: generates a synthetic graph (deterministic per seed) and
 * bulk-loads it into the configured Neo4j with a progress bar and a rate printout.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const named = value('--size');
  const totalNodes = value('--nodes')
    ? Number(value('--nodes'))
    : named
      ? NAMED_SIZES[named.toUpperCase()]
      : undefined;
  const seed = Number(value('--seed') ?? 1);
  const chunk = Number(value('--chunk') ?? 5000);
  if (
    totalNodes === undefined ||
    !Number.isInteger(totalNodes) ||
    totalNodes < 20 ||
    !Number.isInteger(seed) ||
    !Number.isInteger(chunk) ||
    chunk < 1
  ) {
    process.stderr.write(`seed:synthetic: ${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger('warn');
  const database = await openDatabase(config.database, config, log);
  try {
    await applyMigrations(database.executor, log);
    const size = sizeFor(totalNodes);
    const planned =
      size.countries +
      size.services +
      size.organizations +
      size.officers +
      size.channels +
      size.operations +
      1;
    process.stderr.write(
      `seed:synthetic: ${planned} nodes (${JSON.stringify(size)}), seed ${seed}, chunks of ${chunk}, into ${database.uri}\n`,
    );
    const result = await bulkLoad(database.executor, plannedSynthetic({ size, seed, chunk }), {
      reset: args.includes('--reset'),
      labelHint: syntheticLabel,
      onProgress: ({ nodes, links, elapsedMs }) => {
        const share = Math.min(1, nodes / planned);
        const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
        const rate = Math.round(links / Math.max(0.001, elapsedMs / 1000));
        process.stderr.write(
          `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${nodes} nodes ${links} links ${rate} links/s `,
        );
      },
    });
    const seconds = result.elapsedMs / 1000;
    process.stderr.write('\n');
    process.stdout.write(
      `seed:synthetic: wrote ${result.nodes} nodes and ${result.links} links in ${seconds.toFixed(1)} s: ` +
        `${Math.round(result.links / seconds)} links/s, ${Math.round(result.nodes / seconds)} nodes/s\n`,
    );
    for (const key of [...LABELS, 'Source', ...LINK_TYPES])
      process.stdout.write(`  ${key.padEnd(16)} ${result.totals[key] ?? 0}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

runCommand('seed:synthetic', main);
