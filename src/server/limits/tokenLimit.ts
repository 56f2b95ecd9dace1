import { ApiError, ErrorCode } from '../../errors/index.js';
import { nativeGraphQL } from '../nativeGraphQL.js';

const { Lexer, Source, TokenKind } = nativeGraphQL;

/**
 * Whether `query` has more than `max` tokens, found by graphql-js's own lexer (the tokens its
 * parser's `maxTokens` option counts, comments excluded) and stopping at the first token over:
 * a long document is refused after reading `max` tokens, not after being parsed whole. Text
 * that does not lex is left to Apollo's parser to report.
 */
export function exceedsTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; count++) {
      if (count >= max) return true;
    }
  } catch {
    return false;
  }
  return false;
}

/** The query text of a GraphQL request over HTTP: `query` of a JSON body or of a GET's URL. */
export function queryTextOf(method: string, body: unknown, search: string): string | undefined {
  const query =
    method === 'GET'
      ? new URLSearchParams(search).get('query')
      : typeof body === 'object' && body !== null
        ? (body as { query?: unknown }).query
        : undefined;
  return typeof query === 'string' ? query : undefined;
}

/**
 * The refusal of a request whose query text has more than `max` tokens (TOO_MANY_TOKENS, sent
 * with HTTP 400), checked before Apollo parses or validates it.
 */
export function tokenRefusal(
  method: string,
  body: unknown,
  search: string,
  max: number,
): ApiError | undefined {
  const query = queryTextOf(method, body, search);
  if (query === undefined || !exceedsTokens(query, max)) return undefined;
  return new ApiError(
    ErrorCode.TOO_MANY_TOKENS,
    `The query has more than ${max} tokens (names, punctuation, values); the server allows ${max} (QUERY_MAX_TOKENS). Pass long values as variables instead of writing them into the query, or split it.`,
    { limit: 'QUERY_MAX_TOKENS', value: max },
  );
}
