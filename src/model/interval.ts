import { BEGINNING, END } from './timeSpans.js';

/**
 * A closed interval of days, `YYYY-MM-DD` strings (which compare like dates): the one time
 * vocabulary of the code. An open or unknown end is `BEGINNING` / `END`, never null; Cypher
 * parameters and answers turn those into null at the edge (`openEnds`, `windowParams`).
 */
export interface Interval {
  readonly from: string;
  readonly to: string;
}

/** The interval of no day (what nothing certain is): it meets no other. */
export const NEVER: Interval = { from: END, to: BEGINNING };

/**
 * The inner span of a stored element (`innerFrom`/`innerTo`, src/model/timeSpans.ts): the days
 * it is certainly in force, `NEVER` when none.
 */
export const certainty = (
  from: string | null | undefined,
  to: string | null | undefined,
): Interval => (from && to ? { from, to } : NEVER);

/** The interval of a stored validity (`validFrom`/`validTo`, null = unknown start / open end). */
export const validity = (
  from: string | null | undefined,
  to: string | null | undefined,
): Interval => ({
  from: from ?? BEGINNING,
  to: to ?? END,
});

/** The intersection, or undefined when empty. */
export function intersect(a: Interval, b: Interval): Interval | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : undefined;
}

/** Intersection of several; undefined when empty. */
export function intersectAll(first: Interval, ...rest: readonly Interval[]): Interval | undefined {
  let out: Interval | undefined = first;
  for (const next of rest) {
    if (out === undefined) return undefined;
    out = intersect(out, next);
  }
  return out;
}

const nextDays = new Map<string, string>();

/** The day after (memoised: a graph has a few thousand distinct days). */
function nextDay(day: string): string {
  if (day >= END) return END;
  let next = nextDays.get(day);
  if (next === undefined) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    next = date.toISOString().slice(0, 10).padStart(10, '0');
    if (nextDays.size > 1_000_000) nextDays.clear();
    nextDays.set(day, next);
  }
  return next;
}

/** Sorted, merged union (touching intervals merge: day after day). */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out.at(-1);
    if (last && interval.from <= nextDay(last.to)) {
      out[out.length - 1] = { from: last.from, to: interval.to > last.to ? interval.to : last.to };
    } else out.push(interval);
  }
  return out;
}

/** True when `interval` lies inside one of `coverage`'s intervals. */
export function coveredBy(interval: Interval, coverage: readonly Interval[]): boolean {
  return coverage.some((c) => c.from <= interval.from && interval.to <= c.to);
}

/** A partial-date-free rendering for answers: unknown / open ends become null. */
export const openEnds = (interval: Interval): { from: string | null; to: string | null } => ({
  from: interval.from === BEGINNING ? null : interval.from,
  to: interval.to === END ? null : interval.to,
});
