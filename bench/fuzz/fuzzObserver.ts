import type { Database } from '../../src/neo4j/index.js';
import { graphSnapshot, snapshotDiff, type GraphSnapshot } from './graphSnapshot.js';
import { judgeResponse, type Exchange } from './judgeResponse.js';
import { knownBugOf } from './knownBugs.js';
import { writeEffect } from './writeEffect.js';

/** An exchange with where it came from, for the counts. */
export interface ObservedExchange extends Exchange {
  /** The kind of input (`operation`, `malformed-body`, ...; `schemathesis` for its requests). */
  readonly kind: string;
  /** Who the request claimed to be. */
  readonly caller: string;
}

/** A broken rule: the request and the response that show it. */
export interface Finding {
  readonly problem: string;
  /** Which request of the run it was (1 for the first), to replay it from the seed. */
  readonly sequence: number;
  readonly kind: string;
  readonly caller: string;
  readonly request: string;
  readonly status: number;
  readonly response: string;
}

/** What a run of one fuzzer tried and what the API answered. */
export interface FuzzCounts {
  /** Requests sent. */
  inputs: number;
  byKind: Record<string, number>;
  byCaller: Record<string, number>;
  byStatus: Record<string, number>;
  /** Errors by `extensions.code`, over all responses. */
  errorsByCode: Record<string, number>;
  /** Responses with no error at all. */
  answeredWithoutErrors: number;
  /** Mutations that ran and were refused, each followed by a comparison of the whole graph. */
  refusedWrites: number;
  /** Mutations that wrote (the graph is read again after each). */
  acceptedWrites: number;
  /** Comparisons of the graph with what it was before refused requests. */
  graphComparisons: number;
  /** Responses that break the contract in a way already recorded in knownBugs.ts, by bug. */
  knownBugs: Record<string, number>;
  /** Every other broken rule. */
  findings: Finding[];
}

/** The verdict on one exchange, as the proxy reports it to Schemathesis. */
export interface Verdict {
  readonly problems: readonly string[];
  readonly knownBug: string | undefined;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

const clip = (text: string, max = 1_500) =>
  text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;

/**
 * Judges every exchange of a fuzz run and keeps the database under watch: the whole graph is
 * compared with its last known state after each refused mutation and after every `batch`
 * other requests (which must not write either); after a mutation that wrote, the graph is read
 * again. Exchanges are handled one at a time, in the order they are given.
 */
export class FuzzObserver {
  readonly counts: FuzzCounts = {
    inputs: 0,
    byKind: {},
    byCaller: {},
    byStatus: {},
    errorsByCode: {},
    answeredWithoutErrors: 0,
    refusedWrites: 0,
    acceptedWrites: 0,
    graphComparisons: 0,
    knownBugs: {},
    findings: [],
  };
  private pending: (ObservedExchange & { sequence: number })[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly database: Database,
    private expected: GraphSnapshot,
    private readonly batch: number,
  ) {}

  /** Starts watching `database` from its current state. */
  static async start(database: Database, batch = 25): Promise<FuzzObserver> {
    return new FuzzObserver(database, await graphSnapshot(database), batch);
  }

  /** Judges one exchange (after those observed before it) and returns the verdict. */
  observe(exchange: ObservedExchange): Promise<Verdict> {
    const next = this.queue.then(() => this.handle(exchange));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Compares the graph once more for the requests since the last comparison. */
  async finish(): Promise<FuzzCounts> {
    await this.queue;
    if (this.pending.length > 0) await this.compare();
    return this.counts;
  }

  private async handle(exchange: ObservedExchange): Promise<Verdict> {
    const c = this.counts;
    c.inputs++;
    bump(c.byKind, exchange.kind);
    bump(c.byCaller, exchange.caller);
    bump(c.byStatus, String(exchange.status));
    const judgement = judgeResponse(exchange);
    for (const code of judgement.codes) bump(c.errorsByCode, code);
    if (judgement.codes.length === 0) c.answeredWithoutErrors++;
    let knownBug: string | undefined;
    if (judgement.problems.length > 0) {
      knownBug = knownBugOf(exchange, judgement);
      if (knownBug !== undefined) bump(c.knownBugs, knownBug);
      else for (const problem of judgement.problems) this.find(problem, exchange);
    }
    const effect = writeEffect(
      exchange.method,
      exchange.search,
      exchange.requestBody,
      judgement.body,
    );
    const before = c.findings.length;
    if (effect === 'accepted') {
      c.acceptedWrites++;
      this.pending = [];
      this.expected = await graphSnapshot(this.database);
    } else {
      this.pending.push({ ...exchange, sequence: c.inputs });
      if (effect === 'refused') c.refusedWrites++;
      if (effect === 'refused' || this.pending.length >= this.batch) await this.compare();
    }
    const problems = [...judgement.problems, ...c.findings.slice(before).map((f) => f.problem)];
    return { problems, knownBug };
  }

  private async compare(): Promise<void> {
    const now = await graphSnapshot(this.database);
    this.counts.graphComparisons++;
    const { removed, added } = snapshotDiff(this.expected, now);
    if (removed.length > 0 || added.length > 0) {
      const suspects = this.pending.slice(-3);
      const problem = `the graph changed over ${this.pending.length} refused or read-only request(s): removed ${clip(removed.slice(0, 3).join(' | '), 600)}; added ${clip(added.slice(0, 3).join(' | '), 600)}`;
      for (const suspect of suspects) this.find(problem, suspect);
    }
    this.expected = now;
    this.pending = [];
  }

  private find(problem: string, exchange: ObservedExchange & { sequence?: number }): void {
    this.counts.findings.push({
      problem,
      sequence: exchange.sequence ?? this.counts.inputs,
      kind: exchange.kind,
      caller: exchange.caller,
      request: clip(`${exchange.method} /graphql${exchange.search} ${exchange.requestBody}`),
      status: exchange.status,
      response: clip(exchange.responseBody),
    });
  }
}
