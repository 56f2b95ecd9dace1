import { BEGINNING, END } from '../model/index.js';

const numbers = new Map<string, number>();
const names = new Map<number, string>();

/**
 * Days since 0000-03-01 of the proleptic Gregorian calendar (H. Hinnant's days_from_civil), so
 * a day after another has a larger number and the next day is `+ 1`. `BEGINNING` and `END`
 * (the open ends) are days like the others. Every day a search meets comes from the graph, and
 * a search only takes maxima and minima of them, so every number it returns names a day seen
 * here (`dayName`).
 */
export function dayNumber(day: string): number {
  let n = numbers.get(day);
  if (n === undefined) {
    const y0 = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    const d = Number(day.slice(8, 10));
    const y = m <= 2 ? y0 - 1 : y0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    n = era * 146097 + doe;
    if (numbers.size > 1_000_000) {
      numbers.clear();
      names.clear();
    }
    numbers.set(day, n);
    names.set(n, day);
  }
  return n;
}

/** The day a number names (one `dayNumber` returned). */
export function dayName(n: number): string {
  const name = names.get(n);
  if (name === undefined) throw new Error(`day ${n} was never numbered`);
  return name;
}

export const FIRST_DAY = dayNumber(BEGINNING);
export const LAST_DAY = dayNumber(END);
