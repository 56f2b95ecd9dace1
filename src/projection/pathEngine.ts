import type { Executor } from '../neo4j/index.js';
import { perHopSearch } from '../paths/computeReach.js';
import { neo4jReachSource } from '../paths/neo4jReachSource.js';
import type { GraphSearch } from '../paths/reachTypes.js';
import type { Visibility } from '../visibility/index.js';
import { arrayReach, arrayThrough } from './arrayAnswers.js';
import { ArrayTimes } from './arrayTimes.js';
import { compiledFacts } from './compiledFacts.js';
import type { GraphProjection } from './graphProjection.js';
import type { LiveProjection } from './liveProjection.js';
import { projectedFacts } from './projectedFacts.js';
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
  /** Runs `work` on the graph under `view`, one consistent snapshot for all its reads. */
  read<T>(view: Visibility, work: (search: GraphSearch) => Promise<T>): Promise<T>;
}

/** Hop by hop in Neo4j. */
export function neo4jEngine(executor: Executor): PathEngine {
  return {
    kind: 'neo4j',
    read: (view, work) =>
      executor.readTransaction((tx) => work(perHopSearch(neo4jReachSource(tx, view)))),
  };
}

/** On the projection, confirmed fresh first, with no change applied during the search. */
export function memoryEngine(live: LiveProjection): PathEngine {
  return {
    kind: 'memory',
    read: (view, work) => live.use((graph) => work(memorySearch(graph, view))),
  };
}

/**
 * The memory engine's search on a projection under `view`: reach runs over the projection's
 * arrays (src/projection/arraySearch.ts); the backward search of exposure and the list of
 * agents read the same facts by id.
 */
export function memorySearch(graph: GraphProjection, view: Visibility): GraphSearch {
  const facts = projectedFacts(graph, view);
  return {
    source: projectedReachSource(graph, view),
    reach: (params, resultCap, focus) =>
      Promise.resolve(arrayReach(facts, params, resultCap, focus)),
    through: (params, resultCap) => Promise.resolve(arrayThrough(facts, params, resultCap)),
    timesTo: (target, params) =>
      Promise.resolve(new ArrayTimes(compiledFacts(facts, params.reading), target, params)),
  };
}
