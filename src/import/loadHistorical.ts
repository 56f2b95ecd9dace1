import { countGraph, mapOf } from '../cypher/index.js';
import type { Logger } from '../log/index.js';
import { LABELS } from '../model/index.js';
import type { Executor } from '../neo4j/index.js';
import { planGraph } from './planGraph.js';
import { HISTORICAL_DIR, readGraphFiles } from './readGraphFiles.js';
import { writeGraph, type ImportSummary } from './writeGraph.js';

/**
 * Loads a dataset folder (the historical one by default) in one write transaction: validated
 * whole first, so a bad file leaves the database untouched; idempotent, so loading twice gives
 * the same counts; `reset` replaces the whole graph in the same transaction.
 */
export async function loadDataset(
  executor: Executor,
  log: Logger,
  options: { reset?: boolean; dir?: string } = {},
): Promise<ImportSummary> {
  const dir = options.dir ?? HISTORICAL_DIR;
  const plan = planGraph(readGraphFiles(dir), (section) => `${section}.yaml`);
  const summary = await executor.writeTransaction((tx) =>
    writeGraph(tx, plan, { reset: options.reset ?? false }),
  );
  log.info('dataset loaded', { dir, reset: options.reset ?? false, totals: summary.totals });
  return summary;
}

/** True when the graph holds no entity at all (a fresh store); reads the count store, no scan. */
export async function graphIsEmpty(executor: Executor): Promise<boolean> {
  const counts = mapOf((await executor.read(countGraph()))[0]?.['counts'], 'counts');
  return LABELS.every((label) => Number(counts[label] ?? 0) === 0);
}
