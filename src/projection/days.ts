import { BEGINNING, END } from '../model/index.js';

/** A span in day numbers; empty when `from > to`. */
export interface Days {
  readonly from: number;
  readonly to: number;
}

/**
 * An event (operation) as one reading meets it: `from`/`to` its span; `whole` set under the
 * certain reading when it has no certain day (docs/path-semantics.md, operations).
 */
export interface NEvent extends Days {
  readonly whole: Days | undefined;
}

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

/**
 * The days a piece open `from`..`to` meets an event (`meetEvent` in src/paths/steps.ts):
 * the overlap, or, for an event with no certain day under the certain reading, all the days
 * it can have been on when the piece is open on every one of them. Undefined when none.
 */
export function meetEvent(from: number, to: number, event: NEvent): [number, number] | undefined {
  const f = from > event.from ? from : event.from;
  const t = to < event.to ? to : event.to;
  if (f <= t) return [f, t];
  const whole = event.whole;
  if (whole && from <= whole.from && whole.to <= to) return [whole.from, whole.to];
  return undefined;
}

/**
 * A node's coverage (pairs `from, to`: the intervals of the pieces extended from it, none
 * inside another): whether `from..to` lies inside one of them. Inside one, not merely inside
 * their union: an operation with no certain day is met only by a piece open on all its days
 * (docs/path-semantics.md, rule 8), which two pieces covering those days together are not.
 */
export function covered(list: readonly number[] | undefined, from: number, to: number): boolean {
  if (!list) return false;
  for (let i = 0; i < list.length; i += 2)
    if ((list[i] as number) <= from && to <= (list[i + 1] as number)) return true;
  return false;
}

/** The coverage with `from..to` added: the pairs inside it dropped (none contains it). */
export function cover(list: readonly number[] | undefined, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < (list?.length ?? 0); i += 2) {
    const a = list?.[i] as number;
    const b = list?.[i + 1] as number;
    if (from <= a && b <= to) continue;
    out.push(a, b);
  }
  out.push(from, to);
  return out;
}
