import fc from 'fast-check';

/** A small random liaison graph for the property test, in plain terms. */
/** Dates as the sources give them: EDTF bounds and when a source shows the fact in force. */
export interface Dated {
  readonly from?: string;
  readonly to?: string;
  readonly attested?: string;
}

export interface RandomGraph {
  readonly services: readonly { id: string; from?: string; to?: string }[];
  /** PART_OF links: a component service of a whole. */
  readonly structure: readonly (Dated & { component: string; whole: string })[];
  readonly channels: readonly {
    id: string;
    from?: string;
    to?: string;
    sharing?: 'RAW' | 'FINISHED' | 'SELECTIVE' | 'MINIMAL';
    thirdPartyRule?: boolean;
    disciplines: readonly ('SIGINT' | 'HUMINT')[];
    parties: readonly ({ service: string } & Dated)[];
    attested?: string;
  }[];
  readonly penetrations: readonly {
    hostile: string;
    confidence: 'CONFIRMED' | 'SUSPECTED';
    from?: string;
    to?: string;
    attested?: string;
  }[];
  readonly serves: readonly ({ service: string } & Dated)[];
  readonly postings: readonly ({ channel: string } & Dated)[];
  readonly operations: readonly {
    id: string;
    from?: string;
    to?: string;
    attested?: string;
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

/**
 * A year 1940-1960 as a source may give it: plain, approximate (`1950~`), a decade (`194X`), a
 * month (`1950-07`) or a day (`1950-07-14`): windows then begin and end inside years, so the
 * pieces at a service can cover an event's days together without one of them holding all its
 * days.
 */
const edtfYear = fc
  .tuple(
    fc.integer({ min: 1940, max: 1960 }),
    fc.constantFrom('', '', '', '~', 'X', 'M', 'D'),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, q, m, d]) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    return {
      year: y,
      order: y * 10_000 + (q === 'M' || q === 'D' ? m * 100 : 0) + (q === 'D' ? d : 0),
      text:
        q === 'X'
          ? `${String(y).slice(0, 3)}X`
          : q === 'M'
            ? `${y}-${mm}`
            : q === 'D'
              ? `${y}-${mm}-${dd}`
              : `${y}${q}`,
    };
  });

/**
 * The dates of an element: each bound missing a third of the time (unknown start / open end),
 * EDTF-qualified some of the time, and sometimes an attestation (a year or an interval of
 * years) inside the window.
 */
export const dated: fc.Arbitrary<Dated> = fc
  .record({
    a: fc.option(edtfYear, { nil: undefined, freq: 2 }),
    b: fc.option(edtfYear, { nil: undefined, freq: 2 }),
    att: fc.option(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), {
      nil: undefined,
      freq: 2,
    }),
  })
  .map(({ a, b, att }) => {
    const [from, to] = a && b && a.order > b.order ? [b, a] : [a, b];
    const decade = (y: number): number => y - (y % 10);
    const lo = from ? (from.text.endsWith('X') ? decade(from.year) + 9 : from.year) : 1940;
    const hi = to ? (to.text.endsWith('X') ? decade(to.year) : to.year) : 1960;
    const attested =
      att && lo <= hi
        ? (() => {
            const first = lo + (att[0] % (hi - lo + 1));
            const last = Math.min(hi, first + att[1]);
            return last > first ? `${first}/${last}` : `${first}`;
          })()
        : undefined;
    return {
      ...(from === undefined ? {} : { from: from.text }),
      ...(to === undefined ? {} : { to: to.text }),
      ...(attested === undefined ? {} : { attested }),
    };
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
      services: fc.tuple(
        ...serviceIds.map((id) =>
          dated.map(({ from, to }) => ({
            id,
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
          })),
        ),
      ),
      structure: fc
        .uniqueArray(
          fc
            .tuple(fc.constantFrom(...serviceIds), fc.constantFrom(...serviceIds))
            .filter(([a, b]) => a !== b),
          { maxLength: 3, selector: ([a, b]) => `${a}/${b}` },
        )
        .chain((pairs) =>
          fc.tuple(
            ...pairs.map(([component, whole]) =>
              fc.oneof(fc.constant({}), dated).map((d) => ({ component, whole, ...d })),
            ),
          ),
        ),
      channels: fc.tuple(
        ...channelIds.map((id) =>
          fc
            .record({
              id: fc.constant(id),
              w: dated,
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
                  fc.tuple(
                    ...ids.map((service) =>
                      fc.oneof(fc.constant({}), dated).map((w) => ({ service, ...w })),
                    ),
                  ),
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
                w: dated,
                confidence: fc.constantFrom('CONFIRMED' as const, 'SUSPECTED' as const),
              })
              .map(({ w, confidence }) => ({ hostile, confidence, ...w })),
          ),
        ),
      ),
      serves: fc
        .subarray(serviceIds, { minLength: 1 })
        .chain((ids) =>
          fc.tuple(...ids.slice(0, 2).map((service) => dated.map((w) => ({ service, ...w })))),
        ),
      postings: pick(channelIds).chain((ids) =>
        fc.tuple(...ids.slice(0, 1).map((channel) => dated.map((w) => ({ channel, ...w })))),
      ),
      operations: fc
        .array(
          fc.record({
            w: dated,
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
      ...g.services.map((s) => ({
        ...s,
        name: s.id,
        kind: 'SIGINT',
        sources: cite,
        partOf: g.structure
          .filter((l) => l.component === s.id)
          .map(({ component: _c, whole, ...d }) => ({ service: whole, ...d, sources: cite })),
      })),
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
      ...(o.attested === undefined ? {} : { attested: o.attested }),
      sources: cite,
      conductedBy: o.conductedBy.map((service) => ({ service, sources: cite })),
      through: o.through.map((channel) => ({ channel, sources: cite })),
      participants: o.tookPart ? [{ officer: 'agent', sources: cite }] : [],
    })),
  };
}
