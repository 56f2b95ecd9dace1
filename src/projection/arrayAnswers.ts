import type { Focus, Reached, ReachOutcome, ReachParams } from '../paths/reachTypes.js';
import { offers, pieces, search } from './arraySearch.js';
import { AT_CHANNEL, AT_OPERATION, AT_SERVICE } from './pieces.js';
import type { ProjectedFacts } from './projectedFacts.js';

/** The mark of a piece whose path `arrayThrough` has walked. */
const WALKED = -2;

/**
 * Penetration reach on the in-memory projection: exactly `computeReach` (src/paths), the same
 * rules in the same order, over the projection's node indexes and day numbers, with paths kept
 * as parent pointers in typed columns (`Pieces`). Only the explanations an answer returns
 * become objects. `computeReach` stays the definition the per-hop engine runs; the property
 * tests hold both to the brute-force oracle.
 *
 * One pruning is added, exact by the argument `dominant` makes: an arrival at a channel whose
 * interval lies inside that of an arrival there at fewer hops is not made. The earlier one
 * ranks better, reaches every party (but the service it came from, which held a wider interval
 * at fewer hops already) over a wider interval, and meets every operation the later one would.
 */
export function arrayReach(
  projected: ProjectedFacts,
  params: ReachParams,
  resultCap: number,
  focus?: Focus,
): ReachOutcome | undefined {
  const searched = search(projected, params, resultCap, focus);
  if (!searched) return undefined;
  const { g } = projected;
  const lists: Reached[][] = [[], [], []];
  // A focused search answers for its target alone (what exposure reads): the other elements'
  // answers are partial there, and writing them out is most of a focused search's cost.
  const nodes = focus === undefined ? offers.touched : [projected.g.index.get(focus.target) ?? -1];
  for (const node of nodes) {
    if (node < 0 || offers.first(node) < 0) continue;
    const first = offers.first(node);
    lists[pieces.at[first] as number]?.push(pieces.reached(g.idOf(node), first, params.reading));
  }
  const sorted = (list: Reached[] | undefined): Reached[] =>
    (list ?? []).sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : 1));
  return {
    agent: params.agent,
    ...searched,
    channels: sorted(lists[AT_CHANNEL]),
    services: sorted(lists[AT_SERVICE]),
    operations: sorted(lists[AT_OPERATION]),
  };
}

/**
 * The services and channels inside the explaining paths of an agent's reach (not the agent,
 * not the reached element), what brokers count: the same search as `arrayReach`, without
 * writing out the answer. Undefined for an agent with no window in the filters (or none).
 */
export function arrayThrough(
  projected: ProjectedFacts,
  params: ReachParams,
  resultCap: number,
): string[] | undefined {
  const searched = search(projected, params, resultCap);
  if (!searched || searched.windows.length === 0) return undefined;
  // Paths share their beginnings: a piece walked once has had all its ancestors added, so
  // each walk stops at the first piece walked before (marked in the free `group` column).
  const inside = new Set<number>();
  for (const node of offers.touched) {
    let best = offers.first(node);
    for (let c = pieces.next[best] as number; c >= 0; c = pieces.next[c] as number)
      if (pieces.compare(c, best) < 0) best = c;
    for (
      let x = pieces.parent[best] as number;
      x >= 0 && (pieces.parent[x] as number) >= 0 && pieces.group[x] !== WALKED;
      x = pieces.parent[x] as number
    ) {
      pieces.group[x] = WALKED;
      inside.add(pieces.node[x] as number);
    }
  }
  return [...inside].map((n) => projected.g.idOf(n));
}
