import { describe, expect, it } from 'vitest';
import { firstDay, spanOf } from '../../explorer/src/dates.js';
import { dayState, elementDays } from '../../explorer/src/elementDays.js';
import type { ResultRow, RowWindow } from '../../explorer/src/resultRows.js';

// Robert Hanssen's FBI as the API answers it: reached at hop 0 in two certain windows, the
// explaining path being the first one's; and a channel reached only possibly, through the FBI.
const serves = { nodes: ['robert-hanssen', 'fbi'], links: ['robert-hanssen/SERVES/fbi'] };
const toChannel = {
  nodes: ['robert-hanssen', 'fbi', 'us-ic', 'pme-exchange'],
  links: ['robert-hanssen/SERVES/fbi', 'fbi/PART_OF/us-ic', 'us-ic/PARTY_TO/pme-exchange'],
};

function window(certainty: RowWindow['certainty'], from: string, to: string, path = serves) {
  return { certainty, from, to, span: spanOf({ from, to }), hops: 0, exposure: 1, path };
}

function row(id: string, certainty: ResultRow['certainty'], windows: RowWindow[]): ResultRow {
  const [first] = windows;
  if (!first) throw new Error('a row has a window');
  return {
    id,
    kind: 'service',
    title: id,
    detail: '',
    hops: first.hops,
    path: first.path,
    window: first.span,
    certainty,
    windows,
  };
}

const rows = [
  row('fbi', 'CERTAIN', [
    window('CERTAIN', '1979-12-31', '1981-01-01'),
    window('CERTAIN', '1985-10-31', '2001-02-18'),
  ]),
  row('pme-exchange', 'POSSIBLE', [window('POSSIBLE', '1979-01-01', '1981-12-31', toChannel)]),
];
const day = (iso: string) => firstDay(iso) ?? NaN;
const none = { first: undefined, last: undefined };

describe("the explorer's days of a drawn element (what the day slider dims)", () => {
  it('reads every window of a reached element, not only its explaining path’s', () => {
    const fbi = elementDays('fbi', rows, none);
    expect(dayState(fbi, day('1990-06-01'))).toBe('certain');
    expect(dayState(fbi, day('1980-06-01'))).toBe('certain');
    expect(dayState(fbi, day('1983-06-01'))).toBe('out-of-time');
    expect(dayState(fbi, undefined)).toBe('certain');
  });

  it('gives a link the windows of every path through it, certain or possible', () => {
    const link = elementDays('robert-hanssen/SERVES/fbi', rows, none);
    expect(dayState(link, day('1990-06-01'))).toBe('certain');
    // Only the possible path to the channel uses it in 1981 after the certain window closed.
    expect(dayState(link, day('1981-06-01'))).toBe('possible');
    const partOf = elementDays('fbi/PART_OF/us-ic', rows, none);
    expect(dayState(partOf, undefined)).toBe('possible');
    expect(dayState(partOf, day('1990-06-01'))).toBe('out-of-time');
  });

  it('marks what only possible windows reach as possible, and keeps its own dates when no path passes', () => {
    expect(dayState(elementDays('pme-exchange', rows, none), undefined)).toBe('possible');
    const own = spanOf({ from: '1908-07-26', to: null });
    const apart = elementDays('somewhere-else', rows, own);
    expect(apart).toEqual({ certain: [own], possible: [] });
    expect(dayState(apart, day('1900-01-01'))).toBe('out-of-time');
    expect(dayState(apart, day('1950-01-01'))).toBe('certain');
  });
});
