import { countGraph, deleteGraphInBatches, mapOf } from '../cypher/index.js';
import { LINK_TYPES, type Label } from '../model/index.js';
import type { Executor } from '../neo4j/index.js';
import { writeBulk } from './bulkWrite.js';
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

/** A chunk being written: what it declares (others may need it committed) and its end. */
interface InFlight {
  readonly declares: ReadonlySet<string>;
  readonly done: Promise<void>;
}

/**
 * Loads a graph document plan by plan: each validated chunk is written in one write transaction
 * of batched `UNWIND` statements, so a failure leaves whole chunks only and a rerun completes the
 * load (nodes are upserted and links already present are replaced, never duplicated). The
 * elapsed time and rate cover the load, not the optional reset before it.
 *
 * With a `labelHint` the store is taken to be written by this load alone: chunks go through
 * `writeBulk` (no locks, fewer lookups) and up to `concurrency` of them are written at once
 * (Neo4j then works on as many cores), a chunk waiting for any chunk in flight that declares
 * an id it names (or a source it cites), so it never misses what an earlier chunk writes.
 * Without one, chunks go one at a time through `writeGraph`, safe beside other writers.
 */
export async function bulkLoad(
  executor: Executor,
  plans: AsyncIterable<GraphPlan> | Iterable<GraphPlan>,
  options: {
    reset?: boolean;
    onProgress?: (progress: BulkProgress) => void;
    /** Labels of ids the generator knows, to skip label lookups (existence is still checked). */
    labelHint?: (id: string) => Label | undefined;
    /** Chunks written at once with a `labelHint` (default 2). */
    concurrency?: number;
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
  const { labelHint } = options;
  const concurrency = labelHint === undefined ? 1 : Math.max(1, options.concurrency ?? 2);
  const started = Date.now();
  let nodes = 0;
  let links = 0;
  let failure: { error: unknown } | undefined;
  const inFlight = new Set<InFlight>();
  const write = (plan: GraphPlan) =>
    executor.writeTransaction(async (tx) =>
      labelHint === undefined
        ? (await writeGraph(tx, plan, { reset: false, totals: false })).written
        : writeBulk(tx, plan, labelHint),
    );
  for await (const plan of plans) {
    const needs = needed(plan);
    while (
      failure === undefined &&
      (inFlight.size >= concurrency || [...inFlight].some((f) => overlaps(f.declares, needs)))
    )
      await Promise.race([...inFlight].map((f) => f.done));
    if (failure !== undefined) break;
    const chunk: InFlight = {
      declares: declaredBy(plan),
      done: write(plan).then(
        (written) => {
          for (const [kind, count] of Object.entries(written)) {
            if ((LINK_TYPES as readonly string[]).includes(kind)) links += count;
            else nodes += count;
          }
          inFlight.delete(chunk);
          options.onProgress?.({ nodes, links, elapsedMs: Date.now() - started });
        },
        (error: unknown) => {
          failure ??= { error };
          inFlight.delete(chunk);
        },
      ),
    };
    inFlight.add(chunk);
  }
  await Promise.all([...inFlight].map((f) => f.done));
  if (failure !== undefined) throw failure.error;
  const elapsedMs = Date.now() - started;
  const totals = mapOf((await executor.read(countGraph()))[0]?.['counts'], 'counts') as GraphCounts;
  return { totals, nodes, links, elapsedMs };
}

/** The ids a plan declares: its entities and sources. */
function declaredBy(plan: GraphPlan): Set<string> {
  const ids = new Set(plan.sources.map((source) => source.id));
  for (const rows of plan.nodes.values()) for (const row of rows) ids.add(row.id);
  return ids;
}

/** What a plan needs written before it: the link ends and cited sources it does not declare. */
function needed(plan: GraphPlan): string[] {
  const own = declaredBy(plan);
  const needs = new Set(plan.citedSources.keys());
  for (const link of plan.links)
    for (const id of [link.start, link.end]) if (!own.has(id)) needs.add(id);
  return [...needs];
}

const overlaps = (declares: ReadonlySet<string>, needs: readonly string[]): boolean =>
  needs.some((id) => declares.has(id));
