import type { CompiledFacts, NFootholds } from './compiledFacts.js';
import { meetEvent } from './days.js';
import type { Offers, Thinning } from './nodeChains.js';
import { AT_CHANNEL, AT_OPERATION, AT_SERVICE, LINK_CODE, type Pieces } from './pieces.js';

const { SERVES, TOOK_PART, PART_OF, CONDUCTED, THROUGH } = LINK_CODE;

/** Where a search may still go: `mayReach` of src/projection/arraySearch.ts. */
type MayReach = (node: number, hops: number, from: number, to: number) => boolean;

/**
 * Hop 0 of a search (`computeReach` in src/paths): from each start (a penetration window), the
 * pieces onto the services the agent served then (returned, to be extended), and the
 * operations it took part in (offered as reached).
 */
export function footholdPieces(
  pieces: Pieces,
  offers: Offers,
  f: NFootholds,
  searched: readonly { score: number; from: number; to: number }[],
): number[] {
  const agent = f.agent;
  const serving: number[] = [];
  for (const start of searched) {
    const root = pieces.root(agent, start.score, start.from, start.to);
    for (const serve of f.serves) {
      const from = Math.max(start.from, serve.from);
      const to = Math.min(start.to, serve.to);
      if (from > to) continue;
      serving.push(
        pieces.step(
          root,
          serve.service,
          serve.link,
          SERVES,
          agent,
          serve.service,
          AT_SERVICE,
          0,
          start.score,
          from,
          to,
          true,
          -1,
        ),
      );
    }
    for (const op of f.operations) {
      const met = meetEvent(start.from, start.to, op);
      if (met)
        offers.offer(
          pieces,
          pieces.step(
            root,
            op.operation,
            op.link,
            TOOK_PART,
            agent,
            op.operation,
            AT_OPERATION,
            0,
            start.score,
            met[0],
            met[1],
            false,
            -1,
          ),
        );
    }
  }
  return serving;
}

/**
 * Structure (docs/path-semantics.md): the pieces `made` closed over PART_OF moves at no extra
 * hop, as `closeOverStructure` in computeReach; moves out of a piece only where it goes on.
 */
export function structureClosure(
  pieces: Pieces,
  thinning: Thinning,
  facts: CompiledFacts,
  made: readonly number[],
  goesOn: (p: number) => boolean,
  mayReach: MayReach,
): number[] {
  const thinned: number[] = [];
  const all = [...made];
  const atNode = new Map<number, number[]>();
  const note = (p: number): void => {
    const node = pieces.node[p] as number;
    const list = atNode.get(node);
    if (list) list.push(p);
    else atNode.set(node, [p]);
  };
  for (const p of made) note(p);
  let pending = made.filter(goesOn);
  while (pending.length > 0) {
    const steps: number[] = [];
    for (const p of pending) {
      const hops = pieces.hops[p] as number;
      for (const move of facts.movesAt(pieces.node[p] as number)) {
        if (pieces.onPath(p, move.other)) continue;
        const from = Math.max(pieces.from[p] as number, move.from);
        const to = Math.min(pieces.to[p] as number, move.to);
        if (from > to || !mayReach(move.other, hops, from, to)) continue;
        steps.push(
          pieces.step(
            p,
            move.other,
            move.link,
            PART_OF,
            move.component,
            move.whole,
            AT_SERVICE,
            hops,
            pieces.score[p] as number,
            from,
            to,
            true,
            -1,
          ),
        );
      }
    }
    const fresh = thinning
      .dominant(pieces, steps, thinned)
      .filter(
        (q) => !(atNode.get(pieces.node[q] as number) ?? []).some((r) => pieces.dominates(r, q)),
      );
    all.push(...fresh);
    for (const p of fresh) note(p);
    pending = fresh.filter(goesOn);
  }
  return all;
}

/** The operations met by each visited piece: conducted by its service, or run through its channel. */
export function offerOperations(
  pieces: Pieces,
  offers: Offers,
  facts: CompiledFacts,
  visited: readonly number[],
): void {
  for (const p of visited) {
    const node = pieces.node[p] as number;
    const through = pieces.at[p] === AT_CHANNEL;
    for (const op of facts.operationsAt(node)) {
      const met = meetEvent(pieces.from[p] as number, pieces.to[p] as number, op);
      if (!met) continue;
      offers.offer(
        pieces,
        pieces.step(
          p,
          op.operation,
          op.link,
          through ? THROUGH : CONDUCTED,
          through ? op.operation : node,
          through ? node : op.operation,
          AT_OPERATION,
          pieces.hops[p] as number,
          pieces.score[p] as number,
          met[0],
          met[1],
          false,
          -1,
        ),
      );
    }
  }
}
