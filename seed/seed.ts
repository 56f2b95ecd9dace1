import { loadConfig } from '../src/config/index.js';
import { loadDataset } from '../src/import/index.js';
import { createLogger } from '../src/log/index.js';
import { LABELS, LINK_TYPES } from '../src/model/index.js';
import { openDatabase } from '../src/neo4j/index.js';
import { applyMigrations } from '../src/migrations/index.js';
import { runCommand } from './runCommand.js';

/**
 * `npm run seed [-- --reset] [-- --dir <folder>]`: loads the historical dataset (or another
 * folder in the same format) into the configured Neo4j, idempotently, in one transaction,
 * and prints the graph's counts. `--reset` replaces the whole graph.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter(
    (a, i) => a !== '--reset' && a !== '--dir' && args[i - 1] !== '--dir',
  );
  if (unknown.length > 0) {
    process.stderr.write(
      `seed: unknown argument ${unknown.join(' ')}; usage: npm run seed -- [--reset] [--dir <folder>]\n`,
    );
    return 2;
  }
  const dirIndex = args.indexOf('--dir');
  const dir = dirIndex >= 0 ? args[dirIndex + 1] : undefined;
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase(config.database, config, log);
  try {
    await applyMigrations(database.executor, log);
    const summary = await loadDataset(database.executor, log, {
      reset: args.includes('--reset'),
      ...(dir ? { dir } : {}),
    });
    process.stdout.write(
      `seed: loaded into ${database.uri}${args.includes('--reset') ? ' (reset)' : ''}\n`,
    );
    for (const key of [...LABELS, 'Source', ...LINK_TYPES]) {
      process.stdout.write(`  ${key.padEnd(16)} ${summary.totals[key] ?? 0}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCommand('seed', main);
