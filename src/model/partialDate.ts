import { parse } from 'edtf';

/**
 * Dates as the sources give them, in EDTF (ISO 8601-2, levels 0 and 1), parsed by the
 * maintained `edtf` package: a year (`1949`), a month (`1949-10`), a day (`1949-10-01`), each
 * optionally approximate (`1950~`), uncertain (`1944?`) or both (`1944%`), with unspecified
 * trailing digits (`195X`: some year of the 1950s; `1985-XX`: some month of 1985). Plain
 * partial dates (the earlier format) are EDTF dates too.
 *
 * A date stands for the days it can denote: `1949` for 1949-01-01 to 1949-12-31, `195X` for
 * 1950-01-01 to 1959-12-31. A qualified date (`~`, `?`, `%`) widens that by one unit of its
 * precision on each side: `2014~` can be any day of 2013-2015, `1950-10?` any day of
 * September to November 1950 (docs/path-semantics.md, "Time").
 */
export type PartialDate = string;

/** An EDTF interval of two dates (`1984/1985-11`), used for attestations. */
export type DateInterval = string;

/** Year 1 to 9999 as four digits (the days of the dataset's and the API's vocabulary). */
const DATE = /^\d{3}[\dX]|^\d{2}XX/;

interface Parsed {
  readonly values: readonly number[];
  readonly unspecified?: number;
  readonly approximate?: boolean | number;
  readonly uncertain?: boolean | number;
}

/** The calendar problem of a specified month or day (`1949-13`, `1951-02-29`), if any. */
function calendarProblem(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?[~?%]?$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12) return `month ${month} is not 01-12`;
  if (day === undefined) return undefined;
  const last = daysInMonth(Number(year), Number(month));
  if (Number(day) < 1 || Number(day) > last)
    return `day ${day} is not 01-${last} in ${year}-${month}`;
  return undefined;
}

/**
 * Dates parsed before: a graph has a few thousand distinct dates, and an answer may carry the
 * same ones thousands of times (every path window is checked by the PartialDate scalar), while
 * the EDTF parser builds a parser per call.
 */
const parsedDates = new Map<string, Parsed | string>();

function parseDate(text: string): Parsed | string {
  let parsed = parsedDates.get(text);
  if (parsed === undefined) {
    parsed = parseDateAnew(text);
    if (parsedDates.size >= 100_000) parsedDates.clear();
    parsedDates.set(text, parsed);
  }
  return parsed;
}

function parseDateAnew(text: string): Parsed | string {
  if (!DATE.test(text)) return 'the shape is not YYYY, YYYY-MM or YYYY-MM-DD';
  const calendar = calendarProblem(text);
  if (calendar !== undefined) return calendar;
  let parsed: { type?: string; values?: unknown; level?: number };
  try {
    parsed = parse(text) as typeof parsed;
  } catch {
    return 'it is not an EDTF date';
  }
  if (parsed.type !== undefined && parsed.type !== 'Date') return `it is an EDTF ${parsed.type}`;
  const value = parsed as Parsed;
  if (!Array.isArray(value.values) || value.values.length === 0) return 'it is not an EDTF date';
  const year = Number(value.values[0]);
  if (year < 1 || year > 9999) return 'the year is not 0001-9999';
  if (typeof value.approximate === 'number' || typeof value.uncertain === 'number')
    return 'a qualifier may only follow the whole date (e.g. 1950~, 1950-10?)';
  return value;
}

/**
 * Checks a date. Returns undefined when valid, else a sentence saying what is wrong, fit to
 * follow "expected an EDTF date".
 */
export function partialDateProblem(text: string): string | undefined {
  const parsed = parseDate(text);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** True when `text` is a valid date. */
export const isPartialDate = (text: string): boolean => partialDateProblem(text) === undefined;

/** Whether a date is qualified (approximate, uncertain or both). */
export const isQualified = (text: PartialDate): boolean => /[~?%]$/.test(text);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number): string =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
const daysInMonth = (year: number, month: number): number => {
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
};

/** The first and last day of a date's own extent (before a qualifier widens it). */
function extent(text: PartialDate): {
  first: [number, number, number];
  last: [number, number, number];
  precision: number;
} {
  const bare = text.replace(/[~?%]$/, '');
  const [y = '', m, d] = bare.split('-');
  const firstYear = Number(y.replaceAll('X', '0'));
  const lastYear = Number(y.replaceAll('X', '9'));
  if (m === undefined) return { first: [firstYear, 1, 1], last: [lastYear, 12, 31], precision: 1 };
  const firstMonth = m === 'XX' ? 1 : Number(m);
  const lastMonth = m === 'XX' ? 12 : Number(m);
  if (d === undefined)
    return {
      first: [firstYear, firstMonth, 1],
      last: [lastYear, lastMonth, daysInMonth(lastYear, lastMonth)],
      precision: 2,
    };
  return {
    first: [firstYear, firstMonth, d === 'XX' ? 1 : Number(d)],
    last: [lastYear, lastMonth, d === 'XX' ? daysInMonth(lastYear, lastMonth) : Number(d)],
    precision: 3,
  };
}

/** Moves a day by `by` units of the precision (1 year, 2 month, 3 day), clamped to years 1-9999. */
function shift(
  [year, month, day]: [number, number, number],
  precision: number,
  by: number,
): string {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month - 1, 1);
  if (precision === 1) date.setUTCFullYear(year + by);
  if (precision === 2) date.setUTCMonth(month - 1 + by);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  if (y < 1) return '0001-01-01';
  if (y > 9999) return '9999-12-31';
  const last = daysInMonth(y, m);
  if (precision !== 3) return iso(y, m, by < 0 ? 1 : last);
  date.setUTCDate(Math.min(day, last) + by);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The first day a date can denote, as `YYYY-MM-DD`. */
export function firstDay(date: PartialDate): string {
  const { first, precision } = extent(date);
  return isQualified(date) ? shift(first, precision, -1) : iso(...first);
}

/** The last day a date can denote, as `YYYY-MM-DD`. */
export function lastDay(date: PartialDate): string {
  const { last, precision } = extent(date);
  return isQualified(date) ? shift(last, precision, 1) : iso(...last);
}

/**
 * True when a window that starts at `from` can end at `to`: the earliest day of `from` is not
 * after the last day of `to` ("1949" to "1949-03" is ordered; "1950" to "1949" is not).
 */
export function isOrdered(from: PartialDate, to: PartialDate): boolean {
  return firstDay(from) <= lastDay(to);
}

/**
 * Checks an attestation: one date, or an interval of two (`1984/1985-11`). Returns undefined
 * when valid, else what is wrong.
 */
export function dateIntervalProblem(text: string): string | undefined {
  const parts = text.split('/');
  if (parts.length > 2) return 'expected one date or two dates separated by "/"';
  for (const part of parts) {
    const problem = partialDateProblem(part);
    if (problem !== undefined) return `"${part}": ${problem}`;
  }
  const [first = '', last = first] = parts;
  if (!isOrdered(first, last)) return `it ends (${last}) before it starts (${first})`;
  return undefined;
}

/** The dates at the ends of an attestation (one date is both). */
export function intervalEnds(text: DateInterval): { first: PartialDate; last: PartialDate } {
  const [first = '', last = first] = text.split('/');
  return { first, last };
}
