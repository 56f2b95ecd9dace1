import { KIND, TYPE, type GraphProjection } from '../src/projection/graphProjection.js';

/**
 * The floor of bench:reach: a bare hop-bounded breadth-first search over the projection's
 * arrays from an agent's services, through channels to their other parties, up to `maxHops`
 * channels, with no time, no rules, no visibility and no explanation. No engine answering the
 * real question on the same arrays can be faster; the ratio says what the rules cost.
 */
export function floorReach(g: GraphProjection, agent: string, maxHops: number): number {
  const a = g.index.get(agent);
  if (a === undefined) return 0;
  const seen = new Uint8Array(g.nodeCount);
  let frontier: number[] = [];
  for (const e of g.outOf(a)) {
    if (g.linkType.get(e) !== TYPE.SERVES) continue;
    const s = g.linkEnd.get(e);
    if (seen[s] === 1) continue;
    seen[s] = 1;
    frontier.push(s);
  }
  let reached = frontier.length;
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const s of frontier)
      for (const e of g.outOf(s)) {
        if (g.linkType.get(e) !== TYPE.PARTY_TO) continue;
        const c = g.linkEnd.get(e);
        if (seen[c] === 1) continue;
        seen[c] = 1;
        reached++;
        for (const f of g.inOf(c)) {
          if (g.linkType.get(f) !== TYPE.PARTY_TO) continue;
          const t = g.linkStart.get(f);
          if (seen[t] === 1 || g.kind.get(t) !== KIND.Service) continue;
          seen[t] = 1;
          reached++;
          next.push(t);
        }
      }
    frontier = next;
  }
  return reached;
}
