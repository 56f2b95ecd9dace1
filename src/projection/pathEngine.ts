import type { Executor } from '../neo4j/index.js';
import { neo4jReachSource } from '../paths/neo4jReachSource.js';
import type { ReachSource } from '../paths/reachTypes.js';
import type { Visibility } from '../visibility/index.js';
import type { LiveProjection } from './liveProjection.js';
import { projectedReachSource } from './projectedReachSource.js';

/** Where path queries read the graph (PATH_ENGINE). */
export type EngineKind = 'memory' | 'neo4j';

/**
 * The one door of reach, exposure and brokers to the graph: `memory` reads the in-memory
 * projection (no database round trip during a search), `neo4j` reads Neo4j hop by hop inside
 * one read transaction (for graphs beyond this process's memory). Both apply the same rules
 * (src/paths) to the same facts, and the property tests hold them to the same oracle.
 */
export interface PathEngine {
  readonly kind: EngineKind;
  /** Runs `work` on a source under `view`, one consistent snapshot for all its reads. */
  read<T>(view: Visibility, work: (source: ReachSource) => Promise<T>): Promise<T>;
}

/** Hop by hop in Neo4j. */
export function neo4jEngine(executor: Executor): PathEngine {
  return {
    kind: 'neo4j',
    read: (view, work) => executor.readTransaction((tx) => work(neo4jReachSource(tx, view))),
  };
}

/** On the projection, confirmed fresh first, with no change applied during the search. */
export function memoryEngine(live: LiveProjection): PathEngine {
  return {
    kind: 'memory',
    read: (view, work) => live.use((graph) => work(projectedReachSource(graph, view))),
  };
}
