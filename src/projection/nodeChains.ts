import type { Pieces } from './pieces.js';

/** One value per projection node, all -1, reused by every search (grown with the projection). */
class NodeHeads {
  heads = new Int32Array(0);
  readonly touched: number[] = [];

  /** Ready for a projection of `nodes` nodes (every head -1). */
  ready(nodes: number): void {
    if (this.heads.length < nodes) this.heads = new Int32Array(nodes + 1024).fill(-1);
  }

  /** Every touched head back to -1. */
  clear(): void {
    for (const n of this.touched) this.heads[n] = -1;
    this.touched.length = 0;
  }
}

/**
 * The pieces offered for each element (the candidates `Best` keeps in src/paths/ranking.ts),
 * as a chain per node through `Pieces.next`: no map, no list per element.
 */
export class Offers extends NodeHeads {
  /** Elements offered, by what they are (AT_SERVICE, AT_CHANNEL, AT_OPERATION). */
  readonly counts = [0, 0, 0];

  start(nodes: number): void {
    this.ready(nodes);
    this.clear();
    this.counts.fill(0);
  }

  offer(pieces: Pieces, p: number): void {
    const n = pieces.node[p] as number;
    const head = this.heads[n] as number;
    if (head < 0) {
      this.touched.push(n);
      const at = pieces.at[p] as number;
      this.counts[at] = (this.counts[at] as number) + 1;
    }
    pieces.next[p] = head;
    this.heads[n] = p;
  }

  first(node: number): number {
    return this.heads[node] as number;
  }

  get size(): number {
    return (this.counts[0] ?? 0) + (this.counts[1] ?? 0) + (this.counts[2] ?? 0);
  }
}

/**
 * Thins the pieces made in one round (`dominant` in src/paths/steps.ts): a piece is dropped
 * when another onto the same node, with the same extendability, ranks at least as well and its
 * interval contains this one's. Groups by node through `Pieces.group`.
 */
export class Thinning extends NodeHeads {
  private readonly group: number[] = [];
  private readonly kept: number[] = [];

  dominant(pieces: Pieces, made: readonly number[], out: number[]): number[] {
    out.length = 0;
    if (made.length < 2) {
      for (const p of made) out.push(p);
      return out;
    }
    for (const p of made) {
      const n = pieces.node[p] as number;
      const head = this.heads[n] as number;
      if (head < 0) this.touched.push(n);
      pieces.group[p] = head;
      this.heads[n] = p;
    }
    for (const n of this.touched) {
      const head = this.heads[n] as number;
      if ((pieces.group[head] as number) < 0) {
        out.push(head);
        continue;
      }
      for (const extendable of [0, 1]) {
        const group = this.group;
        group.length = 0;
        for (let p = head; p >= 0; p = pieces.group[p] as number)
          if (pieces.extendable[p] === extendable) group.push(p);
        if (group.length === 1) out.push(group[0] as number);
        if (group.length < 2) continue;
        group.sort((a, b) => pieces.compare(a, b));
        const kept = this.kept;
        kept.length = 0;
        for (const p of group) {
          const from = pieces.from[p] as number;
          const to = pieces.to[p] as number;
          let inside = false;
          for (const k of kept)
            if ((pieces.from[k] as number) <= from && to <= (pieces.to[k] as number)) {
              inside = true;
              break;
            }
          if (!inside) {
            kept.push(p);
            out.push(p);
          }
        }
      }
    }
    this.clear();
    return out;
  }
}
