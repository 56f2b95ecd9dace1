import type { Logger } from '../log/index.js';
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

/** True when the graph holds no entity at all (a fresh store). */
export async function graphIsEmpty(executor: Executor): Promise<boolean> {
  const rows = await executor.read({
    cypher:
      'MATCH (n) WHERE n:Country OR n:Service OR n:Organization OR n:Officer OR n:LiaisonChannel OR n:Operation RETURN count(n) > 0 AS any LIMIT 1',
    params: {},
  });
  return rows[0]?.['any'] !== true;
}
