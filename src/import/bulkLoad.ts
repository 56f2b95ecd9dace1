import { countGraph, deleteGraphInBatches, mapOf } from '../cypher/index.js';
import { LINK_TYPES, type Label } from '../model/index.js';
import type { Executor } from '../neo4j/index.js';
import type { Section } from './graphDocument.js';
import { planGraph, type GraphPlan } from './planGraph.js';
import { writeGraph, type GraphCounts } from './writeGraph.js';

/** Progress after each chunk. */
export interface BulkProgress {
  readonly nodes: number;
  readonly links: number;
  readonly elapsedMs: number;
}

/** One chunk of a graph document: a section and some of its entries. */
export interface DocumentChunk {
  readonly section: Section;
  readonly entries: readonly Record<string, unknown>[];
}

/**
 * Validates chunks one by one (the seed loader's validation, `planGraph`), lazily, in the
 * caller's thread; a producer that plans elsewhere (a worker thread) yields plans itself.
 */
export function* planChunks(chunks: Iterable<DocumentChunk>): Generator<GraphPlan> {
  for (const chunk of chunks) {
    yield planGraph({ [chunk.section]: chunk.entries }, (section) => `${section} (chunk)`);
  }
}

/**
 * Loads a graph document plan by plan: each validated chunk is written in one write transaction
 * of batched `UNWIND` statements, so a failure leaves whole chunks only and a rerun completes the
 * load (nodes are upserted and links already present are replaced, never duplicated). The
 * elapsed time and rate cover the load, not the optional reset before it.
 */
export async function bulkLoad(
  executor: Executor,
  plans: AsyncIterable<GraphPlan> | Iterable<GraphPlan>,
  options: {
    reset?: boolean;
    onProgress?: (progress: BulkProgress) => void;
    /** Labels of ids the generator knows, to skip label lookups (existence is still checked). */
    labelHint?: (id: string) => Label | undefined;
  } = {},
): Promise<{ totals: GraphCounts; nodes: number; links: number; elapsedMs: number }> {
  // A big graph does not fit one transaction's memory: the reset commits in batches.
  if (options.reset) {
    await executor.autoCommit(deleteGraphInBatches(2000));
    // Committed in batches, outside any one transaction: the feed is told it all changed.
    await executor.writeTransaction((tx) => {
      tx.replaced();
      return Promise.resolve();
    });
  }
  const started = Date.now();
  let nodes = 0;
  let links = 0;
  for await (const plan of plans) {
    const summary = await executor.writeTransaction((tx) =>
      writeGraph(tx, plan, {
        reset: false,
        totals: false,
        ...(options.labelHint ? { labelHint: options.labelHint } : {}),
      }),
    );
    for (const [kind, count] of Object.entries(summary.written)) {
      if ((LINK_TYPES as readonly string[]).includes(kind)) links += count;
      else nodes += count;
    }
    options.onProgress?.({ nodes, links, elapsedMs: Date.now() - started });
  }
  const elapsedMs = Date.now() - started;
  const totals = mapOf((await executor.read(countGraph()))[0]?.['counts'], 'counts') as GraphCounts;
  return { totals, nodes, links, elapsedMs };
}
