import type { Exchange, Judgement } from './judgeResponse.js';

/** A fault the fuzzers found that is not fixed yet, and how to recognise its responses. */
export interface KnownBug {
  readonly id: string;
  /** What is wrong, where, and what the answer should be. */
  readonly description: string;
  /** A request that shows it (POST body). */
  readonly example: string;
  /** True when this exchange's problems are this bug's and nothing else's. */
  matches(exchange: Exchange, judgement: Judgement): boolean;
}

/**
 * Faults found by fuzzing and not fixed yet, recorded so that the fuzzers keep every other check
 * while they stand (each with a test asserting its correct answer with `it.fails`). None is
 * open: the nine found so far (orderBy: null, unresolved operation names, subscriptions,
 * persisted-query versions, the 51st variable error, deeply nested imports, deleting an unlinked
 * entity, a GET URL over 16 KiB, a search text too long for Lucene) are fixed, each with a
 * regression test in test/server/fuzzFindings.int.test.ts.
 */
export const KNOWN_BUGS: readonly KnownBug[] = [];

/** The known bug behind a response's problems, if one explains them all. */
export function knownBugOf(exchange: Exchange, judgement: Judgement): string | undefined {
  return KNOWN_BUGS.find((bug) => bug.matches(exchange, judgement))?.id;
}
