import { describe, expect, it } from 'vitest';
import { scoreEntity } from '../../src/search/scoreEntity.js';
import { parseSearch } from '../../src/search/searchQuery.js';
import { searchableFieldsOf, searchPropsOf, storedFieldsOf } from '../../src/search/searchProps.js';

const quote = (text: string) => JSON.stringify({ source: 'doc', lines: [1, 1], quote: text });

const penkovsky = {
  id: 'oleg-penkovsky',
  name: 'Oleg Penkovsky',
  aliases: ['Oleg Vladimirovich Penkovsky', 'HERO', 'YOGA'],
  notes: 'GRU colonel run jointly by SIS and the CIA.',
  citations: [
    quote('UK-US handling of Oleg Penkovski in the 1960s'),
    '{"source":"wp","section":"Lead"}',
  ],
};

/** The score of an entity's properties, read as stored and as written: both must agree. */
const score = (props: Record<string, unknown>, text: string) => {
  const query = parseSearch(text);
  if (query === undefined) throw new Error('no words');
  const fields = searchableFieldsOf(props);
  const scored = scoreEntity(fields, query);
  expect(scoreEntity(storedFieldsOf(searchPropsOf(props).searchText), query)).toEqual(scored);
  const field = scored && fields[scored.field];
  return (
    scored &&
    field && {
      score: scored.score,
      field: field.field,
      text: field.text,
      matched: scored.matched.map((i) => field.tokens[i]?.text),
    }
  );
};

describe('scoreEntity', () => {
  it('weighs each word by its best field: weight × match / √tokens, plus a whole-field bonus', () => {
    // NAME: 4 × 1 / √2 for each word, and the name is exactly the words: + 4.
    expect(score(penkovsky, 'oleg penkovsky')).toEqual({
      score: 2 * (4 / Math.SQRT2) + 4,
      field: 'NAME',
      text: 'Oleg Penkovsky',
      matched: ['oleg', 'penkovsky'],
    });
    // A typo in the name (0.4) outweighs the exact word in a quote of 9 tokens (1 / 3).
    expect(score(penkovsky, 'Penkovski')).toEqual({
      score: (4 * 0.4) / Math.SQRT2,
      field: 'NAME',
      text: 'Oleg Penkovsky',
      matched: ['penkovsky'],
    });
    // The last word begun: 0.5.
    expect(score(penkovsky, 'yog')?.score).toBe((2 * 0.5) / 1);
    // An alias that is exactly the text: its weight (2) added to 2 × 1 / √1.
    expect(score(penkovsky, 'hero')).toMatchObject({ score: 4, field: 'ALIAS', text: 'HERO' });
  });

  it('finds words of the notes and of quotes, each quote a field of its own', () => {
    expect(score(penkovsky, 'colonel')).toEqual({
      score: 1 / Math.sqrt(9),
      field: 'NOTES',
      text: 'GRU colonel run jointly by SIS and the CIA.',
      matched: ['colonel'],
    });
    expect(score(penkovsky, '1960s')).toMatchObject({
      field: 'QUOTE',
      text: 'UK-US handling of Oleg Penkovski in the 1960s',
    });
  });

  it('is undefined when a word matches no field, however well the others match', () => {
    expect(score(penkovsky, 'oleg penkovsky kgb')).toBeUndefined();
  });

  it('shows the field that matches the most words, though another scores more', () => {
    expect(score(penkovsky, 'penkovsky colonel')).toMatchObject({ field: 'NAME' });
    expect(score(penkovsky, 'colonel jointly')).toMatchObject({
      field: 'NOTES',
      matched: ['colonel', 'jointly'],
    });
    const ukusa = {
      name: 'UKUSA Agreement (1946 US-UK SIGINT agreement)',
      aliases: ['UK-USA Agreement'],
    };
    expect(score(ukusa, 'UK-USA')).toMatchObject({
      field: 'ALIAS',
      text: 'UK-USA Agreement',
      matched: ['uk', 'usa'],
    });
  });

  it('matches two words of a name written as one, only whole', () => {
    const fiveEyes = { name: 'Five Eyes intelligence alliance', aliases: ['Five Eyes', 'FVEY'] };
    expect(score(fiveEyes, 'FiveEyes')).toEqual({
      score: 4 / 2,
      field: 'NAME',
      text: 'Five Eyes intelligence alliance',
      matched: ['five', 'eyes'],
    });
    expect(score(fiveEyes, '5 eyes')).toMatchObject({ score: 2 + 2 + 2, field: 'NAME' });
    // `eyes` begins `eyesintelligence`, which is no word anyone typed: only `eyes` is marked.
    expect(score(fiveEyes, 'eyes')).toMatchObject({ matched: ['eyes'] });
    expect(score({ name: 'Tracking bin Ladin in Khartoum' }, 'khartoum')).toMatchObject({
      matched: ['khartoum'],
    });
  });

  it('reads München and Muenchen as one word, either way', () => {
    expect(score({ name: 'Liaison office München' }, 'muenchen')).toMatchObject({
      score: 4 / Math.sqrt(3),
    });
    expect(score({ name: 'Liaison office Muenchen' }, 'München')).toMatchObject({
      score: 4 / Math.sqrt(3),
    });
  });
});

describe('searchPropsOf', () => {
  it('stores each distinct term once, and each field’s tokens a line each', () => {
    expect(
      searchPropsOf({
        name: 'Five Eyes',
        aliases: ['FVEY'],
        notes: 'München, five',
        citations: [quote('Eyes only')],
      }),
    ).toEqual({
      searchTerms: 'five fiveeyes eyes fvey munchen muenchen only',
      searchText: 'NAME five eyes\nALIAS fvey\nNOTES munchen/muenchen five\nQUOTE eyes only',
    });
  });
});
