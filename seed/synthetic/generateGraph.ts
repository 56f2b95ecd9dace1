/**
 * A deterministic generator of realistic synthetic liaison graphs, in the graph-document format
 * of the historical dataset (so the same validation applies), produced in chunks so that large
 * graphs never sit in memory whole.
 *
 * Shape: services fall into blocs of about 150 (regions, alliances); a channel draws its parties
 * mostly (85%) from one bloc and otherwise from the leading services of other blocs, and within
 * a bloc by a Zipf law over rank, so each bloc has a few hubs party to many channels and many
 * small services (a hub's share is bounded by its bloc, as a real service's partners are, not
 * by the size of the whole graph); multilateral clubs (5% of channels with 10-40 parties), officers serving
 * one to three services, liaison postings, operations conducted by services and run through
 * channels, penetrations of 1% of officers, and validity windows spread over 1940-2020 with
 * some unknown starts and open ends.
 */

/** Node counts per kind for a total. */
export interface SyntheticSize {
  readonly countries: number;
  readonly services: number;
  readonly organizations: number;
  readonly officers: number;
  readonly channels: number;
  readonly operations: number;
}

export const NAMED_SIZES: Readonly<Record<string, number>> = {
  S: 10_000,
  M: 100_000,
  L: 1_000_000,
};

/** Splits a node total across kinds (2% countries, 15% services, 3% organizations, 55% officers, 10% channels, 15% operations). */
export function sizeFor(totalNodes: number): SyntheticSize {
  const part = (share: number, min: number) => Math.max(min, Math.round(totalNodes * share));
  return {
    countries: part(0.02, 2),
    services: part(0.15, 4),
    organizations: part(0.03, 1),
    officers: part(0.55, 4),
    channels: part(0.1, 2),
    operations: part(0.15, 1),
  };
}

/** mulberry32: a small, fast, seeded PRNG (deterministic across runs and platforms). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(7, '0');
export const ids = {
  country: (i: number) => `syn-country-${pad(i)}`,
  service: (i: number) => `syn-service-${pad(i)}`,
  organization: (i: number) => `syn-org-${pad(i)}`,
  officer: (i: number) => `syn-officer-${pad(i)}`,
  channel: (i: number) => `syn-channel-${pad(i)}`,
  operation: (i: number) => `syn-op-${pad(i)}`,
};

/** The label of a synthetic id, from its prefix (lets the bulk load skip label lookups). */
export function syntheticLabel(
  id: string,
): 'Country' | 'Service' | 'Organization' | 'Officer' | 'LiaisonChannel' | 'Operation' | undefined {
  if (id.startsWith('syn-country-')) return 'Country';
  if (id.startsWith('syn-service-')) return 'Service';
  if (id.startsWith('syn-org-')) return 'Organization';
  if (id.startsWith('syn-officer-')) return 'Officer';
  if (id.startsWith('syn-channel-')) return 'LiaisonChannel';
  if (id.startsWith('syn-op-')) return 'Operation';
  return undefined;
}

const cite = [{ source: 'synthetic', section: 'generated' }] as const;
/** Services per bloc, the share of a channel's parties from its home bloc, and how many leading
 * services of a bloc take part in channels homed elsewhere. */
const BLOC_SIZE = 150;
const HOME_SHARE = 0.85;
const LEADERS = 10;
const SERVICE_KINDS = [
  'FOREIGN_INTELLIGENCE',
  'SIGINT',
  'SECURITY',
  'MILITARY',
  'IMAGERY',
  'OPEN_SOURCE',
] as const;
const DISCIPLINES = ['SIGINT', 'HUMINT', 'IMINT', 'OSINT', 'COUNTERTERRORISM', 'ANALYSIS'] as const;
const SHARING = ['RAW', 'FINISHED', 'SELECTIVE', 'MINIMAL'] as const;

/** One chunk of a graph document: a section name and its entries. */
export interface Chunk {
  readonly section:
    'sources' | 'countries' | 'services' | 'organizations' | 'officers' | 'channels' | 'operations';
  readonly entries: readonly Record<string, unknown>[];
}

/**
 * Yields the document in dependency order (sources, countries, services, organizations,
 * channels, officers, operations), `chunkSize` entries at a time. Same seed and size, same graph.
 */
export function* generateGraph(
  size: SyntheticSize,
  seed: number,
  chunkSize: number,
): Generator<Chunk> {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const year = () => 1940 + Math.floor(random() * 81);
  /** A window over 1940-2020: 15% unknown start, 40% still open. */
  const window = () => {
    const from = year();
    const to = Math.min(2020, from + int(1, 30));
    return {
      ...(random() < 0.15 ? {} : { from: String(from) }),
      ...(random() < 0.4 ? {} : { to: String(to) }),
    };
  };
  // Service i is in bloc i % blocs with rank floor(i / blocs) there: services 0..blocs-1 are
  // the bloc leaders. Ranks are drawn by Zipf(1.1), so low ranks are the hubs.
  const blocs = Math.max(1, Math.round(size.services / BLOC_SIZE));
  const blocSize = (bloc: number) => Math.ceil((size.services - bloc) / blocs);
  const cdfs = new Map<number, Float64Array>();
  const zipfRank = (n: number) => {
    let cdf = cdfs.get(n);
    if (!cdf) {
      const weights = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, 1.1));
      const total = weights.reduce((a, b) => a + b, 0);
      cdf = new Float64Array(n);
      let acc = 0;
      for (let i = 0; i < n; i++) cdf[i] = acc += (weights[i] ?? 0) / total;
      cdfs.set(n, cdf);
    }
    const u = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const inBloc = (bloc: number) => bloc + blocs * zipfRank(blocSize(bloc));
  /** A party of a channel homed in `bloc`: mostly from the bloc, else a leader of another. */
  const party = (bloc: number) =>
    random() < HOME_SHARE || blocs === 1
      ? inBloc(bloc)
      : int(0, blocs - 1) + blocs * zipfRank(Math.min(LEADERS, blocSize(blocs - 1)));
  const hubService = () => inBloc(int(0, blocs - 1));
  const distinct = (count: number, draw: () => number) => {
    const out = new Set<number>();
    for (let tries = 0; out.size < count && tries < count * 10; tries++) out.add(draw());
    return [...out];
  };

  function* chunked(
    section: Chunk['section'],
    count: number,
    make: (i: number) => Record<string, unknown>,
  ): Generator<Chunk> {
    for (let start = 0; start < count; start += chunkSize) {
      const entries: Record<string, unknown>[] = [];
      for (let i = start; i < Math.min(count, start + chunkSize); i++) entries.push(make(i));
      yield { section, entries };
    }
  }

  yield {
    section: 'sources',
    entries: [
      {
        id: 'synthetic',
        title: `Synthetic liaison graph (seed ${seed})`,
        publisher: 'liaison-graph seed/synthetic',
      },
    ],
  };
  yield* chunked('countries', size.countries, (i) => ({
    id: ids.country(i),
    code: `X${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
    name: `Country ${i}`,
    sources: cite,
  }));
  yield* chunked('services', size.services, (i) => ({
    id: ids.service(i),
    name: `Service ${i}`,
    acronym: `S${i}`,
    kind: pick(SERVICE_KINDS),
    country: ids.country(int(0, size.countries - 1)),
    ...window(),
    sources: cite,
    ...(i > 0 && random() < 0.05
      ? { succeeded: [{ service: ids.service(int(0, i - 1)), sources: cite }] }
      : {}),
  }));
  yield* chunked('organizations', size.organizations, (i) => ({
    id: ids.organization(i),
    name: `Organization ${i}`,
    kind: pick(['TERRORIST_GROUP', 'INSURGENT_GROUP', 'POLITICAL_PARTY', 'MEDIA'] as const),
    country: ids.country(int(0, size.countries - 1)),
    sources: cite,
  }));
  yield* chunked('channels', size.channels, (i) => {
    const club = random() < 0.05;
    const home = int(0, blocs - 1);
    const parties = distinct(
      club ? int(10, Math.min(40, size.services)) : int(2, Math.min(8, size.services)),
      () => party(home),
    );
    return {
      id: ids.channel(i),
      name: `Channel ${i}`,
      scope: parties.length > 2 ? 'MULTILATERAL' : 'BILATERAL',
      disciplines: distinct(int(1, 2), () => int(0, DISCIPLINES.length - 1)).map(
        (d) => DISCIPLINES[d],
      ),
      ...(random() < 0.8 ? { sharing: pick(SHARING) } : {}),
      ...(random() < 0.3 ? { thirdPartyRule: true } : {}),
      ...window(),
      sources: cite,
      parties: parties.map((s) => ({ service: ids.service(s), ...window(), sources: cite })),
    };
  });
  yield* chunked('officers', size.officers, (i) => {
    const serves = distinct(int(1, 3), () => int(0, size.services - 1));
    return {
      id: ids.officer(i),
      name: `Officer ${i}`,
      nationality: ids.country(int(0, size.countries - 1)),
      sources: cite,
      serves: serves.map((s) => ({
        service: ids.service(s),
        role: 'OFFICER',
        ...window(),
        sources: cite,
      })),
      ...(random() < 0.2
        ? {
            postedTo: [
              { channel: ids.channel(int(0, size.channels - 1)), ...window(), sources: cite },
            ],
          }
        : {}),
      ...(random() < 0.01
        ? {
            agentOf: [
              {
                service: ids.service(hubService()),
                kind: 'RECRUITED',
                confidence: random() < 0.7 ? 'CONFIRMED' : 'SUSPECTED',
                ...window(),
                sources: cite,
              },
            ],
          }
        : {}),
    };
  });
  yield* chunked('operations', size.operations, (i) => ({
    id: ids.operation(i),
    name: `Operation ${i}`,
    ...window(),
    sources: cite,
    conductedBy: distinct(int(1, 3), () => int(0, size.services - 1)).map((s) => ({
      service: ids.service(s),
      sources: cite,
    })),
    ...(random() < 0.5
      ? { through: [{ channel: ids.channel(int(0, size.channels - 1)), sources: cite }] }
      : {}),
    participants: distinct(int(1, 3), () => int(0, size.officers - 1)).map((o) => ({
      officer: ids.officer(o),
      sources: cite,
    })),
    targeted: [{ target: ids.organization(int(0, size.organizations - 1)), sources: cite }],
  }));
}
