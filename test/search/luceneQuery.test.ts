import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editsWithin } from '../../src/search/editDistance.js';
import { fuzzyPattern, luceneQueryOf } from '../../src/search/luceneQuery.js';
import { parseSearch, type SearchWord } from '../../src/search/searchQuery.js';

const lucene = (text: string) => {
  const query = parseSearch(text);
  return query === undefined ? undefined : luceneQueryOf(query);
};

/** Lucene's regular expression as JavaScript ones: `a&b` is both a and b. */
const matchesPattern = (pattern: string, term: string): boolean =>
  pattern.split('&').every((part) => new RegExp(`^(?:${part})$`, 'su').test(term));

/** One random edit: insert, delete, replace or swap neighbours. */
function edit(chars: string[], kind: number, at: number, letter: string): string[] {
  const i = at % (chars.length + 1);
  const out = [...chars];
  if (kind === 0) out.splice(i, 0, letter);
  else if (kind === 1 && out.length > 0) out.splice(i % out.length, 1);
  else if (kind === 2 && out.length > 0) out[i % out.length] = letter;
  else if (out.length > 1) {
    const j = i % (out.length - 1);
    [out[j], out[j + 1]] = [out[j + 1] as string, out[j] as string];
  }
  return out;
}

const wordOf = (text: string): SearchWord => {
  const word = parseSearch(text)?.words[0];
  if (word === undefined) throw new Error(`no word in ${text}`);
  return word;
};

describe('luceneQueryOf', () => {
  it('asks for each word, its typos, and the last word as a prefix', () => {
    expect(lucene('kim')).toBe('(kim OR kim*)');
    expect(lucene('MI6 kim')).toBe('(mi6) AND (kim OR kim*)');
    expect(lucene('Phil')).toBe(
      '(phil OR phil* OR /.phil|p.hil|ph.il|phi.l|phil.|.?hil|p.?il|ph.?l|phi.?|hpil|pihl|phli/)',
    );
    expect(lucene('Penkovski 1962')).toBe(
      '(penkovski OR /.{7,11}&(.{0,2}p.*|.{0,3}en.*|.{1,5}ko.*|.*vs.{0,4}|.*ki.{0,2})/) AND (1962 OR 1962*)',
    );
  });

  it('asks for every spelling: German, and small numbers as words', () => {
    expect(lucene('München 5')).toBe(
      '(munchen OR muenchen OR /.munchen|m.unchen|mu.nchen|mun.chen|munc.hen|munch.en|munche.n|munchen.|.?unchen|m.?nchen|mu.?chen|mun.?hen|munc.?en|munch.?n|munche.?|umnchen|mnuchen|mucnhen|munhcen|muncehn|munchne/) AND (5 OR five OR 5* OR five*)',
    );
  });

  it('reads Lucene syntax in the text as punctuation between words', () => {
    expect(lucene('title:"x" OR *')).toBe(
      '(title OR /.title|t.itle|ti.tle|tit.le|titl.e|title.|.?itle|t.?tle|ti.?le|tit.?e|titl.?|ittle|ttile|tilte|titel/) AND (x OR x*)',
    );
    expect(lucene('kim" AND (philby~2) NOT [a TO z]^3')).toBe(lucene('kim philby 2 a to z 3'));
    expect(lucene('" ( * && || ! \\ /')).toBeUndefined();
    expect(lucene('AND OR NOT')).toBeUndefined();
  });

  it('builds nothing but words, prefixes and its own patterns from any text', () => {
    const alternative = /^(?:[\p{L}\p{N}]+\*?|\/[\p{L}\p{N}.?|{},&()*]+\/)$/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const query = lucene(text);
        if (query === undefined) return;
        for (const clause of query.split(' AND ')) {
          expect(clause.startsWith('(') && clause.endsWith(')')).toBe(true);
          for (const part of clause.slice(1, -1).split(' OR ')) expect(part).toMatch(alternative);
        }
      }),
      { numRuns: 1_000, seed: 20261206 },
    );
  });
});

describe('fuzzyPattern', () => {
  it('allows no typo in short words, numbers, codes or words over 30 letters', () => {
    for (const text of ['kim', '1946', 's1234', 'x'.repeat(31)])
      expect(fuzzyPattern(wordOf(text))).toBeUndefined();
  });

  it('matches every term within the edits a word allows (one from 4 letters, two from 8)', () => {
    const letters = fc.constantFrom(...'abcdeoéü'.split(''));
    fc.assert(
      fc.property(
        fc.array(letters, { minLength: 4, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(40), letters), { minLength: 1, maxLength: 2 }),
        (chars, edits) => {
          const word = wordOf(chars.join(''));
          const term = edits.reduce(
            (t, [kind, at, letter]) => edit(t, kind, at, letter),
            [...word.chars],
          );
          const pattern = fuzzyPattern(word);
          if (pattern === undefined || term.length === 0) return;
          const within = editsWithin(word.chars, term, word.edits) !== undefined;
          if (within) expect(matchesPattern(pattern, term.join(''))).toBe(true);
        },
      ),
      { numRuns: 3_000, seed: 20261206 },
    );
  });

  it('does not match what is clearly far from the word', () => {
    expect(matchesPattern(fuzzyPattern(wordOf('attache')) ?? '', 'attaches')).toBe(true);
    expect(matchesPattern(fuzzyPattern(wordOf('attache')) ?? '', 'attachment')).toBe(false);
    expect(matchesPattern(fuzzyPattern(wordOf('penkovski')) ?? '', 'penkovsky')).toBe(true);
    expect(matchesPattern(fuzzyPattern(wordOf('penkovski')) ?? '', 'pen')).toBe(false);
  });
});
