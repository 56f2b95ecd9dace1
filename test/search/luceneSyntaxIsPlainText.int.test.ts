import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/testApi.js';
import { searchHits } from './searchRequest.js';

/** The historical dataset, searched as an admin. */
const api = useTestApi();

/** The same text with every mark of punctuation a space: what search must read it as. */
const wordsOnly = (text: string) => text.replace(/[^\p{L}\p{N}\s]/gu, ' ');

describe('Lucene syntax typed into search is punctuation between words', () => {
  it.each([
    'title:"x" OR *',
    'name:philby',
    'philby~2',
    'phil*',
    '/phil.*/',
    '+kim -philby',
    '"kim philby"',
    '(kim OR philby) AND NOT x',
    'kim^4 [a TO z] {a TO z}',
    'kim && philby || !x',
    'philby\\* kim\\',
    'penkovsk? oleg',
  ])('answers %j as a normal search of its words, never an error', async (text) => {
    const response = await searchHits(api.server.url, text, 20);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const plain = await searchHits(api.server.url, wordsOnly(text), 20);
    expect(response.data).toEqual(plain.data);
  });

  it('finds Kim Philby first for what Lucene would read as a field query', async () => {
    const response = await searchHits(api.server.url, 'philby:"kim" AND *', 1);
    expect(response.data?.search.map((hit) => hit.entity.id)).toEqual(['kim-philby']);
  });

  it.each(['*', '" ( ) : ~ ^ \\ /', '&& || !', 'AND OR NOT'])(
    'refuses %j, which holds no word, with BAD_USER_INPUT',
    async (text) => {
      const response = await searchHits(api.server.url, text);
      expect(response.errors).toEqual([
        {
          message: `'text' must contain at least one word to search for; got ${JSON.stringify(text)}.`,
          path: ['search'],
          extensions: { code: 'BAD_USER_INPUT', argument: 'text' },
        },
      ]);
    },
  );

  it('answers any mix of words and Lucene syntax without an internal error', async () => {
    const piece = fc.constantFrom(
      ...'philby kim oleg penk attache " ( ) [ ] { } : ~ ~2 ^ * ? \\ / + - ! && || AND OR NOT TO'.split(
        ' ',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (pieces, glued) => {
          const response = await searchHits(api.server.url, pieces.join(glued ? '' : ' '), 5);
          expect(response.status).toBe(200);
          for (const error of response.errors ?? [])
            expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
        },
      ),
      { numRuns: 60, seed: 20261206 },
    );
  });
});
