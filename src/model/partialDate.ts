/**
 * Partial dates: a year (`1949`), a year and month (`1949-10`) or a full date (`1949-10-01`),
 * the precision the sources give. A partial date denotes an interval of days; comparisons use
 * its first and last day so that "1949" overlaps "1949-10-01".
 */
export type PartialDate = string;

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Checks a partial date. Returns undefined when valid, else a sentence saying what is wrong,
 * fit to follow "expected YYYY, YYYY-MM or YYYY-MM-DD".
 */
export function partialDateProblem(text: string): string | undefined {
  const match = SHAPE.exec(text);
  if (!match) return 'the shape is not YYYY, YYYY-MM or YYYY-MM-DD';
  const [, year, month, day] = match;
  if (Number(year) < 1) return 'year 0000 does not exist';
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12))
    return `month ${month} is not 01-12`;
  if (day !== undefined && month !== undefined) {
    const last = daysInMonth(Number(year), Number(month));
    if (Number(day) < 1 || Number(day) > last)
      return `day ${day} is not 01-${last} in ${year}-${month}`;
  }
  return undefined;
}

/** True when `text` is a valid partial date. */
export const isPartialDate = (text: string): boolean => partialDateProblem(text) === undefined;

/** The first day a partial date can denote, as `YYYY-MM-DD`. */
export function firstDay(date: PartialDate): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The last day a partial date can denote, as `YYYY-MM-DD`. */
export function lastDay(date: PartialDate): string {
  const [year = '0000', month, day] = date.split('-');
  if (month === undefined) return `${year}-12-31`;
  if (day === undefined)
    return `${year}-${month}-${String(daysInMonth(Number(year), Number(month))).padStart(2, '0')}`;
  return date;
}

/**
 * True when a window that starts at `from` can end at `to`: the earliest day of `from` is not
 * after the last day of `to` ("1949" to "1949-03" is ordered; "1950" to "1949" is not).
 */
export function isOrdered(from: PartialDate, to: PartialDate): boolean {
  return firstDay(from) <= lastDay(to);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
