import { describe, expect, it } from 'vitest';
import { exceedsTokens, tokenRefusal } from '../../src/server/limits/index.js';

describe('exceedsTokens', () => {
  // `{`, `service`, `(`, `id`, `:`, `"sis"`, `)`, `{`, `id`, `}`, `}`: 11 tokens
  const query = '{ service(id: "sis") { id } }';

  it('accepts a query of exactly the limit and refuses it one token below', () => {
    expect(exceedsTokens(query, 11)).toBe(false);
    expect(exceedsTokens(query, 10)).toBe(true);
  });

  it('does not count comments, commas or white space', () => {
    expect(exceedsTokens(`# a comment\n{ service(id: "sis",) { id, } }\n# another`, 11)).toBe(
      false,
    );
  });

  it('counts up to text it cannot lex, and leaves that to the parser', () => {
    expect(exceedsTokens('{ service(id: "unterminated) }', 1)).toBe(true);
    expect(exceedsTokens('{ ~ }', 1)).toBe(false);
  });
});

describe('tokenRefusal', () => {
  const long = `{ ${'__typename '.repeat(30)}}`; // 32 tokens

  it('reads the query of a POST body and of a GET URL', () => {
    expect(tokenRefusal('POST', { query: long }, '', 31)?.extensions).toEqual({
      code: 'TOO_MANY_TOKENS',
      limit: 'QUERY_MAX_TOKENS',
      value: 31,
    });
    expect(tokenRefusal('GET', undefined, `?query=${encodeURIComponent(long)}`, 31)).toBeDefined();
    expect(tokenRefusal('POST', { query: long }, '', 32)).toBeUndefined();
  });

  it('says what the limit is and how to stay under it', () => {
    expect(tokenRefusal('POST', { query: long }, '', 31)?.message).toBe(
      'The query has more than 31 tokens (names, punctuation, values); the server allows 31 (QUERY_MAX_TOKENS). Pass long values as variables instead of writing them into the query, or split it.',
    );
  });

  it('leaves a request without a query text to Apollo', () => {
    expect(tokenRefusal('POST', [{ query: long }], '', 1)).toBeUndefined();
    expect(tokenRefusal('POST', undefined, '', 1)).toBeUndefined();
    expect(tokenRefusal('GET', undefined, '', 1)).toBeUndefined();
  });
});
