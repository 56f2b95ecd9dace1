import { intersect, type Interval } from '../model/index.js';
import { better, type Ranked } from './ranking.js';
import type { EventSpans, Path, PathLink } from './reachTypes.js';

/** A path being extended: where it ends, its hop count, score and whether it may go on. */
export interface Piece {
  readonly node: string;
  readonly kind: 'Service' | 'LiaisonChannel';
  readonly hops: number;
  readonly score: number;
  readonly path: Path;
  readonly extendable: boolean;
}

export const extend = (path: Path, link: PathLink, node: string, interval: Interval): Path => ({
  nodes: [...path.nodes, node],
  links: [...path.links, link],
  interval,
});

/** One step onto a node, before its path is built: the piece it extends and the link taken. */
export interface Step {
  readonly from: Piece;
  readonly link: PathLink;
  readonly node: string;
  readonly kind: Piece['kind'];
  readonly hops: number;
  readonly score: number;
  readonly interval: Interval;
  readonly extendable: boolean;
  /** The service a step into a channel came from (that service is not re-entered). */
  readonly fromService: string | undefined;
}

export const pieceOf = (step: Step): Piece => ({
  node: step.node,
  kind: step.kind,
  hops: step.hops,
  score: step.score,
  path: extend(step.from.path, step.link, step.node, step.interval),
  extendable: step.extendable,
});

/**
 * A step's rank, without building its path: the path would end with the step's node in any
 * case, so among equal lengths (ranked first) its id sequence compares as the origin's does.
 */
const rankOf = (step: Step): Ranked => ({
  hops: step.hops,
  exposure: step.score,
  path: {
    nodes: step.from.path.nodes,
    interval: step.interval,
    get links() {
      return [...step.from.path.links, step.link];
    },
  },
});

/**
 * The days a path open during `interval` meets an operation: the overlap with its span, or,
 * for an event with no certain day under the certain reading, all the days it can have been on
 * when the interval contains them.
 */
export function meetEvent(interval: Interval, event: EventSpans): Interval | undefined {
  const overlap = intersect(interval, event.validity);
  if (overlap || !event.whole) return overlap;
  const { from, to } = event.whole;
  return interval.from <= from && to <= interval.to ? event.whole : undefined;
}

/** Whether piece `a` makes `b` redundant: same node and extendability, ranked at least as well, interval containing b's. */
export function dominates(a: Piece, b: Piece): boolean {
  return (
    a.node === b.node &&
    a.extendable === b.extendable &&
    !better(rankOfPiece(b), rankOfPiece(a)) &&
    a.path.interval.from <= b.path.interval.from &&
    b.path.interval.to <= a.path.interval.to
  );
}

const rankOfPiece = (piece: Piece): Ranked => ({
  hops: piece.hops,
  exposure: piece.score,
  path: piece.path,
});

/**
 * Within a hop, a step is dropped when another step onto the same node (and with the same
 * extendability) ranks at least as well and its interval contains this one's: everything the
 * dropped step would reach or expose, the other reaches with a window at least as wide and an
 * explanation at least as good (the ranking is preserved by extension). At a channel this holds
 * for every party but the service the other step came from, which was reached at an earlier hop
 * with a wider window already.
 */
export function dominant(steps: readonly Step[]): Step[] {
  const groups = new Map<string, Step[]>();
  for (const step of steps) {
    const key = `${step.node}|${step.extendable}`;
    const group = groups.get(key);
    if (group) group.push(step);
    else groups.set(key, [step]);
  }
  const kept: Step[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      kept.push(...group);
      continue;
    }
    const ranked = group.map((step) => ({ step, rank: rankOf(step) }));
    ranked.sort((a, b) => (better(a.rank, b.rank) ? -1 : better(b.rank, a.rank) ? 1 : 0));
    const survivors: Interval[] = [];
    for (const { step } of ranked) {
      const { from, to } = step.interval;
      if (!survivors.some((s) => s.from <= from && to <= s.to)) {
        survivors.push(step.interval);
        kept.push(step);
      }
    }
  }
  return kept;
}
