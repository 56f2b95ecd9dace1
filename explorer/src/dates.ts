// Partial dates (`1949`, `1949-10`, `1949-10-01`) stand for every day they cover, as in the
// API (docs/path-semantics.md). The time slider works in whole days counted from 1970-01-01.

const MS_PER_DAY = 86_400_000;
const PARTIAL_DATE = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A span of days; an undefined end is open on that side. */
export interface DaySpan {
  readonly first: number | undefined;
  readonly last: number | undefined;
}

/** The first day a partial date covers, or undefined for null or a string that is not one. */
export function firstDay(date: string | null | undefined): number | undefined {
  const parts = partsOf(date);
  if (!parts) return undefined;
  return dayNumber(parts.year, parts.month ?? 1, parts.day ?? 1);
}

/** The last day a partial date covers, or undefined for null or a string that is not one. */
export function lastDay(date: string | null | undefined): number | undefined {
  const parts = partsOf(date);
  if (!parts) return undefined;
  if (parts.day !== undefined) return dayNumber(parts.year, parts.month ?? 1, parts.day);
  if (parts.month !== undefined) return dayNumber(parts.year, parts.month + 1, 1) - 1;
  return dayNumber(parts.year + 1, 1, 1) - 1;
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

function dayNumber(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as given; month 13 rolls over to
  // January of the next year, which lastDay relies on.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(0, 0, 0, 0);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function partsOf(
  date: string | null | undefined,
): { year: number; month: number | undefined; day: number | undefined } | undefined {
  if (typeof date !== 'string') return undefined;
  const match = PARTIAL_DATE.exec(date);
  if (!match) return undefined;
  return {
    year: Number(match[1]),
    month: match[2] === undefined ? undefined : Number(match[2]),
    day: match[3] === undefined ? undefined : Number(match[3]),
  };
}
