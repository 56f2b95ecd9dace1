import { loadConfig, type Config } from '../../src/config/index.js';
import { bulkLoad } from '../../src/import/index.js';
import {
  offlineImport,
  OfflineImportRefused,
  refuseUnlessEmpty,
  type OfflineProgress,
} from '../../src/import/offlineImport.js';
import { createLogger, type Logger } from '../../src/log/index.js';
import { LABELS, LINK_TYPES } from '../../src/model/index.js';
import { openDatabase } from '../../src/neo4j/index.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { NAMED_SIZES, sizeFor, syntheticLabel, type SyntheticSize } from './generateGraph.js';
import { defaultWorkers, plannedSynthetic, syntheticCsv } from './plannedSynthetic.js';
import { runCommand } from '../runCommand.js';

const USAGE =
  'usage: npm run seed:synthetic -- (--size S|M|L | --nodes N) [--seed N] [--chunk N] [--workers N] [--offline | --online] [--reset]';

const NAME = 'seed:synthetic';
const say = (line: string) => process.stderr.write(`${NAME}: ${line}\n`);

/**
 * `npm run seed:synthetic -- --size M`: generates a synthetic graph (deterministic per seed),
 * validates it in worker threads, and loads it with a progress line and a rate printout.
 *
 * An empty local store is loaded by Neo4j's offline importer (`src/import/offlineImport.ts`),
 * anything else online through batched writes; `--offline` insists on the importer (a store it
 * cannot load is refused with a code and exit 2), `--online` on the writes. Running the same
 * command again is safe: the store is no longer empty, so the second run goes online and
 * rewrites the same graph (nodes upserted, links replaced). `--reset` goes online: deleting
 * the graph leaves API keys and the audit log, which the importer would wipe.
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
  const workers = Number(value('--workers') ?? defaultWorkers());
  const offline = args.includes('--offline');
  const online = args.includes('--online') || (args.includes('--reset') && !offline);
  if (
    totalNodes === undefined ||
    !Number.isInteger(totalNodes) ||
    totalNodes < 20 ||
    ![seed, chunk, workers].every(Number.isInteger) ||
    chunk < 1 ||
    workers < 1 ||
    (offline && online)
  ) {
    say(USAGE);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger('warn');
  const size = sizeFor(totalNodes);
  const planned = Object.values<number>({ ...size }).reduce((a, b) => a + b, 0) + 1;
  const input = { size, seed, chunk };
  say(
    `${planned} nodes (${JSON.stringify(size)}), seed ${seed}, chunks of ${chunk}, ${workers} validating workers`,
  );
  if (!online) {
    try {
      const local = await refuseUnlessEmpty(config.database, config, log);
      say(`the store in ${local.dataDir} is empty: loading it with Neo4j's offline importer`);
      const result = await offlineImport(local, config, syntheticCsv(input, workers), {
        log,
        onProgress: progressLine(planned),
      });
      const seconds = (ms: number) => (ms / 1000).toFixed(1);
      process.stderr.write('\n');
      process.stdout.write(
        `${NAME}: imported ${result.nodes} nodes and ${result.links} links in ${seconds(result.elapsedMs)} s: ` +
          `files ${seconds(result.filesMs)} s, importer ${seconds(result.importMs)} s ` +
          `(${Math.round(result.links / (result.importMs / 1000))} links/s), ` +
          `start and schema ${seconds(result.schemaMs)} s\n`,
      );
      printTotals(result.totals);
      return 0;
    } catch (error) {
      if (!(error instanceof OfflineImportRefused)) throw error;
      if (offline) {
        say(`offline import refused ${error.line()}`);
        return 2;
      }
      say(`loading online: ${error.message}`);
    }
  }
  return loadOnline(config, log, input, workers, planned, args.includes('--reset'));
}

/** The batched online load (`bulkLoad`), as before the offline importer. */
async function loadOnline(
  config: Config,
  log: Logger,
  input: { size: SyntheticSize; seed: number; chunk: number },
  workers: number,
  planned: number,
  reset: boolean,
): Promise<number> {
  const database = await openDatabase(config.database, config, log);
  try {
    await applyMigrations(database.executor, log);
    say(`writing into ${database.uri}`);
    const result = await bulkLoad(database.executor, plannedSynthetic(input, { workers }), {
      reset,
      labelHint: syntheticLabel,
      onProgress: ({ nodes, links, elapsedMs }) => {
        const rate = Math.round(links / Math.max(0.001, elapsedMs / 1000));
        process.stderr.write(
          `\r${bar(nodes / planned)} ${nodes} nodes ${links} links ${rate} links/s `,
        );
      },
    });
    const seconds = result.elapsedMs / 1000;
    process.stderr.write('\n');
    process.stdout.write(
      `${NAME}: wrote ${result.nodes} nodes and ${result.links} links in ${seconds.toFixed(1)} s: ` +
        `${Math.round(result.links / seconds)} links/s, ${Math.round(result.nodes / seconds)} nodes/s\n`,
    );
    printTotals(result.totals);
    return 0;
  } finally {
    await database.close();
  }
}

function bar(share: number): string {
  const done = Math.min(1, share);
  return `[${'#'.repeat(Math.round(done * 30)).padEnd(30, '.')}] ${(done * 100).toFixed(0).padStart(3)}%`;
}

/** One line, rewritten in place, for each phase of an offline import. */
function progressLine(planned: number): (progress: OfflineProgress) => void {
  let phase = '';
  return (progress) => {
    if (progress.phase !== phase && phase !== '') process.stderr.write('\n');
    phase = progress.phase;
    const line =
      progress.phase === 'files'
        ? `validating and writing CSV ${bar(progress.nodes / planned)} ${progress.nodes} nodes ${progress.links} links`
        : progress.phase === 'import'
          ? `importer (${progress.importer.step}/${progress.importer.steps}) ${progress.importer.stage.padEnd(21)} ${bar(progress.importer.percent / 100)}`
          : `Neo4j: ${progress.step}`.padEnd(60);
    process.stderr.write(`\r${line} `);
  };
}

function printTotals(totals: Readonly<Record<string, number>>): void {
  for (const key of [...LABELS, 'Source', ...LINK_TYPES])
    process.stdout.write(`  ${key.padEnd(16)} ${totals[key] ?? 0}\n`);
}

runCommand(NAME, main);
