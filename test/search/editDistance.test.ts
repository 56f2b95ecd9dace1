import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editsWithin } from '../../src/search/editDistance.js';

/** The optimal string alignment distance, computed in full (the test's own statement). */
function osa(a: readonly string[], b: readonly string[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}

const chars = (s: string) => Array.from(s);

describe('editsWithin', () => {
  it.each([
    ['penkovsky', 'penkovski', 1],
    ['gordievsky', 'gordievksy', 1],
    ['attache', 'attaches', 1],
    ['muenchen', 'munchen', 1],
    ['philby', 'philbey', 1],
    ['ab', 'ba', 1],
    ['kim', 'kim', 0],
  ])('counts %s to %s as %d edits', (a, b, edits) => {
    expect(editsWithin(chars(a), chars(b), 2)).toBe(edits);
  });

  it('answers undefined beyond the bound', () => {
    expect(editsWithin(chars('philby'), chars('phil'), 1)).toBeUndefined();
    expect(editsWithin(chars('khartoum'), chars('inkhartoum'), 1)).toBeUndefined();
    expect(editsWithin(chars('abcdef'), chars('badcfe'), 2)).toBeUndefined();
  });

  it('equals the full distance whenever that is within the bound', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'é'), { maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const full = osa(a, b);
        expect(editsWithin(a, b, max)).toBe(full <= max ? full : undefined);
      }),
      { numRuns: 2_000, seed: 20261206 },
    );
  });
});
