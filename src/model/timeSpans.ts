import {
  firstDay,
  intervalEnds,
  isQualified,
  lastDay,
  type DateInterval,
  type PartialDate,
} from './partialDate.js';

/** Stand-ins for an unbounded start and an open end, in stored spans and intervals. */
export const BEGINNING = '0000-01-01';
export const END = '9999-12-31';

/**
 * Which span a reading of time takes (docs/path-semantics.md, "Time"): CERTAIN the inner span
 * of every element (in force throughout), POSSIBLE the outer one (in force at some time within).
 */
export type Reading = 'CERTAIN' | 'POSSIBLE';

/**
 * How an element's dates are read (docs/path-semantics.md, "Time"):
 * - `existence` (services, officers, countries, organizations): an unknown founding does not
 *   limit certainty, since every attested fact about the element shows it existing;
 * - `fact` (channels, operations): an unknown start is certain only from the earliest time a
 *   source attests the fact in force;
 * - `link` (relationships): as a fact, but a link with no dates at all holds as long as both
 *   its ends (the source states it without a time qualification).
 */
export type Dating = 'existence' | 'fact' | 'link';

/** The dates of an element as given: start, end, and when a source shows it in force. */
export interface GivenDates {
  readonly from?: PartialDate | undefined;
  readonly to?: PartialDate | undefined;
  readonly attested?: DateInterval | undefined;
}

/**
 * The days stored for an element. `validFrom`..`validTo` is the *outer* span (at some time
 * within: the widest the window can be; absent = unbounded / still open). `innerFrom`..`innerTo`
 * is the *inner* span (ongoing throughout: certainly in force), both present with `BEGINNING`
 * and `END` for unbounded sides, or both absent when nothing is certain.
 */
export interface StoredSpans {
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly innerFrom?: string;
  readonly innerTo?: string;
}

const min = (a: string, b: string): string => (a < b ? a : b);
const max = (a: string, b: string): string => (a > b ? a : b);

/**
 * The days a source attests a fact in force throughout: an unqualified date covers its days
 * (`1985`: all of 1985, as precise as the source), a qualified one only the days it covers
 * whichever day is meant (`1985~`: none), an interval from its first to its last date.
 */
export function attestedDays(attested: DateInterval): { from: string; to: string } | undefined {
  const { first, last } = intervalEnds(attested);
  const from = isQualified(first) ? lastDay(first) : firstDay(first);
  const to = isQualified(last) ? firstDay(last) : lastDay(last);
  return from <= to ? { from, to } : undefined;
}

/** The outer and inner spans of an element's dates under its dating rule. */
export function spansOf(dates: GivenDates, dating: Dating): StoredSpans {
  const { from, to, attested } = dates;
  const outer = {
    ...(from === undefined ? {} : { validFrom: firstDay(from) }),
    ...(to === undefined ? {} : { validTo: lastDay(to) }),
  };
  if (dating === 'link' && from === undefined && to === undefined && attested === undefined)
    return { ...outer, innerFrom: BEGINNING, innerTo: END };
  const seen = attested === undefined ? undefined : attestedDays(attested);
  const starts = [
    ...(from !== undefined ? [lastDay(from)] : dating === 'existence' ? [BEGINNING] : []),
    ...(seen ? [seen.from] : []),
  ];
  if (starts.length === 0) return outer;
  let innerFrom = starts.reduce(min);
  let innerTo = to === undefined ? END : firstDay(to);
  if (seen) innerTo = max(innerTo, seen.to);
  innerFrom = max(innerFrom, outer.validFrom ?? BEGINNING);
  innerTo = min(innerTo, outer.validTo ?? END);
  return innerFrom <= innerTo ? { ...outer, innerFrom, innerTo } : outer;
}

/**
 * Why an attestation cannot stand with the window it attests, or undefined: the days it
 * attests must lie inside the outer span.
 */
export function attestationProblem(dates: GivenDates): string | undefined {
  if (dates.attested === undefined) return undefined;
  const { first, last } = intervalEnds(dates.attested);
  if (dates.from !== undefined && lastDay(last) < firstDay(dates.from))
    return `it (${dates.attested}) is before the start (${dates.from})`;
  if (dates.to !== undefined && firstDay(first) > lastDay(dates.to))
    return `it (${dates.attested}) is after the end (${dates.to})`;
  return undefined;
}
