import fc from 'fast-check';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { AcknowledgedWrites, storedElements } from './acknowledgedWrites.js';
import {
  BURST_PREFIX,
  burstClientsArbitrary,
  burstRequest,
  burstWorld,
  derivedLinkIds,
  type BurstClient,
  type BurstOp,
  type BurstWorld,
  type BurstWriter,
} from './burstOps.js';
import { graphSnapshot, snapshotDiff } from './graphSnapshot.js';
import { isRecord, judgeResponse } from './judgeResponse.js';
import { sendRequest } from './sendRequest.js';

export interface BurstOptions {
  /** The API's `/graphql` URL (loopback). */
  readonly url: string;
  /** The API's database: reset before each burst, read after it. */
  readonly database: Database;
  /** The key of each burst writer (`BURST_WRITERS`). */
  readonly keys: Readonly<Record<BurstWriter, string>>;
  readonly bursts: number;
  /** Concurrent clients per burst, and writes each sends. */
  readonly clients: number;
  readonly opsPerClient: number;
  /** Burst `i` draws its clients with seed `seed + i`. */
  readonly seed: number;
  /** Start no burst after this time (ms since the epoch). */
  readonly deadline?: number;
  /** The API's error log lines by message, as the run counts them; a burst's new ones are kept. */
  readonly errorLog: Readonly<Record<string, number>>;
  /** Called after each burst. */
  readonly onBurst?: (done: number, counts: BurstCounts) => void;
}

/** A broken rule, with the burst's seed and the exchanges that touched what it names. */
export interface BurstFinding {
  readonly burst: number;
  readonly seed: number;
  readonly problem: string;
  /** The exchanges of the burst that name the id concerned (or the one that failed), in order. */
  readonly exchanges: readonly string[];
  /** Error lines the API logged during the burst. */
  readonly logLines: Readonly<Record<string, number>>;
}

/** What the burst phase sent, what was acknowledged and refused, and what broke. */
export interface BurstCounts {
  bursts: number;
  requests: number;
  /** Time spent sending (the bursts' wall time, without resets and checks). */
  sendingSeconds: number;
  requestsPerSecond: number;
  /** Acknowledged writes by kind of write. */
  acknowledged: Record<string, number>;
  /** Refused writes by `extensions.code`. */
  refusals: Record<string, number>;
  /** Answers by HTTP status. */
  byStatus: Record<string, number>;
  /** Broken rules: integrity, the judge's (5xx, INTERNAL_SERVER_ERROR, ...), the graph outside. */
  violations: number;
  findings: BurstFinding[];
}

/** Nodes that writes add besides their own elements: the audit log and the write lock. */
const BOOKKEEPING_LABELS = ['AuditEntry', 'WriteLock'];

/** One request of a burst as it went, for the report of a finding. */
interface Sent {
  readonly client: number;
  readonly writer: BurstWriter;
  readonly op: BurstOp;
  readonly start: number;
  readonly end: number;
  /** The id the write counts under (a link's derived or explicit id). */
  readonly target: string;
  readonly status: number;
  readonly codes: readonly string[];
  /** The judge's objections to the answer. */
  readonly problems: readonly string[];
  readonly acknowledged: boolean;
  readonly response: string;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * The concurrent-mutation bursts of `npm run fuzz` (issue 13). Each burst makes a few ids of its
 * own (`BURST_PREFIX`), lets `clients` writers at several clearances and nationalities send
 * random creates, updates, deletes, imports and link writes on them at once (links ending at
 * historical entities too), then checks that every acknowledged write is stored as acknowledged
 * or superseded (`AcknowledgedWrites`), that no answer broke the judge's rules, and, once its ids
 * are deleted again, that the rest of the graph is as it was, the audit log aside.
 */
export async function runBursts(options: BurstOptions): Promise<BurstCounts> {
  const { database } = options;
  const counts: BurstCounts = {
    bursts: 0,
    requests: 0,
    sendingSeconds: 0,
    requestsPerSecond: 0,
    acknowledged: {},
    refusals: {},
    byStatus: {},
    violations: 0,
    findings: [],
  };
  const channels = await idsOf(database, 'MATCH (n:LiaisonChannel)');
  const officers = await idsOf(database, 'MATCH (n:Officer)');
  // A public reference: cited with a section, where a document would need lines and a quote.
  const [source] = await idsOf(database, 'MATCH (n:Source) WHERE n.url IS NOT NULL');
  if (source === undefined || channels.length < 2 || officers.length === 0)
    throw new Error(
      'the burst phase needs the historical dataset (a source with a url, two channels, an officer)',
    );
  const burstArbitrary = fc
    .tuple(
      fc.shuffledSubarray(channels, { minLength: 2, maxLength: 2 }),
      fc.constantFrom(...officers),
    )
    .chain(([ends, officer]) => {
      const world = burstWorld(ends, officer, source);
      return burstClientsArbitrary(world, options.clients, options.opsPerClient).map((clients) => ({
        world,
        clients,
      }));
    });
  await deleteBurstIds(database);
  let before = await graphSnapshot(database, BOOKKEEPING_LABELS);

  for (let burst = 0; burst < options.bursts; burst++) {
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
    const seed = options.seed + burst;
    const [drawn] = fc.sample(burstArbitrary, { seed, numRuns: 1 });
    if (drawn === undefined) break;
    const { world, clients } = drawn;
    const logBefore = { ...options.errorLog };
    const writes = new AcknowledgedWrites();
    await makeWorld(database, world, writes);

    const origin = performance.now();
    const sent = await fire(options, world, clients, writes, origin);
    counts.sendingSeconds += (performance.now() - origin) / 1_000;

    const problems: { problem: string; about: string | Sent }[] = [];
    for (const exchange of sent) {
      counts.requests++;
      bump(counts.byStatus, String(exchange.status));
      for (const code of exchange.codes) bump(counts.refusals, code);
      if (exchange.acknowledged) bump(counts.acknowledged, exchange.op.kind);
      for (const problem of exchange.problems) problems.push({ problem, about: exchange });
    }
    const stored = await storedElements(database, BURST_PREFIX);
    const violations = writes.violations(stored, {
      entities: [...world.services, world.channel],
      linkEnds: (id) => world.services.filter((s) => id === world.sharedLinkId || id.includes(s)),
      fieldsOf: { entities: [...world.services, world.channel], links: derivedLinkIds(world) },
    });
    for (const problem of violations) problems.push({ problem, about: idNamedBy(problem) });

    await deleteBurstIds(database);
    const after = await graphSnapshot(database, BOOKKEEPING_LABELS);
    const { removed, added } = snapshotDiff(before, after);
    if (removed.length + added.length > 0)
      problems.push({
        problem: `the graph outside the burst's ids changed: removed ${removed.slice(0, 3).join(' | ')}; added ${added.slice(0, 3).join(' | ')}`,
        about: '',
      });
    before = after;

    const logLines = Object.fromEntries(
      Object.entries(options.errorLog)
        .map(([line, n]) => [line, n - (logBefore[line] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    counts.violations += problems.length;
    for (const { problem, about } of problems.slice(0, 20))
      counts.findings.push({
        burst,
        seed,
        problem,
        exchanges: (typeof about === 'string'
          ? sent.filter((s) => about !== '' && touches(s, about))
          : [about]
        )
          .slice(0, 200)
          .map(describe),
        logLines,
      });
    counts.bursts++;
    counts.requestsPerSecond =
      Math.round((counts.requests / Math.max(counts.sendingSeconds, 0.001)) * 10) / 10;
    options.onBurst?.(counts.bursts, counts);
  }
  counts.sendingSeconds = Math.round(counts.sendingSeconds);
  return counts;
}

/** Sends every client's writes, the clients at once, and records the acknowledged ones. */
async function fire(
  options: BurstOptions,
  world: BurstWorld,
  clients: readonly BurstClient[],
  writes: AcknowledgedWrites,
  origin: number,
): Promise<Sent[]> {
  const sent: Sent[] = [];
  await Promise.all(
    clients.map(async ({ writer, ops }, client) => {
      for (const [op, pause] of ops) {
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
        const request = burstRequest(world, writer, op);
        const start = performance.now() - origin;
        const requestBody = JSON.stringify({ query: request.query, variables: request.variables });
        const answer = await sendRequest(
          options.url,
          'POST',
          { 'content-type': 'application/json', 'x-api-key': options.keys[writer] },
          requestBody,
        );
        const end = performance.now() - origin;
        const { codes, problems, body } = judgeResponse({
          method: 'POST',
          search: '',
          requestBody,
          status: answer.status,
          responseBody: answer.body,
        });
        const data = isRecord(body) && isRecord(body['data']) ? body['data'] : undefined;
        const acknowledged =
          answer.status === 200 && codes.length === 0 && data?.[request.field] != null;
        if (acknowledged) writes.add(request.counted, request.id, request.effects, start, end);
        sent.push({
          client,
          writer,
          op,
          start,
          end,
          target: request.id,
          status: answer.status,
          codes,
          problems,
          acknowledged,
          response: answer.body,
        });
      }
    }),
  );
  return sent.sort((a, b) => a.start - b.start);
}

/** Makes the burst's channel (SECRET), recorded as its first create. */
async function makeWorld(database: Database, world: BurstWorld, writes: AcknowledgedWrites) {
  const name = 'A channel of a concurrency burst';
  await importDocument(database.executor, {
    channels: [
      {
        id: world.channel,
        name,
        scope: 'BILATERAL',
        sources: [world.citation],
        classification: 'SECRET',
      },
    ],
  });
  writes.add(
    'create',
    world.channel,
    [
      {
        id: world.channel,
        label: 'entity',
        fields: {
          exists: true,
          name,
          acronym: null,
          notes: null,
          classification: 'SECRET',
          releasableTo: null,
        },
      },
    ],
    0,
    0,
  );
}

/** Deletes every element of a burst: the entities with its prefix, their links, and its links. */
async function deleteBurstIds(database: Database): Promise<void> {
  await database.executor.write({
    cypher:
      'MATCH ()-[r]->() WHERE r.id STARTS WITH $prefix DELETE r WITH count(*) AS links ' +
      'MATCH (n) WHERE n.id STARTS WITH $prefix AND NOT n:AuditEntry DETACH DELETE n',
    params: { prefix: BURST_PREFIX },
  });
}

/** The ids of the nodes `match` (a fixed pattern binding `n`) finds, but a burst's, sorted. */
async function idsOf(database: Database, match: string): Promise<string[]> {
  const rows = await database.executor.read({
    cypher: `${match} WITH n WHERE NOT n.id STARTS WITH $prefix RETURN n.id AS id ORDER BY id`,
    params: { prefix: BURST_PREFIX },
  });
  return rows.map((row) => row['id'] as string);
}

/** The first burst id a violation names (an entity's or a link's, up to a field's dot). */
function idNamedBy(problem: string): string {
  return new RegExp(`\\S*${BURST_PREFIX}[^\\s.,]*`).exec(problem)?.[0] ?? '';
}

/** Whether a request wrote `id`, or deleted an end of the link `id`. */
function touches(sent: Sent, id: string): boolean {
  return sent.target === id || (sent.op.kind === 'delete' && id.includes(sent.op.id));
}

function describe(s: Sent): string {
  const answer = s.codes.length > 0 ? s.codes.join(',') : s.status === 200 ? 'ok' : '';
  return `${s.start.toFixed(0)}-${s.end.toFixed(0)} ms client ${s.client} (${s.writer}) ${JSON.stringify(s.op)} -> ${s.status} ${answer}${s.status !== 200 || s.codes.includes('INTERNAL_SERVER_ERROR') ? ` ${s.response.slice(0, 300)}` : ''}`;
}
