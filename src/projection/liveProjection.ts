import {
  PROJECTED_LABELS,
  PROJECTED_TYPES,
  projectedCounts,
  projectedLinksOf,
  projectedNeighbourhoods,
  projectedNodesOf,
  type ProjectedLabel,
  type ProjectedType,
} from '../cypher/projectionQueries.js';
import { listOf, str } from '../cypher/index.js';
import type { Logger } from '../log/index.js';
import type { Executor } from '../neo4j/index.js';
import { changesAfter, feedState, pruneChanges } from '../neo4j/changeFeedQueries.js';
import { GraphProjection } from './graphProjection.js';

/** How the projection follows the feed. */
export interface LiveOptions {
  /** How often the feed is read for other replicas' writes (ms). */
  readonly pollMs: number;
  /** A projection not confirmed against the feed for this long is confirmed before a read (ms). */
  readonly freshMs: number;
  /** Changes older than this are forgotten (s); a projection that far behind rebuilds. */
  readonly keepChangesS: number;
}

export const LIVE_DEFAULTS: LiveOptions = { pollMs: 200, freshMs: 1_000, keepChangesS: 3_600 };

/** Thrown by `fresh()` when the projection cannot be confirmed (Neo4j unreachable). */
export class ProjectionUnavailable extends Error {}

/** Streams read side by side while building. */
const STREAMS = 2;

/** Runs `work` on every item, `lanes` at a time. */
async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** Entities re-read per statement when applying changes. */
const APPLY_BATCH = 2_000;
/** Changes read per statement. */
const FEED_BATCH = 500;

/**
 * The projection kept fresh (issue 15). Built at start by streaming the traversal graph from
 * Neo4j; then it follows the change feed: a write through this API is applied before the write
 * returns (`Executor.onCommit`), a write through another replica within `pollMs`, and a read
 * never uses a projection not confirmed against the feed within `freshMs` (it confirms first,
 * and fails if Neo4j does not answer). A new epoch (the graph replaced wholesale, or a store
 * that is not the one built from) or a feed that forgot changes not yet applied rebuilds it.
 */
export class LiveProjection {
  private graph: GraphProjection | undefined;
  private epoch: string | null = null;
  private confirmedAt = 0;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  private stopped = false;

  /** Reads of the projection's own, not counted as any request's statements. */
  private readonly executor: Executor;

  constructor(
    private readonly writes: Executor,
    private readonly log: Logger,
    private readonly options: LiveOptions = LIVE_DEFAULTS,
  ) {
    this.executor = writes.detached();
  }

  /** Built once and confirmed: /health/ready waits for it. */
  get ready(): boolean {
    return this.graph !== undefined;
  }

  /**
   * Starts following the feed and builds the projection (resolves when built). Should the
   * build fail (Neo4j went away), following retries it every `pollMs` until it succeeds.
   */
  async start(): Promise<void> {
    this.stopListening = this.writes.onCommit(() => this.afterWrite());
    this.timer = setInterval(() => {
      void this.serialized(() => this.follow()).catch((error: unknown) => {
        if (this.stopped || Date.now() - this.warnedAt < 10_000) return;
        this.warnedAt = Date.now();
        this.log.warn('projection: reading the change feed failed; retrying', {
          error: error instanceof Error ? error.message : String(error),
        });
      });
    }, this.options.pollMs);
    this.timer.unref();
    await this.serialized(() => (this.graph ? Promise.resolve() : this.rebuild()));
  }

  private warnedAt = 0;
  private stopListening: () => void = () => undefined;

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.stopListening();
  }

  /**
   * Runs `work` on the projection, confirmed against the feed within `freshMs`, with no change
   * applied while it runs (tasks on the projection run one after the other: a search is CPU
   * work, so this costs no throughput in one process). When the feed cannot be read to confirm
   * it, fails with the executor's error (SERVICE_UNAVAILABLE when Neo4j does not answer).
   */
  use<T>(work: (graph: GraphProjection) => Promise<T>): Promise<T> {
    return this.serialized(async () => {
      if (Date.now() - this.confirmedAt > this.options.freshMs || !this.graph) await this.follow();
      if (!this.graph) throw new ProjectionUnavailable('the projection is not built yet');
      return work(this.graph);
    });
  }

  /**
   * After a write of this process committed: follows the feed, so the write is in the next read
   * (always, not only when the write's number looks unapplied: the feed may be another epoch's).
   */
  private async afterWrite(): Promise<void> {
    if (!this.graph || this.stopped) return;
    // The write is committed whatever happens here: should the feed not be readable now, the
    // projection is marked unconfirmed, so the next read follows the feed first (or is refused).
    this.confirmedAt = 0;
    await this.serialized(() => this.follow()).catch(() => undefined);
  }

  /** Runs one projection task after the previous ones (they never overlap). */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Reads the feed and applies what is new; rebuilds when it cannot. */
  private async follow(): Promise<void> {
    if (this.stopped) return;
    // Neo4j not answering fails here with the executor's SERVICE_UNAVAILABLE: a read that
    // cannot confirm the projection is refused, never answered from it.
    const [state] = await this.executor.read(feedState());
    const seq = Number(state?.['seq'] ?? 0);
    const epoch = typeof state?.['epoch'] === 'string' ? state['epoch'] : null;
    const graph = this.graph;
    if (!graph || epoch !== this.epoch || seq < graph.seq) {
      if (graph) this.log.info('projection: the graph was replaced; rebuilding');
      await this.rebuild();
      return;
    }
    while (graph.seq < seq) {
      const changes = await this.executor.read(changesAfter(graph.seq, FEED_BATCH));
      const first = Number(changes[0]?.['seq'] ?? Number.NaN);
      if (changes.length === 0 || first !== graph.seq + 1) {
        // Forgotten (pruned) or a write of another epoch meanwhile: start again.
        this.log.info('projection: changes were forgotten or replaced; rebuilding');
        await this.rebuild();
        return;
      }
      const ids = new Set<string>();
      for (const change of changes)
        for (const id of listOf(change['ids'])) ids.add(str(id, 'change id'));
      await this.apply([...ids]);
      graph.seq = Number(changes.at(-1)?.['seq']);
    }
    this.confirmedAt = Date.now();
    if (Date.now() - this.lastPrune > 60_000) {
      this.lastPrune = Date.now();
      await this.executor.write(pruneChanges(this.options.keepChangesS, 10_000));
    }
  }

  /** Re-reads the entities and replaces what the projection knows of them. */
  private async apply(ids: readonly string[]): Promise<void> {
    const graph = this.graph;
    if (!graph) return;
    for (let i = 0; i < ids.length; i += APPLY_BATCH) {
      const rows = await this.executor.read(projectedNeighbourhoods(ids.slice(i, i + APPLY_BATCH)));
      for (const row of rows) {
        const label = row['label'] as ProjectedLabel | null;
        const node = label === null ? null : (row['node'] as readonly unknown[]);
        const links = listOf(row['links']).map((entry) => {
          const values = listOf(entry) as readonly unknown[];
          const otherLabel = values[12] as ProjectedLabel | null;
          return {
            type: values[0] as ProjectedType,
            row: values.slice(1, 12),
            other: otherLabel ? { label: otherLabel, row: values.slice(13) } : null,
          };
        });
        graph.replaceNeighbourhood(str(row['id'], 'id'), label, node, links);
      }
    }
  }

  /** Streams the whole traversal graph into a new projection, then applies what changed since. */
  private async rebuild(): Promise<void> {
    const started = Date.now();
    const [state] = await this.executor.read(feedState());
    const seq = Number(state?.['seq'] ?? 0);
    const epoch = typeof state?.['epoch'] === 'string' ? state['epoch'] : null;
    const [counts] = await this.executor.read(projectedCounts());
    const total = Number(counts?.['nodes'] ?? 0) + Number(counts?.['links'] ?? 0);
    const graph = new GraphProjection();
    let done = 0;
    let shown = Date.now();
    const progress = () => {
      done++;
      if (Date.now() - shown > 2_000) {
        shown = Date.now();
        this.log.info(`projection: ${done} of ${total} elements read`, { done, total });
      }
    };
    // Neo4j, not this process, bounds the stream (Community runs each query on one thread):
    // two streams at a time, nodes first (links find their ends by id).
    await inLanes(PROJECTED_LABELS, STREAMS, (label) =>
      this.executor.stream(projectedNodesOf(label), (row) => {
        graph.putNode(label, row);
        progress();
      }),
    );
    await inLanes(PROJECTED_TYPES, STREAMS, (type) =>
      this.executor.stream(projectedLinksOf(type), (row) => {
        graph.addLink(type, row);
        progress();
      }),
    );
    graph.compact();
    graph.seq = seq;
    this.graph = graph;
    this.epoch = epoch;
    this.log.info('projection built', {
      nodes: graph.nodeCount,
      links: graph.linkCount,
      ms: Date.now() - started,
      columnMiB: Math.round(graph.columnBytes / 2 ** 20),
    });
    await this.follow();
  }
}
