import { countGraph, deleteGraph, mapOf } from '../cypher/index.js';
import { LINK_TYPES, type Label } from '../model/index.js';
import type { Executor } from '../neo4j/index.js';
import type { Section } from './graphDocument.js';
import { planGraph } from './planGraph.js';
import { writeGraph, type GraphCounts } from './writeGraph.js';

/** Progress after each chunk. */
export interface BulkProgress {
  readonly nodes: number;
  readonly links: number;
  readonly elapsedMs: number;
}

/**
 * Loads a graph document chunk by chunk: each chunk is validated whole (the seed loader's
 * validation) and written in one write transaction of batched `UNWIND` upserts, so a failure
 * leaves whole chunks only and a rerun completes the load (upserts are idempotent).
 */
export async function bulkLoad(
  executor: Executor,
  chunks: Iterable<{ section: Section; entries: readonly Record<string, unknown>[] }>,
  options: {
    reset?: boolean;
    onProgress?: (progress: BulkProgress) => void;
    /** Labels of ids the generator knows, to skip label lookups (existence is still checked). */
    labelHint?: (id: string) => Label | undefined;
  } = {},
): Promise<{ totals: GraphCounts; nodes: number; links: number; elapsedMs: number }> {
  const started = Date.now();
  if (options.reset) await executor.write(deleteGraph());
  let nodes = 0;
  let links = 0;
  for (const chunk of chunks) {
    const plan = planGraph(
      { [chunk.section]: chunk.entries },
      (section) => `${section} (synthetic chunk)`,
    );
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
