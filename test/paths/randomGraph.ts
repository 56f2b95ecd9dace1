import fc from 'fast-check';

/** A small random liaison graph for the property test, in plain terms. */
export interface RandomGraph {
  readonly services: readonly { id: string; from?: string; to?: string }[];
  readonly channels: readonly {
    id: string;
    from?: string;
    to?: string;
    sharing?: 'RAW' | 'FINISHED' | 'SELECTIVE' | 'MINIMAL';
    thirdPartyRule?: boolean;
    disciplines: readonly ('SIGINT' | 'HUMINT')[];
    parties: readonly { service: string; from?: string; to?: string }[];
  }[];
  readonly penetrations: readonly {
    hostile: string;
    confidence: 'CONFIRMED' | 'SUSPECTED';
    from?: string;
    to?: string;
  }[];
  readonly serves: readonly { service: string; from?: string; to?: string }[];
  readonly postings: readonly { channel: string; from?: string; to?: string }[];
  readonly operations: readonly {
    id: string;
    from?: string;
    to?: string;
    conductedBy: readonly string[];
    through: readonly string[];
    tookPart: boolean;
  }[];
}

export const year = fc.integer({ min: 1940, max: 1960 }).map(String);
/** An optional window of years, ordered; each end is missing half the time (unknown start / open end). */
export const window = fc
  .tuple(fc.option(year, { nil: undefined, freq: 2 }), fc.option(year, { nil: undefined, freq: 2 }))
  .map(([a, b]) => {
    const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
    return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  });

const pick = <T>(items: readonly T[]) => fc.subarray([...items]);

/** Random graphs of 2-6 services and 1-4 channels with windows over 1940-1960. */
export const randomGraph: fc.Arbitrary<RandomGraph> = fc
  .record({
    serviceCount: fc.integer({ min: 2, max: 6 }),
    channelCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ serviceCount, channelCount }) => {
    const serviceIds = Array.from({ length: serviceCount }, (_, i) => `s${i}`);
    // Channel ids sort after service ids, so the "fewer nodes" tie-break is not hidden by id order.
    const channelIds = Array.from({ length: channelCount }, (_, i) => `x${i}`);
    return fc.record({
      services: fc.tuple(...serviceIds.map((id) => window.map((w) => ({ id, ...w })))),
      channels: fc.tuple(
        ...channelIds.map((id) =>
          fc
            .record({
              id: fc.constant(id),
              w: window,
              sharing: fc.option(
                fc.constantFrom(
                  'RAW' as const,
                  'FINISHED' as const,
                  'SELECTIVE' as const,
                  'MINIMAL' as const,
                ),
                { nil: undefined },
              ),
              thirdPartyRule: fc.option(fc.boolean(), { nil: undefined }),
              disciplines: pick(['SIGINT', 'HUMINT'] as const),
              parties: fc
                .subarray(serviceIds, { minLength: 2 })
                .chain((ids) =>
                  fc.tuple(...ids.map((service) => window.map((w) => ({ service, ...w })))),
                ),
            })
            .map(({ w, sharing, thirdPartyRule, ...rest }) => ({
              ...rest,
              ...w,
              ...(sharing === undefined ? {} : { sharing }),
              ...(thirdPartyRule === undefined ? {} : { thirdPartyRule }),
            })),
        ),
      ),
      penetrations: fc.subarray(['h0', 'h1'], { minLength: 1 }).chain((ids) =>
        fc.tuple(
          ...ids.map((hostile) =>
            fc
              .record({
                w: window,
                confidence: fc.constantFrom('CONFIRMED' as const, 'SUSPECTED' as const),
              })
              .map(({ w, confidence }) => ({ hostile, confidence, ...w })),
          ),
        ),
      ),
      serves: fc
        .subarray(serviceIds, { minLength: 1 })
        .chain((ids) =>
          fc.tuple(...ids.slice(0, 2).map((service) => window.map((w) => ({ service, ...w })))),
        ),
      postings: pick(channelIds).chain((ids) =>
        fc.tuple(...ids.slice(0, 1).map((channel) => window.map((w) => ({ channel, ...w })))),
      ),
      operations: fc
        .array(
          fc.record({
            w: window,
            conductedBy: pick(serviceIds),
            through: pick(channelIds),
            tookPart: fc.boolean(),
          }),
          { maxLength: 3 },
        )
        .map((ops) => ops.map(({ w, ...rest }, i) => ({ id: `o${i}`, ...w, ...rest }))),
    });
  });

const cite = [{ source: 'ref', section: 'generated' }];

/** The graph as a graph document (the seed format), for `importDocument`. */
export function toDocument(g: RandomGraph): Record<string, unknown> {
  return {
    sources: [{ id: 'ref', title: 'Generated test graph' }],
    services: [
      ...g.services.map((s) => ({ ...s, name: s.id, kind: 'SIGINT', sources: cite })),
      { id: 'h0', name: 'h0', kind: 'FOREIGN_INTELLIGENCE', sources: cite },
      { id: 'h1', name: 'h1', kind: 'FOREIGN_INTELLIGENCE', sources: cite },
    ],
    channels: g.channels.map(({ parties, disciplines, ...c }) => ({
      ...c,
      name: c.id,
      scope: 'MULTILATERAL',
      ...(disciplines.length > 0 ? { disciplines } : {}),
      sources: cite,
      parties: parties.map((p) => ({ ...p, sources: cite })),
    })),
    officers: [
      {
        id: 'agent',
        name: 'Agent',
        sources: cite,
        serves: g.serves.map((s) => ({ ...s, sources: cite })),
        postedTo: g.postings.map((p) => ({ ...p, sources: cite })),
        agentOf: g.penetrations.map(({ hostile, ...p }) => ({
          service: hostile,
          kind: 'RECRUITED',
          ...p,
          sources: cite,
        })),
      },
    ],
    operations: g.operations.map((o) => ({
      id: o.id,
      name: o.id,
      ...(o.from === undefined ? {} : { from: o.from }),
      ...(o.to === undefined ? {} : { to: o.to }),
      sources: cite,
      conductedBy: o.conductedBy.map((service) => ({ service, sources: cite })),
      through: o.through.map((channel) => ({ channel, sources: cite })),
      participants: o.tookPart ? [{ officer: 'agent', sources: cite }] : [],
    })),
  };
}
