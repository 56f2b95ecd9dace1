import type { BenchDatabase } from './benchDatabase.js';
import { prngPick } from './benchSupport.js';
import { dataOf, postGraphQL } from './graphqlServer.js';
import { OUR_CURSOR_QUERY, OUR_QUERY, THEIR_QUERY } from './nestedQueries.js';

/** The request bodies of the nested read, and which services they choose. */
export interface NestedRequests {
  /** Position in id order of the first service of the page. */
  readonly offset: number;
  readonly ourBody: string;
  readonly theirBody: string;
}

/** The seeded page: which position in id order the `count` services start at (at most 500). */
async function pageStart(bench: BenchDatabase, count: number, seed: number): Promise<number> {
  const [row] = await bench.database.executor.read({
    cypher: 'MATCH (s:Service) RETURN count(s) AS services',
    params: {},
  });
  const services = Number(row?.['services']);
  if (services < count) throw new Error(`the graph has ${services} services; need ${count}`);
  const starts = Array.from({ length: Math.min(services - count, 500) + 1 }, (_, i) => i);
  return prngPick(starts, 1, seed)[0] ?? 0;
}

/** Our cursor after the first `offset` services in id order (none for offset 0). */
async function cursorAt(url: string, offset: number): Promise<string | null> {
  if (offset === 0) return null;
  const data = dataOf(await postGraphQL(url, OUR_CURSOR_QUERY, { first: offset }), 'cursor');
  return (data['services'] as { pageInfo: { endCursor: string | null } }).pageInfo.endCursor;
}

/**
 * The same `count` services for both servers: the page that starts at a seeded position in id
 * order, ours by keyset cursor (asked of our API at `ourUrl`), theirs by offset.
 */
export async function nestedRequests(
  bench: BenchDatabase,
  ourUrl: string,
  count: number,
  seed: number,
): Promise<NestedRequests> {
  const offset = await pageStart(bench, count, seed);
  const after = await cursorAt(ourUrl, offset);
  return {
    offset,
    ourBody: JSON.stringify({ query: OUR_QUERY, variables: { first: count, after } }),
    theirBody: JSON.stringify({ query: THEIR_QUERY, variables: { limit: count, offset } }),
  };
}
