import { merge } from '../model/index.js';
import type { Path, Reached, ReachedWindow } from './reachTypes.js';
import type { Reading } from './reachTypes.js';

/** What explanations are ranked by (a reached element, or a step about to become one). */
export interface Ranked {
  readonly hops: number;
  readonly exposure: number;
  readonly path: Pick<Path, 'nodes' | 'links' | 'interval'>;
}

/**
 * Orders explanations: fewer hops, higher score, fewer nodes (a posting explains more directly
 * than the service behind it), smaller node-id sequence, earlier then longer window, and last
 * smaller link-id sequence (two links between the same nodes), so the order is total and an
 * answer never depends on the order the graph is read in.
 */
export function better(a: Ranked, b: Ranked): boolean {
  if (a.hops !== b.hops) return a.hops < b.hops;
  if (a.exposure !== b.exposure) return a.exposure > b.exposure;
  if (a.path.nodes.length !== b.path.nodes.length) return a.path.nodes.length < b.path.nodes.length;
  const ids = compareIds(a.path.nodes, b.path.nodes);
  if (ids !== 0) return ids < 0;
  if (a.path.interval.from !== b.path.interval.from)
    return a.path.interval.from < b.path.interval.from;
  if (a.path.interval.to !== b.path.interval.to) return a.path.interval.to > b.path.interval.to;
  return compareIds(linkIds(a.path.links), linkIds(b.path.links)) < 0;
}

const linkIds = (links: Path['links']): string[] => links.map((l) => l.id);

function compareIds(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** A path's claim on an element: what `Best` collects. */
export type Candidate = Omit<Reached, 'windows' | 'certainty' | 'possibleWindows'>;

/**
 * Keeps, per element, every window in which a path reaches it (the union of the paths'
 * intervals, merged) with the best explanation inside each, and the best overall.
 */
export class Best {
  private readonly byId = new Map<string, Candidate[]>();
  constructor(private readonly reading: Reading) {}
  offer(candidate: Candidate): void {
    const list = this.byId.get(candidate.id);
    if (list) list.push(candidate);
    else this.byId.set(candidate.id, [candidate]);
  }
  list(): Reached[] {
    return [...this.byId.values()]
      .map((candidates) => windowsOf(candidates, this.reading))
      .sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : 1));
  }
  get size(): number {
    return this.byId.size;
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
}

/** The best of a non-empty list. */
function bestOf<T extends Ranked>(list: readonly T[]): T {
  const [first, ...rest] = list;
  if (first === undefined) throw new Error('no candidate to rank');
  return rest.reduce((best, c) => (better(c, best) ? c : best), first);
}

/** An element's windows: each merged interval with the best candidate inside it. */
function windowsOf(candidates: readonly Candidate[], certainty: Reading): Reached {
  const windows: ReachedWindow[] = merge(candidates.map((c) => c.path.interval)).map((interval) => {
    const inside = candidates.filter(
      (c) => interval.from <= c.path.interval.from && c.path.interval.to <= interval.to,
    );
    const best = bestOf(inside);
    return { interval, hops: best.hops, exposure: best.exposure, path: best.path };
  });
  const best = bestOf(candidates);
  return { ...best, windows, certainty };
}
