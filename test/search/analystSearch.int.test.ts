import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/testApi.js';
import { searchHits, shown } from './searchRequest.js';

/** The historical dataset, searched as an admin. */
const api = useTestApi();

/** The first hits of a search, each as `id FIELD snippet` with the matched words in [brackets]. */
async function top(text: string, first = 5): Promise<string[]> {
  const response = await searchHits(api.server.url, text, first);
  expect(response.errors).toBeUndefined();
  return (response.data?.search ?? []).map(shown);
}

const SPANISH_ATTACHES = ['jordan', 'libya', 'mauritania', 'morocco', 'syria'].map(
  (country) =>
    `spain-${country} NAME Spanish counter-terrorism [attaché] in ${country[0]?.toUpperCase()}${country.slice(1)}`,
);

describe('search as analysts type, on the historical dataset', () => {
  it.each(['attache', 'attaché', 'ATTACHE'])(
    'finds the attaché channels for %j: accents and case folded',
    async (text) => {
      expect(await top(text)).toEqual(SPANISH_ATTACHES);
    },
  );

  it('finds Penkovsky for "Penkovski": the name a typo away first, then the quote spelt so', async () => {
    expect(await top('Penkovski', 4)).toEqual([
      'oleg-penkovsky NAME Oleg [Penkovsky]',
      'penkovsky-handling NAME Joint SIS-CIA handling of Oleg [Penkovsky]',
      'sis-cia QUOTE UK-US handling of Oleg [Penkovski] in the 1960s',
      'us-andsf QUOTE …roughly seen in the joint handling of Oleg [Penkovski] case',
    ]);
  });

  it('finds Gordievsky for a name typed with two letters swapped', async () => {
    expect(await top('Gordievksy')).toEqual([
      'oleg-gordievsky NAME Oleg [Gordievsky]',
      'pimlico NAME Exfiltration of Oleg [Gordievsky]',
    ]);
  });

  it.each(['Five Eyes', 'five-eyes', '5 eyes', 'FiveEyes', 'FVEY'])(
    'finds the Five Eyes channel for %j',
    async (text) => {
      const [first, ...rest] = await top(text);
      expect(first).toMatch(/^five-eyes (NAME|ALIAS) /);
      expect(rest).toEqual([]);
    },
  );

  it('finds the NATO organisation, then the channels that name it', async () => {
    expect(await top('NATO', 4)).toEqual([
      'nato ALIAS [NATO]',
      'nato-intelligence-liaison NAME Intelligence liaison in [NATO]',
      'nato-special-committee NAME [NATO] Special Committee (AC/46)',
      'russian-pressure-on-nato NAME Russian efforts to undermine US influence and [NATO]',
    ]);
  });

  it('finds Spain, then the arrangements named after it, then those that quote it', async () => {
    expect(await top('Spain', 4)).toEqual([
      'esp NAME [Spain]',
      'spain-algeria NAME [Spain]-Algeria counter-terrorism agreement',
      'spain-mali NAME [Spain]-Mali counter-terrorism agreement',
      'lby QUOTE [Spain] sent attachés to “Libya and Morocco',
    ]);
  });

  it('finds a word only the notes hold, cut around it', async () => {
    expect(await top('Caversham')).toEqual([
      'bbcm-ose NOTES …their output; the two were co-located at [Caversham] Park for many years.',
    ]);
  });

  it('finds a word only a quoted source holds', async () => {
    expect(await top('culminates')).toEqual([
      'five-eyes QUOTE This multilateral relationship, developed in the years after WWII, [culminates] in a high-level annual meeting',
    ]);
  });

  it('finds what the last word begins, as it is being typed', async () => {
    expect(await top('oleg penk', 2)).toEqual([
      'oleg-penkovsky NAME [Oleg] [Penkovsky]',
      'penkovsky-handling NAME Joint SIS-CIA handling of [Oleg] [Penkovsky]',
    ]);
    expect(await top('gordi')).toEqual([
      'oleg-gordievsky NAME Oleg [Gordievsky]',
      'pimlico NAME Exfiltration of Oleg [Gordievsky]',
    ]);
  });

  it('scores a name a typo away below the name typed right', async () => {
    const [right] = (await searchHits(api.server.url, 'Penkovsky', 1)).data?.search ?? [];
    const [typo] = (await searchHits(api.server.url, 'Penkovski', 1)).data?.search ?? [];
    expect(right?.entity.id).toBe('oleg-penkovsky');
    expect(typo?.entity.id).toBe('oleg-penkovsky');
    expect(right?.score).toBeCloseTo(4 / Math.SQRT2);
    expect(typo?.score).toBeCloseTo((4 * 0.4) / Math.SQRT2);
  });
});
