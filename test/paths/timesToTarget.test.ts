import { describe, expect, it } from 'vitest';
import { validity, type Interval } from '../../src/model/index.js';
import type { ChannelFacts, ReachSource } from '../../src/paths/reachTypes.js';
import { TimesToTarget } from '../../src/paths/timesToTarget.js';

/** A channel with its parties: [service, from, to], years (null = unknown start / open end). */
type Sketch = {
  id: string;
  from?: string;
  to?: string;
  disciplines?: string[];
  parties: [string, string | null, string | null][];
};

const channelOf = (sketch: Sketch): ChannelFacts => ({
  id: sketch.id,
  validity: validity(sketch.from && `${sketch.from}-01-01`, sketch.to && `${sketch.to}-12-31`),
  certain: validity(sketch.from && `${sketch.from}-01-01`, sketch.to && `${sketch.to}-12-31`),
  sharing: null,
  thirdPartyRule: false,
  disciplines: sketch.disciplines ?? [],
  parties: sketch.parties.map(([service, from, to]) => ({
    link: `${sketch.id}-${service}`,
    service,
    validity: validity(from && `${from}-01-01`, to && `${to}-12-31`),
    certain: validity(from && `${from}-01-01`, to && `${to}-12-31`),
    serviceValidity: validity(null, null),
    serviceCertain: validity(null, null),
  })),
});

/** An in-memory graph of channels, read the way the forward search reads Neo4j. */
function sourceOf(sketches: readonly Sketch[]): ReachSource & { read: string[][] } {
  const channels = sketches.map(channelOf);
  const read: string[][] = [];
  return {
    read,
    footholds: () => Promise.resolve(undefined),
    channelsOfServices: (services) => {
      read.push([...services]);
      return Promise.resolve(
        new Map(
          services.map((sid) => [
            sid,
            channels.flatMap((channel) =>
              channel.parties
                .filter((p) => p.service === sid)
                .map((membership) => ({ membership, channel })),
            ),
          ]),
        ),
      );
    },
    channels: (ids) =>
      Promise.resolve(new Map(channels.filter((c) => ids.includes(c.id)).map((c) => [c.id, c]))),
    operationsOf: () => Promise.resolve([]),
    structureOf: () => Promise.resolve(new Map()),
    agents: () => Promise.resolve([]),
    spansOf: () => Promise.resolve(undefined),
  };
}

const year = (y: number): Interval => ({ from: `${y}-01-01`, to: `${y}-12-31` });

describe('days at which a service can still reach the target', () => {
  // A reaches T over c1 in 1950-55 and over c2 in 1953-60; B reaches A over c3 in 1940-59;
  // C reaches B over c4 (HUMINT only) at any time.
  const graph: Sketch[] = [
    {
      id: 'c1',
      parties: [
        ['A', '1950', '1955'],
        ['T', null, null],
      ],
    },
    {
      id: 'c2',
      from: '1953',
      to: '1960',
      parties: [
        ['A', null, null],
        ['T', null, null],
      ],
    },
    {
      id: 'c3',
      parties: [
        ['B', '1940', '1959'],
        ['A', null, null],
      ],
    },
    {
      id: 'c4',
      disciplines: ['HUMINT'],
      parties: [
        ['C', null, null],
        ['B', null, null],
      ],
    },
  ];

  it('holds the union of the windows of every path, level by level', async () => {
    const times = await TimesToTarget.open(
      sourceOf(graph),
      { id: 'T', label: 'Service' },
      { disciplines: [], followStructure: false },
    );
    expect(times.mayReach('T', year(1900), 0)).toBe(true);
    expect(times.mayReach('A', year(1952), 0)).toBe(false);
    await times.extend();
    // Both channels count: 1950-55 from c1 and 1953-60 from c2.
    expect(times.mayReach('A', year(1951), 1)).toBe(true);
    expect(times.mayReach('A', year(1958), 1)).toBe(true);
    expect(times.mayReach('A', year(1961), 1)).toBe(false);
    expect(times.mayReach('A', year(1949), 1)).toBe(false);
    expect(times.mayReach('B', year(1952), 1)).toBe(false);
    await times.extend();
    // B's own membership (1940-59) cuts A's 1950-60.
    expect(times.mayReach('B', year(1959), 2)).toBe(true);
    expect(times.mayReach('B', year(1960), 2)).toBe(false);
    expect(times.mayReach('B', year(1945), 2)).toBe(false);
    await times.extend();
    expect(times.mayReach('C', year(1955), 3)).toBe(true);
    expect(times.mayReach('C', year(1955), 2)).toBe(false);
    expect(() => times.mayReach('C', year(1955), 4)).toThrow(/level 4 asked/);
  });

  it('leaves out channels that carry none of the requested disciplines', async () => {
    const times = await TimesToTarget.open(
      sourceOf(graph),
      { id: 'T', label: 'Service' },
      { disciplines: ['SIGINT'], followStructure: false },
    );
    for (let level = 0; level < 3; level++) await times.extend();
    expect(times.mayReach('B', year(1955), 3)).toBe(true);
    expect(times.mayReach('C', year(1955), 3)).toBe(false);
  });

  it("reaches a channel target by crossing it, in its parties' windows", async () => {
    const source = sourceOf(graph);
    const times = await TimesToTarget.open(
      source,
      { id: 'c3', label: 'LiaisonChannel' },
      { disciplines: [], followStructure: false },
    );
    expect(times.mayReach('B', year(1945), 0)).toBe(false);
    await times.extend();
    expect(times.mayReach('B', year(1945), 1)).toBe(true);
    expect(times.mayReach('B', year(1960), 1)).toBe(false);
    expect(times.mayReach('A', year(1930), 1)).toBe(true);
    expect(times.mayReach('T', year(1930), 1)).toBe(false);
    await times.extend();
    expect(times.mayReach('T', year(1954), 2)).toBe(true);
    expect(times.mayReach('T', year(1961), 2)).toBe(false);
    // Each level reads only the channels of the services whose days changed.
    expect(source.read).toEqual([['B', 'A']]);
  });
});
