import { describe, expect, it } from 'vitest';
import { SearchDocument } from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';

/** An empty graph, and the production body limit (MAX_BODY_BYTES), so a 1 MB text arrives whole. */
const api = useTestApi(() => Promise.resolve(), { maxBodyBytes: 1_048_576 });

const search = (text: string) => postGraphQL(api.server.url, SearchDocument, { text });

const tooLong = (length: number) => ({
  message: `'text' takes at most 4096 characters (at most 32 words of at most 100 characters each); got ${length} characters.`,
  path: ['search'],
  extensions: { code: 'BAD_USER_INPUT', argument: 'text', maxLength: 4096 },
});

describe('a search text of any size is answered BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', () => {
  it.each([
    ['260 KB of "y "', 'y '.repeat(133_120)],
    ['1 MB of "y "', 'y '.repeat(500_000)],
    ['a 1 MB word', 'y'.repeat(1_000_000)],
    ['4097 characters', `${' '.repeat(4091)}philby`],
  ])('refuses %s with the length it allows and the length it got', async (_name, text) => {
    const response = await search(text);
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([tooLong(text.length)]);
  });

  it('accepts 4096 characters when their words keep the word limits', async () => {
    const response = await search(`${' '.repeat(4090)}philby`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ search: [] });
  });
});

describe('a search text that splits into too many words is answered BAD_USER_INPUT', () => {
  const letters = (i: number) =>
    Array.from({ length: 30 }, (_, j) => String.fromCharCode(97 + ((i * 7 + j * 3) % 26))).join('');

  it('refuses 65 words once split at punctuation, saying how many it takes', async () => {
    const text = Array.from({ length: 13 }, (_, i) => `a${i}-b-c-d-e`).join(' ');
    const response = await search(text);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      {
        message:
          "'text' takes at most 64 words once split at punctuation (al-Qaeda is two); got 65.",
        path: ['search'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'text', maxSplitWords: 64 },
      },
    ]);
  });

  it('answers 64 words of 30 letters, the first 8 allowed two typos each, within 10 s', async () => {
    const text = Array.from(
      { length: 32 },
      (_, i) => `${letters(2 * i)}-${letters(2 * i + 1)}`,
    ).join(' ');
    const started = performance.now();
    const response = await search(text);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ search: [] });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
