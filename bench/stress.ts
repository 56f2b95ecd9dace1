import { str } from '../src/cypher/index.js';
import { boltAnswers, type Executor, type LocalNeo4j } from '../src/neo4j/index.js';
import { percentiles } from './benchSupport.js';

/** One kind of request of the mixed load, with its share of requests. */
interface Kind {
  readonly name: string;
  readonly weight: number;
  /** The GraphQL body for the n-th request of a worker; writes name a fresh id. */
  body(worker: number, n: number): { body: string; writes?: string };
}

const READ_IDS = ['sis', 'cia', 'kgb', 'nsa', 'gchq', 'bnd', 'mossad', 'isi'];

/** Entity reads, lists, search, path queries and writes, in roughly an analysts' mix. */
const KINDS: readonly Kind[] = [
  {
    name: 'read',
    weight: 35,
    body: (w, n) => ({
      body: JSON.stringify({
        query:
          'query ($id: ID!) { service(id: $id) { id name acronym channels { role channel { id name } } } }',
        variables: { id: READ_IDS[(w + n) % READ_IDS.length] },
      }),
    }),
  },
  {
    name: 'list',
    weight: 15,
    body: () => ({
      body: JSON.stringify({
        query: '{ services(first: 20) { totalCount edges { node { id name } } } }',
      }),
    }),
  },
  {
    name: 'search',
    weight: 10,
    body: (w, n) => ({
      body: JSON.stringify({
        query: 'query ($t: String!) { search(text: $t, first: 10) { score entity { id } } }',
        variables: { t: ['philby', 'intelligence', 'liaison', 'albania'][(w + n) % 4] },
      }),
    }),
  },
  {
    name: 'path',
    weight: 15,
    body: (_w, n) => ({
      body: JSON.stringify({
        query:
          'query ($hops: Int) { penetrationReach(agent: "kim-philby", maxHops: $hops) { channels { channel { id } hops } services { service { id } } } }',
        variables: { hops: 2 + (n % 2) },
      }),
    }),
  },
  {
    name: 'write',
    weight: 25,
    body: (w, n) => {
      const id = `stress-${w}-${n}`;
      return {
        writes: id,
        body: JSON.stringify({
          query:
            'mutation ($input: ServiceInput!) { createService(input: $input) { id country { id } } }',
          variables: {
            input: {
              id,
              name: `Stress service ${w}/${n}`,
              kind: 'SECURITY',
              country: 'gbr',
              sources: [{ source: 'belfer-2009', section: 'stress test' }],
            },
          },
        }),
      };
    },
  },
];

/** The names of the kinds of request, for `--kinds`. */
const KIND_NAMES: readonly string[] = KINDS.map((k) => k.name);

function kindAt(i: number, kinds: readonly Kind[]): Kind {
  // A fixed interleaving (golden-ratio stride) so every worker runs the same mix.
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  let point = (i * 61.8) % total;
  for (const kind of kinds) {
    if (point < kind.weight) return kind;
    point -= kind.weight;
  }
  return kinds[0] as Kind;
}

/** A fault injected during the load: Neo4j killed outright, then started again. */
export interface Fault {
  readonly atMs: number;
  readonly downMs: number;
  kill(): Promise<void>;
  restart(): Promise<void>;
}

/** A local Neo4j a fault replaces: `neo4j` is the running one, whichever start made it. */
export interface Neo4jHandle {
  neo4j: LocalNeo4j;
}

/**
 * The fault of `npm run stress -- --fault` and of its short test: the Neo4j of `handle` is killed
 * outright (SIGKILL, as a crash would) and, `downMs` later, started again on the same store.
 */
export function killAndRestart(
  handle: Neo4jHandle,
  start: () => Promise<LocalNeo4j>,
  timing: { readonly atMs: number; readonly downMs: number },
): Fault {
  return {
    ...timing,
    async kill() {
      if (handle.neo4j.pid !== undefined) process.kill(handle.neo4j.pid, 'SIGKILL');
      while (await boltAnswers(handle.neo4j.uri))
        await new Promise((resolve) => setTimeout(resolve, 100));
    },
    async restart() {
      await handle.neo4j.stop();
      handle.neo4j = await start();
    },
  };
}

export interface StressOptions {
  readonly url: string;
  readonly key: string;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly fault?: Fault;
  /** Only these kinds of request, in their mix (default: all of KIND_NAMES). */
  readonly kinds?: readonly string[];
}

/** What the load saw. */
export interface StressResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: ReturnType<typeof percentiles>;
  readonly latencyByKindMs: Readonly<Record<string, ReturnType<typeof percentiles>>>;
  /** HTTP statuses, e.g. { "200": 1234 }. */
  readonly statuses: Readonly<Record<string, number>>;
  /** GraphQL error codes (and NETWORK for failed connections), by count. */
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** 5xx answers and network failures outside the fault window. */
  readonly serverErrorsOutsideFault: number;
  /** Writes the API acknowledged (answered without errors). */
  readonly acknowledged: readonly string[];
  /** Writes attempted whose outcome was an error (they may or may not have been applied). */
  readonly unacknowledged: readonly string[];
  readonly fault?: {
    readonly killedAtMs: number;
    readonly restartedAtMs: number;
    readonly recoveredAtMs: number;
  };
}

/**
 * Runs the mixed load from `concurrency` workers for `durationMs` over loopback HTTP, counting
 * every answer, and injects the fault if one is given. The fault window runs from the kill
 * until the first request sent after the restart answers without error.
 */
export async function runStress(options: StressOptions): Promise<StressResult> {
  const mix = options.kinds ? KINDS.filter((k) => options.kinds?.includes(k.name)) : KINDS;
  if (mix.length === 0)
    throw new Error(
      `no kind of request among ${String(options.kinds)}; the kinds are ${KIND_NAMES.join(', ')}`,
    );
  const started = performance.now();
  const deadline = started + options.durationMs;
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  const errorsByCode: Record<string, number> = {};
  const acknowledged: string[] = [];
  const unacknowledged: string[] = [];
  let serverErrorsOutsideFault = 0;
  let faultState: 'before' | 'down' | 'recovering' | 'after' = 'before';
  let killedAtMs = 0;
  let restartedAtMs = 0;
  let recoveredAtMs = 0;
  const count = (map: Record<string, number>, key: string): void => {
    map[key] = (map[key] ?? 0) + 1;
  };

  // With a fault, the load goes on past its duration until the API has answered again after
  // the restart (at most two minutes more), so recovery is always observed under load.
  const running = (): boolean => {
    const now = performance.now();
    if (now < deadline) return true;
    return options.fault !== undefined && faultState !== 'after' && now < deadline + 120_000;
  };
  const faultDone = (async () => {
    const { fault } = options;
    if (!fault) return;
    await new Promise((resolve) => setTimeout(resolve, fault.atMs));
    faultState = 'down';
    killedAtMs = performance.now() - started;
    await fault.kill();
    await new Promise((resolve) => setTimeout(resolve, fault.downMs));
    await fault.restart();
    restartedAtMs = performance.now() - started;
    faultState = 'recovering';
  })();

  const worker = async (w: number): Promise<void> => {
    for (let n = 0; running(); n++) {
      const kind = kindAt(w * 7 + n, mix);
      const { body, writes } = kind.body(w, n);
      const sent = performance.now();
      const inFault = faultState === 'down' || faultState === 'recovering';
      let ok = false;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': options.key },
          body,
        });
        const answer = (await response.json()) as {
          errors?: { extensions?: { code?: string } }[];
        };
        count(statuses, String(response.status));
        for (const error of answer.errors ?? [])
          count(errorsByCode, error.extensions?.code ?? 'UNCODED');
        ok = response.ok && !answer.errors?.length;
        if (response.status >= 500 && !inFault) serverErrorsOutsideFault++;
      } catch {
        count(errorsByCode, 'NETWORK');
        if (!inFault) serverErrorsOutsideFault++;
      }
      const elapsed = performance.now() - sent;
      latencies.push(elapsed);
      const list = byKind.get(kind.name) ?? [];
      list.push(elapsed);
      byKind.set(kind.name, list);
      if (writes) (ok ? acknowledged : unacknowledged).push(writes);
      if (ok && faultState === 'recovering' && sent - started > restartedAtMs) {
        faultState = 'after';
        recoveredAtMs = performance.now() - started;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  await faultDone;
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: percentiles(latencies),
    latencyByKindMs: Object.fromEntries([...byKind].map(([k, v]) => [k, percentiles(v)])),
    statuses,
    errorsByCode,
    serverErrorsOutsideFault,
    acknowledged,
    unacknowledged,
    ...(options.fault ? { fault: { killedAtMs, restartedAtMs, recoveredAtMs } } : {}),
  };
}

/** What the database holds of the load's writes afterwards. */
export interface WriteCheck {
  /** Acknowledged writes not found whole (the service with its name and country link). */
  readonly lost: readonly string[];
  /** Stress services without their country link: a write applied in part. */
  readonly halfApplied: readonly string[];
  /** Unacknowledged writes that were applied nonetheless (allowed: the answer was lost). */
  readonly appliedUnacknowledged: number;
  readonly stored: number;
}

/** Checks that every acknowledged write is there whole and that no write is there in part. */
export async function checkWrites(executor: Executor, result: StressResult): Promise<WriteCheck> {
  const rows = await executor.read({
    cypher:
      "MATCH (s:Service) WHERE s.id STARTS WITH 'stress-' OPTIONAL MATCH (s)-[:OF]->(c:Country) RETURN s.id AS id, s.name AS name, collect(c.id) AS countries",
    params: {},
  });
  const stored = new Map(rows.map((r) => [str(r['id'], 'id'), r]));
  const whole = (id: string): boolean => {
    const row = stored.get(id);
    const [w, n] = id.replace('stress-', '').split('-');
    return (
      row !== undefined &&
      row['name'] === `Stress service ${w}/${n}` &&
      JSON.stringify(row['countries']) === '["gbr"]'
    );
  };
  const unacked = new Set(result.unacknowledged);
  return {
    lost: result.acknowledged.filter((id) => !whole(id)),
    halfApplied: rows
      .filter((r) => JSON.stringify(r['countries']) !== '["gbr"]')
      .map((r) => str(r['id'], 'id')),
    appliedUnacknowledged: [...stored.keys()].filter((id) => unacked.has(id)).length,
    stored: rows.length,
  };
}
