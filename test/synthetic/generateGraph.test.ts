import { describe, expect, it } from 'vitest';
import { generateGraph, ids, sizeFor } from '../../seed/synthetic/generateGraph.js';

/** Channel parties of a generated graph, as service indexes. */
function partiesOf(totalNodes: number): number[][] {
  const size = sizeFor(totalNodes);
  const channels: number[][] = [];
  for (const chunk of generateGraph(size, 7, 1000)) {
    if (chunk.section !== 'channels') continue;
    for (const entry of chunk.entries) {
      const parties = entry['parties'] as { service: string }[];
      channels.push(parties.map((p) => Number(p.service.slice(ids.service(0).length - 7))));
    }
  }
  return channels;
}

describe('synthetic channel participation', () => {
  const nodes = 20_000; // 3,000 services in 20 blocs of 150
  const blocs = 20;
  const channels = partiesOf(nodes);
  const degree = new Map<number, number>();
  for (const parties of channels) for (const s of parties) degree.set(s, (degree.get(s) ?? 0) + 1);
  const ranked = [...degree.entries()].sort((a, b) => b[1] - a[1]);

  it('has hubs: the leading services of the blocs are party to far more channels than the median', () => {
    const top = ranked.slice(0, 10).map(([s]) => s);
    expect(top.every((s) => s < blocs * 3)).toBe(true);
    const median = ranked[Math.floor(ranked.length / 2)]?.[1] ?? 0;
    expect(ranked[0]?.[1] ?? 0).toBeGreaterThan(10 * median);
  });

  it('bounds a hub by its bloc, not by the graph: a graph 3 times bigger has hubs of about the same size', () => {
    const bigger = new Map<number, number>();
    for (const parties of partiesOf(3 * nodes))
      for (const s of parties) bigger.set(s, (bigger.get(s) ?? 0) + 1);
    const biggestHub = Math.max(...bigger.values());
    expect(biggestHub).toBeLessThan(1.5 * (ranked[0]?.[1] ?? 0));
  });

  it('draws most of a channel from one bloc', () => {
    let sameBloc = 0;
    let pairs = 0;
    for (const parties of channels) {
      const home = new Map<number, number>();
      for (const s of parties) home.set(s % blocs, (home.get(s % blocs) ?? 0) + 1);
      sameBloc += Math.max(...home.values());
      pairs += parties.length;
    }
    expect(sameBloc / pairs).toBeGreaterThan(0.8);
  });
});
