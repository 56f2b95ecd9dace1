import {
  firstDay as firstDate,
  isPartialDate,
  lastDay as lastDate,
} from '../../src/model/partialDate.js';

// Partial dates (`1949`, `1949-10`, `1949-10-01`) stand for every day they cover, as in the
// API (docs/path-semantics.md), whose own rules (src/model/partialDate.ts) this reads them by. The
// time slider works in whole days counted from 1970-01-01.

const MS_PER_DAY = 86_400_000;

/** A span of days; an undefined end is open on that side. */
export interface DaySpan {
  readonly first: number | undefined;
  readonly last: number | undefined;
}

/** The first day a partial date covers, or undefined for null or a string that is not one. */
export function firstDay(date: string | null | undefined): number | undefined {
  return typeof date === 'string' && isPartialDate(date) ? dayOf(firstDate(date)) : undefined;
}

/** The last day a partial date covers, or undefined for null or a string that is not one. */
export function lastDay(date: string | null | undefined): number | undefined {
  return typeof date === 'string' && isPartialDate(date) ? dayOf(lastDate(date)) : undefined;
}

/** The span of a `{ from, to }` window (or an element's from/to properties). */
export function spanOf(window: { from?: unknown; to?: unknown }): DaySpan {
  return {
    first: typeof window.from === 'string' ? firstDay(window.from) : undefined,
    last: typeof window.to === 'string' ? lastDay(window.to) : undefined,
  };
}

/** Whether a day lies inside a span (open ends include everything on their side). */
export function spanIncludes(span: DaySpan, day: number): boolean {
  return (
    (span.first === undefined || span.first <= day) && (span.last === undefined || day <= span.last)
  );
}

/** The smallest span holding all of these; an open end anywhere makes that end open. */
export function spanAround(spans: readonly DaySpan[]): DaySpan | undefined {
  if (spans.length === 0) return undefined;
  const firsts = spans.map((s) => s.first);
  const lasts = spans.map((s) => s.last);
  return {
    first: firsts.includes(undefined) ? undefined : Math.min(...(firsts as number[])),
    last: lasts.includes(undefined) ? undefined : Math.max(...(lasts as number[])),
  };
}

/** `1949-10-01` for a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number of a `YYYY-MM-DD` date (parsed as UTC midnight). */
function dayOf(isoDate: string): number {
  return Date.parse(isoDate) / MS_PER_DAY;
}
