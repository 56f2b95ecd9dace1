import type { LinkType } from '../model/index.js';
import type { Path, PathLink, Reached, ReachedWindow, Reading } from '../paths/reachTypes.js';
import { dayName } from './days.js';

/** What a piece is at: a service (or the agent), a channel, an operation. */
export const AT_SERVICE = 0;
export const AT_CHANNEL = 1;
export const AT_OPERATION = 2;

/**
 * The pieces of one search (docs/path-semantics.md: a path from the agent with the interval in
 * which all of it is open and a score), in columns: each piece is an index, and its path is
 * the chain of its parents, so extending a path costs one row, not a copy. Paths are written
 * out as objects only for the explanations an answer returns (`path`).
 */
export class Pieces {
  readonly node: number[] = [];
  readonly parent: number[] = [];
  readonly link: string[] = [];
  readonly type: (LinkType | '')[] = [];
  readonly linkStart: number[] = [];
  readonly linkEnd: number[] = [];
  readonly at: number[] = [];
  readonly hops: number[] = [];
  readonly score: number[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly extendable: boolean[] = [];
  /** Nodes on the path. */
  readonly length: number[] = [];
  /** For a piece at a channel, the service it came from (not re-entered); else -1. */
  readonly fromService: number[] = [];

  constructor(private readonly ids: readonly string[]) {}

  /** A path of the agent alone, open `from`..`to` (a root). */
  root(agent: number, score: number, from: number, to: number): number {
    return this.push(-1, agent, '', '', -1, -1, AT_SERVICE, 0, score, from, to, true, -1);
  }

  /** The piece extending `parent` over a link to `node`. */
  step(
    parent: number,
    node: number,
    link: string,
    type: LinkType,
    start: number,
    end: number,
    at: number,
    hops: number,
    score: number,
    from: number,
    to: number,
    extendable: boolean,
    fromService = -1,
  ): number {
    return this.push(
      parent,
      node,
      link,
      type,
      start,
      end,
      at,
      hops,
      score,
      from,
      to,
      extendable,
      fromService,
    );
  }

  private push(
    parent: number,
    node: number,
    link: string,
    type: LinkType | '',
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
    this.node.push(node);
    this.parent.push(parent);
    this.link.push(link);
    this.type.push(type);
    this.linkStart.push(start);
    this.linkEnd.push(end);
    this.at.push(at);
    this.hops.push(hops);
    this.score.push(score);
    this.from.push(from);
    this.to.push(to);
    this.extendable.push(extendable);
    this.length.push(parent < 0 ? 1 : (this.length[parent] ?? 0) + 1);
    return this.fromService.push(fromService) - 1;
  }

  /** Whether `node` is on the path of piece `p`. */
  onPath(p: number, node: number): boolean {
    for (let x = p; x >= 0; x = this.parent[x] ?? -1) if (this.node[x] === node) return true;
    return false;
  }

  /**
   * The explanation order of docs/path-semantics.md rule 7 (`better` in src/paths/ranking.ts):
   * negative when `a` explains better than `b`. Fewer hops, higher score, fewer nodes, smaller
   * node-id sequence, earlier then longer window, smaller link-id sequence.
   */
  compare(a: number, b: number): number {
    const hops = (this.hops[a] ?? 0) - (this.hops[b] ?? 0);
    if (hops !== 0) return hops;
    const sa = this.score[a] ?? 0;
    const sb = this.score[b] ?? 0;
    if (sa !== sb) return sa > sb ? -1 : 1;
    const length = (this.length[a] ?? 0) - (this.length[b] ?? 0);
    if (length !== 0) return length;
    const nodes = this.compareAlong(a, b, (x) => this.ids[this.node[x] ?? -1] ?? '');
    if (nodes !== 0) return nodes;
    const from = (this.from[a] ?? 0) - (this.from[b] ?? 0);
    if (from !== 0) return from;
    const to = (this.to[b] ?? 0) - (this.to[a] ?? 0);
    if (to !== 0) return to;
    return this.compareAlong(a, b, (x) => this.link[x] ?? '');
  }

  /**
   * Compares two paths of equal length position by position from the agent, by `key`: walks
   * both chains up together and keeps the difference nearest the agent.
   */
  private compareAlong(a: number, b: number, key: (piece: number) => string): number {
    let out = 0;
    for (
      let x = a, y = b;
      x !== y && x >= 0 && y >= 0;
      x = this.parent[x] ?? -1, y = this.parent[y] ?? -1
    ) {
      const kx = key(x);
      const ky = key(y);
      if (kx !== ky) out = kx < ky ? -1 : 1;
    }
    return out;
  }

  /** Whether `a` makes `b` redundant (`dominates` in src/paths/steps.ts). */
  dominates(a: number, b: number): boolean {
    return (
      this.node[a] === this.node[b] &&
      this.extendable[a] === this.extendable[b] &&
      this.compare(b, a) >= 0 &&
      (this.from[a] ?? 0) <= (this.from[b] ?? 0) &&
      (this.to[b] ?? 0) <= (this.to[a] ?? 0)
    );
  }

  /**
   * Of pieces made in one round, those no other piece onto the same node (and with the same
   * extendability) makes redundant (`dominant` in src/paths/steps.ts).
   */
  dominant(made: readonly number[]): number[] {
    if (made.length < 2) return [...made];
    const groups = new Map<number, number[]>();
    for (const p of made) {
      const key = (this.node[p] ?? 0) * 2 + (this.extendable[p] ? 1 : 0);
      const group = groups.get(key);
      if (group) group.push(p);
      else groups.set(key, [p]);
    }
    const kept: number[] = [];
    for (const group of groups.values()) {
      if (group.length === 1) {
        kept.push(group[0] ?? 0);
        continue;
      }
      group.sort((a, b) => this.compare(a, b));
      const survivors: number[] = [];
      for (const p of group) {
        const from = this.from[p] ?? 0;
        const to = this.to[p] ?? 0;
        if (!survivors.some((s) => (this.from[s] ?? 0) <= from && to <= (this.to[s] ?? 0))) {
          survivors.push(p);
          kept.push(p);
        }
      }
    }
    return kept;
  }

  /** The path of piece `p`, written out. */
  path(p: number): Path {
    const nodes: string[] = [];
    const links: PathLink[] = [];
    for (let x = p; x >= 0; x = this.parent[x] ?? -1) {
      nodes.push(this.ids[this.node[x] ?? -1] ?? '');
      const type = this.type[x];
      if (type)
        links.push({
          id: this.link[x] ?? '',
          type,
          start: this.ids[this.linkStart[x] ?? -1] ?? '',
          end: this.ids[this.linkEnd[x] ?? -1] ?? '',
        });
    }
    nodes.reverse();
    links.reverse();
    return {
      nodes,
      links,
      interval: { from: dayName(this.from[p] ?? 0), to: dayName(this.to[p] ?? 0) },
    };
  }

  /**
   * An element's answer from every piece that reached it (`Best` in src/paths/ranking.ts): its
   * windows (the union of the pieces' intervals, overlapping or touching days joined), each
   * with the best piece inside it, and the best piece overall.
   */
  reached(id: string, candidates: number[], reading: Reading): Reached {
    candidates.sort((a, b) => (this.from[a] ?? 0) - (this.from[b] ?? 0));
    const windows: ReachedWindow[] = [];
    let best = -1;
    let windowBest = -1;
    let wFrom = 0;
    let wTo = 0;
    const close = () => {
      const path = this.path(windowBest);
      windows.push({
        interval: { from: dayName(wFrom), to: dayName(wTo) },
        hops: this.hops[windowBest] ?? 0,
        exposure: this.score[windowBest] ?? 0,
        path,
      });
    };
    for (const c of candidates) {
      const from = this.from[c] ?? 0;
      const to = this.to[c] ?? 0;
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
      hops: this.hops[best] ?? 0,
      exposure: this.score[best] ?? 0,
      path: this.path(best),
      windows,
      certainty: reading,
    };
  }
}
