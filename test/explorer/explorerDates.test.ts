import { describe, expect, it } from 'vitest';
import {
  firstDay,
  isoDay,
  lastDay,
  spanAround,
  spanIncludes,
  spanOf,
} from '../../explorer/src/dates.js';

describe("the explorer's partial dates (what its time slider compares)", () => {
  it('takes a partial date for every day it covers', () => {
    expect(isoDay(firstDay('1949') ?? NaN)).toBe('1949-01-01');
    expect(isoDay(lastDay('1949') ?? NaN)).toBe('1949-12-31');
    expect(isoDay(lastDay('1948-02') ?? NaN)).toBe('1948-02-29');
    expect(isoDay(lastDay('1951-12') ?? NaN)).toBe('1951-12-31');
    expect(isoDay(firstDay('1963-01-23') ?? NaN)).toBe('1963-01-23');
    expect(isoDay(lastDay('1963-01-23') ?? NaN)).toBe('1963-01-23');
  });

  it('reads null and what is not a partial date as an open end', () => {
    expect(firstDay(null)).toBeUndefined();
    expect(lastDay('soon')).toBeUndefined();
    expect(spanOf({ from: '1949', to: null })).toEqual({
      first: firstDay('1949'),
      last: undefined,
    });
  });

  it('includes a day in a span with open ends on their side', () => {
    const span = spanOf({ from: '1949', to: '1951' });
    expect(spanIncludes(span, firstDay('1949-01-01') ?? NaN)).toBe(true);
    expect(spanIncludes(span, lastDay('1951-12-31') ?? NaN)).toBe(true);
    expect(spanIncludes(span, firstDay('1952') ?? NaN)).toBe(false);
    expect(spanIncludes({ first: undefined, last: undefined }, 0)).toBe(true);
  });

  it('spans several windows, open where any is open', () => {
    const a = spanOf({ from: '1946', to: '1946-03' });
    const b = spanOf({ from: '1949', to: '1951' });
    expect(spanAround([a, b])).toEqual({ first: a.first, last: b.last });
    expect(spanAround([a, spanOf({ from: null, to: '1950' })])?.first).toBeUndefined();
    expect(spanAround([])).toBeUndefined();
  });
});
