import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, tokensOf } from '../../src/search/foldedTokens.js';

const texts = (text: string) => tokensOf(text).map((token) => token.text);

describe('tokensOf', () => {
  it('folds case and accents, so attaché is attache and ÉCOLE is ecole', () => {
    expect(texts('Attaché ÉCOLE Prüm Bundesnachrichtendienst')).toEqual([
      'attache',
      'ecole',
      'prum',
      'bundesnachrichtendienst',
    ]);
  });

  it('spells out letters decomposition leaves whole, and compatibility forms', () => {
    expect(texts('Straße Ærø Łódź ﬁnal ² İstanbul')).toEqual([
      'strasse',
      'aero',
      'lodz',
      'final',
      '2',
      'istanbul',
    ]);
  });

  it('gives a word written with ä, ö or ü its German spelling too', () => {
    expect(tokensOf('München Göttingen Muenchen')).toEqual([
      { text: 'munchen', alt: 'muenchen', start: 0, end: 7 },
      { text: 'gottingen', alt: 'goettingen', start: 8, end: 17 },
      { text: 'muenchen', start: 18, end: 26 },
    ]);
  });

  it('splits at punctuation, keeping where each token stands in the original text', () => {
    const text = 'al-Qaeda’s “cell”, U.S. 1949–54';
    const tokens = tokensOf(text);
    expect(tokens.map((t) => t.text)).toEqual(['al', 'qaeda', 's', 'cell', 'u', 's', '1949', '54']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'al',
      'Qaeda',
      's',
      'cell',
      'U',
      'S',
      '1949',
      '54',
    ]);
  });

  it('keeps scripts other than Latin, lowercased, their marks folded too (й is и with a breve)', () => {
    expect(texts('Пеньковский ГРУ')).toEqual(['пеньковскии', 'гру']);
  });

  it(`cuts a token at ${MAX_TOKEN_LENGTH} code points`, () => {
    expect(texts('x'.repeat(500))).toEqual(['x'.repeat(MAX_TOKEN_LENGTH)]);
  });

  it('finds no token in punctuation or Lucene syntax', () => {
    expect(texts('" ( * ~ : \\ / ^ [ ] { } && || !')).toEqual([]);
  });
});
