import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../src/search/searchQuery.js';

const words = (text: string) =>
  parseSearch(text)?.words.map(({ text: word, forms, edits, prefix }) => ({
    word,
    forms,
    edits,
    prefix,
  }));

describe('parseSearch', () => {
  it('folds words as fields are, allows typos by length, and takes the last as a prefix', () => {
    expect(words('Kim Attaché Penkovski')).toEqual([
      { word: 'kim', forms: ['kim'], edits: 0, prefix: false },
      { word: 'attache', forms: ['attache'], edits: 1, prefix: false },
      { word: 'penkovski', forms: ['penkovski'], edits: 2, prefix: true },
    ]);
  });

  it('allows typos in the first 8 words long enough only', () => {
    const query = parseSearch(`kim ${'word '.repeat(9)}`);
    expect(query?.words.map((w) => w.edits)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('allows no typo in a number or a code', () => {
    expect(words('1946 S1234')).toEqual([
      { word: '1946', forms: ['1946'], edits: 0, prefix: false },
      { word: 's1234', forms: ['s1234'], edits: 0, prefix: true },
    ]);
  });

  it('spells small numbers both ways and German words both ways', () => {
    expect(parseSearch('5 Five München')?.words.map((w) => w.forms)).toEqual([
      ['5', 'five'],
      ['five', '5'],
      ['munchen', 'muenchen'],
    ]);
  });

  it('drops the operators AND, OR and NOT, and punctuation; nothing left is undefined', () => {
    expect(words('kim AND philby')?.map((w) => w.word)).toEqual(['kim', 'philby']);
    expect(words('and')?.map((w) => w.word)).toEqual(['and']);
    expect(parseSearch('OR')).toBeUndefined();
    expect(parseSearch(' " ( * ')).toBeUndefined();
  });
});
