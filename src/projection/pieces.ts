import { LINK_TYPES, type LinkType } from '../model/index.js';
import type { Path, PathLink, Reached, ReachedWindow, Reading } from '../paths/reachTypes.js';
import { dayName } from './days.js';

/** What a piece is at: a service (or the agent), a channel, an operation. */
export const AT_SERVICE = 0;
export const AT_CHANNEL = 1;
export const AT_OPERATION = 2;

/** A link type's code in a piece (0 for none: a root). */
export const LINK_CODE = Object.fromEntries(LINK_TYPES.map((t, i) => [t, i + 1])) as Record<
  LinkType,
  number
>;

/**
 * The pieces of one search (docs/path-semantics.md: a path from the agent with the interval in
 * which all of it is open and a score), in typed columns: each piece is an index, and its path
 * is the chain of its parents, so extending a path costs one row, not a copy. Paths are written
 * out as objects only for the explanations an answer returns (`path`). A search runs to its
 * end synchronously, so one set of columns serves every search (`reset`), and a search
 * allocates almost nothing.
 */
export class Pieces {
  count = 0;
  node = new Int32Array(1024);
  parent = new Int32Array(1024);
  linkStart = new Int32Array(1024);
  linkEnd = new Int32Array(1024);
  hops = new Int32Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  length = new Int32Array(1024);
  /** For a piece at a channel, the service it came from (not re-entered); else -1. */
  fromService = new Int32Array(1024);
  /** The next piece offered for the same element (a chain per element), -1 at the end. */
  next = new Int32Array(1024);
  /** The next piece of the same node in a round being thinned (`Thinning`). */
  group = new Int32Array(1024);
  score = new Float64Array(1024);
  extendable = new Uint8Array(1024);
  at = new Uint8Array(1024);
  type = new Uint8Array(1024);
  link: string[] = [];
  ids: readonly string[] = [];
  /**
   * Paths and links written out in this search, shared by every answer using them: dense
   * lists, addressed from a piece by `pathAt` and `linkAt` (-1 when not written yet). A list
   * indexed by piece directly would be sparse, which V8 keeps as a hash table.
   */
  pathAt = new Int32Array(1024);
  linkAt = new Int32Array(1024);
  private readonly paths: Path[] = [];
  private readonly links: PathLink[] = [];

  reset(ids: readonly string[]): void {
    this.count = 0;
    this.link.length = 0;
    this.paths.length = 0;
    this.links.length = 0;
    this.ids = ids;
  }

  private grow(): void {
    const size = this.node.length * 2;
    const int = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const byte = (a: Uint8Array) => {
      const b = new Uint8Array(size);
      b.set(a);
      return b;
    };
    this.node = int(this.node);
    this.parent = int(this.parent);
    this.linkStart = int(this.linkStart);
    this.linkEnd = int(this.linkEnd);
    this.hops = int(this.hops);
    this.from = int(this.from);
    this.to = int(this.to);
    this.length = int(this.length);
    this.fromService = int(this.fromService);
    this.next = int(this.next);
    this.group = int(this.group);
    this.pathAt = int(this.pathAt);
    this.linkAt = int(this.linkAt);
    const score = new Float64Array(size);
    score.set(this.score);
    this.score = score;
    this.extendable = byte(this.extendable);
    this.at = byte(this.at);
    this.type = byte(this.type);
  }

  /** A path of the agent alone, open `from`..`to` (a root). */
  root(agent: number, score: number, from: number, to: number): number {
    return this.step(-1, agent, '', 0, -1, -1, AT_SERVICE, 0, score, from, to, true, -1);
  }

  /** The piece extending `parent` over a link (type code `type`) to `node`. */
  step(
    parent: number,
    node: number,
    link: string,
    type: number,
    start: number,
    end: number,
    at: number,
    hops: number,
    score: number,
    from: number,
    to: number,
    extendable: boolean,
    fromService: number,
  ): number {
    const p = this.count++;
    if (p === this.node.length) this.grow();
    this.node[p] = node;
    this.parent[p] = parent;
    this.pathAt[p] = -1;
    this.linkAt[p] = -1;
    this.link[p] = link;
    this.type[p] = type;
    this.linkStart[p] = start;
    this.linkEnd[p] = end;
    this.at[p] = at;
    this.hops[p] = hops;
    this.score[p] = score;
    this.from[p] = from;
    this.to[p] = to;
    this.extendable[p] = extendable ? 1 : 0;
    this.length[p] = parent < 0 ? 1 : (this.length[parent] as number) + 1;
    this.fromService[p] = fromService;
    this.next[p] = -1;
    this.group[p] = -1;
    return p;
  }

  /** Whether `node` is on the path of piece `p`. */
  onPath(p: number, node: number): boolean {
    for (let x = p; x >= 0; x = this.parent[x] as number) if (this.node[x] === node) return true;
    return false;
  }

  /**
   * The explanation order of docs/path-semantics.md rule 7 (`better` in src/paths/ranking.ts):
   * negative when `a` explains better than `b`. Fewer hops, higher score, fewer nodes, smaller
   * node-id sequence, earlier then longer window, smaller link-id sequence.
   */
  compare(a: number, b: number): number {
    const hops = (this.hops[a] as number) - (this.hops[b] as number);
    if (hops !== 0) return hops;
    const sa = this.score[a] as number;
    const sb = this.score[b] as number;
    if (sa !== sb) return sa > sb ? -1 : 1;
    const length = (this.length[a] as number) - (this.length[b] as number);
    if (length !== 0) return length;
    const nodes = this.compareAlong(a, b, false);
    if (nodes !== 0) return nodes;
    const from = (this.from[a] as number) - (this.from[b] as number);
    if (from !== 0) return from;
    const to = (this.to[b] as number) - (this.to[a] as number);
    if (to !== 0) return to;
    return this.compareAlong(a, b, true);
  }

  /**
   * Two paths of equal length compared position by position from the agent, by node id or (with
   * `links`) by link id: walks both chains up together and keeps the difference nearest the
   * agent. Shared prefixes (the same piece) end the walk.
   */
  private compareAlong(a: number, b: number, links: boolean): number {
    let out = 0;
    for (
      let x = a, y = b;
      x !== y && x >= 0;
      x = this.parent[x] as number, y = this.parent[y] as number
    ) {
      const kx = links ? (this.link[x] as string) : (this.ids[this.node[x] as number] as string);
      const ky = links ? (this.link[y] as string) : (this.ids[this.node[y] as number] as string);
      if (kx !== ky) out = kx < ky ? -1 : 1;
    }
    return out;
  }

  /** Whether `a` makes `b` redundant (`dominates` in src/paths/steps.ts). */
  dominates(a: number, b: number): boolean {
    return (
      this.node[a] === this.node[b] &&
      this.extendable[a] === this.extendable[b] &&
      (this.from[a] as number) <= (this.from[b] as number) &&
      (this.to[b] as number) <= (this.to[a] as number) &&
      this.compare(b, a) >= 0
    );
  }

  /** The link piece `p` was reached over, written out once per search. */
  private linkOf(p: number): PathLink {
    const at = this.linkAt[p] as number;
    if (at >= 0) return this.links[at] as PathLink;
    const link: PathLink = {
      id: this.link[p] as string,
      type: LINK_TYPES[(this.type[p] as number) - 1] as LinkType,
      start: this.ids[this.linkStart[p] as number] as string,
      end: this.ids[this.linkEnd[p] as number] as string,
    };
    this.linkAt[p] = this.links.push(link) - 1;
    return link;
  }

  /** The path of piece `p`, written out (once per search). */
  path(p: number): Path {
    const known = this.pathAt[p] as number;
    if (known >= 0) return this.paths[known] as Path;
    const depth = this.length[p] as number;
    const nodes = new Array<string>(depth);
    const links = new Array<PathLink>(depth - 1);
    let i = depth - 1;
    for (let x = p; x >= 0; x = this.parent[x] as number, i--) {
      nodes[i] = this.ids[this.node[x] as number] as string;
      if (i > 0) links[i - 1] = this.linkOf(x);
    }
    const path = {
      nodes,
      links,
      interval: { from: dayName(this.from[p] as number), to: dayName(this.to[p] as number) },
    };
    this.pathAt[p] = this.paths.push(path) - 1;
    return path;
  }

  /**
   * An element's answer from the chain of pieces that reached it (`Best` in
   * src/paths/ranking.ts): its windows (the union of the pieces' intervals, overlapping or
   * touching days joined), each with the best piece inside it, and the best piece overall.
   */
  reached(id: string, first: number, reading: Reading): Reached {
    const candidates: number[] = [];
    for (let c = first; c >= 0; c = this.next[c] as number) candidates.push(c);
    if (candidates.length > 1)
      candidates.sort((a, b) => (this.from[a] as number) - (this.from[b] as number));
    const windows: ReachedWindow[] = [];
    let best = -1;
    let windowBest = -1;
    let wFrom = 0;
    let wTo = 0;
    const close = () => {
      windows.push({
        interval: { from: dayName(wFrom), to: dayName(wTo) },
        hops: this.hops[windowBest] as number,
        exposure: this.score[windowBest] as number,
        path: this.path(windowBest),
      });
    };
    for (const c of candidates) {
      const from = this.from[c] as number;
      const to = this.to[c] as number;
      if (windowBest >= 0 && from <= wTo + 1) {
        if (to > wTo) wTo = to;
        if (this.compare(c, windowBest) < 0) windowBest = c;
      } else {
        if (windowBest >= 0) close();
        windowBest = c;
        wFrom = from;
        wTo = to;
      }
      if (best < 0 || this.compare(c, best) < 0) best = c;
    }
    if (windowBest >= 0) close();
    return {
      id,
      hops: this.hops[best] as number,
      exposure: this.score[best] as number,
      path: this.path(best),
      windows,
      certainty: reading,
    };
  }
}
