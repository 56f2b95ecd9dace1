import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import {
  hostileJson,
  HOSTILE_STRINGS,
  nat,
  pick,
  type Gen,
  type KnownIds,
} from './hostileValues.js';
import { writeOperation, type OperationShape } from './operationWriter.js';

/** Who a request claims to be. */
export type Caller = 'admin' | 'reader' | 'none' | 'wrong-key' | 'bad-token';

/** What kind of input a request is, for the counts of the report. */
export type RequestKind =
  | 'operation'
  | 'deep'
  | 'aliases'
  | 'directives'
  | 'tokens'
  | 'broken-document'
  | 'malformed-body'
  | 'http';

/** One HTTP request to `/graphql`, exactly as it will be sent. */
export interface FuzzRequest {
  readonly kind: RequestKind;
  readonly caller: Caller;
  readonly method: string;
  /** Headers besides the credentials (content type included). */
  readonly headers: Readonly<Record<string, string>>;
  /** Query string, with its `?`, or empty. */
  readonly search: string;
  readonly body: string | Uint8Array | undefined;
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** Options of the request generator. */
export interface RequestOptions {
  readonly schema: GraphQLSchema;
  readonly ids: KnownIds;
  /** MAX_BODY_BYTES of the API, to send bodies just over it. */
  readonly maxBodyBytes: number;
}

/** Draws one request: mostly operations of the schema, some broken at every level. */
export function drawRequest(g: Gen, options: RequestOptions): FuzzRequest {
  const caller = pick(g, CALLERS);
  const roll = nat(g, 99);
  const post = (kind: RequestKind, body: string | Uint8Array): FuzzRequest => ({
    kind,
    caller,
    method: 'POST',
    headers: JSON_HEADERS,
    search: '',
    body,
  });
  const operation = (shape: OperationShape) => {
    const { query, variables } = writeOperation(g, options.schema, options.ids, shape);
    return JSON.stringify(variables === undefined ? { query } : { query, variables });
  };
  if (roll < 68) return post('operation', operation('ordinary'));
  if (roll < 74) return post('deep', operation('deep'));
  if (roll < 78) return post('aliases', operation('aliases'));
  if (roll < 80) return post('directives', directives(g));
  if (roll < 82) return post('tokens', tokens(g));
  if (roll < 88) return post('broken-document', brokenDocument(g, operation('ordinary')));
  if (roll < 96) return post('malformed-body', malformedBody(g, options.maxBodyBytes));
  return { ...httpVariant(g, operation('ordinary')), caller };
}

/** Mostly the admin, who may do everything, so that requests get past authorization. */
const CALLERS: Caller[] = [
  ...Array<Caller>(14).fill('admin'),
  'reader',
  'reader',
  'reader',
  'none',
  'wrong-key',
  'bad-token',
];

/** An operation with many `@include`/`@skip` directives, around QUERY_MAX_DIRECTIVES. */
function directives(g: Gen): string {
  const n = g(() => fc.integer({ min: 40, max: 70 }));
  const fields = Array.from(
    { length: n },
    (_, i) => `d${i}: __typename @${i % 2 ? 'skip' : 'include'}(if: ${i % 3 ? 'true' : 'false'})`,
  );
  return JSON.stringify({ query: `{ ${fields.join(' ')} }` });
}

/** A document of thousands of tokens, around QUERY_MAX_TOKENS. */
function tokens(g: Gen): string {
  const n = g(() => fc.integer({ min: 500, max: 3_000 }));
  return JSON.stringify({ query: `{ ${'__typename '.repeat(n)}}` });
}

/** A valid body whose query text is cut, spliced with junk or given a fragment cycle. */
function brokenDocument(g: Gen, body: string): string {
  const { query, variables } = JSON.parse(body) as { query: string; variables?: unknown };
  const at = nat(g, query.length);
  const junk = pick(g, ['{', '}', '(', ')', '"', '$', '...', '@', '#', '\u0000', '\\']);
  const texts = {
    cut: query.slice(0, at),
    splice: query.slice(0, at) + junk + query.slice(at),
    cycle: `${query} fragment A on Query { ...B } fragment B on Query { ...A }`,
    two: `${query} query Other { __typename }`,
    name: query,
    subscription: 'subscription { services { totalCount } }',
  };
  const broken: keyof typeof texts = pick(g, Object.keys(texts) as (keyof typeof texts)[]);
  const text = texts[broken];
  const operationName = broken === 'name' ? 'NoSuchOperation' : undefined;
  return JSON.stringify({ query: text, variables, operationName });
}

/** Bodies that are not a GraphQL request: not JSON, not an object, wrong member types, huge. */
function malformedBody(g: Gen, maxBodyBytes: number): string | Uint8Array {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const bodies: (() => string | Uint8Array)[] = [
    () => '{"query": "{ __typename }"',
    () => 'query { services { totalCount } }',
    () => g(() => fc.string({ unit: 'binary', maxLength: 200 })),
    () => new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d]),
    () => '',
    () => 'null',
    () => '[]',
    () => '42',
    () => '"{ __typename }"',
    () => '[{"query":"{ __typename }"},{"query":"{ __typename }"}]',
    () => JSON.stringify({ query: hostileJson(g) }),
    () => JSON.stringify({ query: '{ __typename }', variables: hostileJson(g) }),
    () => JSON.stringify({ query: '{ __typename }', operationName: hostileJson(g) }),
    () => JSON.stringify({ query: '{ __typename }', extensions: hostileJson(g) }),
    () => JSON.stringify({}),
    () => JSON.stringify({ query: '' }),
    () => JSON.stringify({ variables: {} }),
    () =>
      JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
      }),
    () => JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }),
    () => `{"query":"{ __typename }","variables":{"a":${nested(pick(g, [1_000, 20_000]))}}}`,
    () =>
      `{"query":"mutation ($d: JSON!) { importGraph(document: $d) { totals { kind } } }","variables":{"d":{"sources":${nested(pick(g, [500, 5_000]))}}}}`,
    () =>
      JSON.stringify({
        query: `{ search(text: ${JSON.stringify('x'.repeat(maxBodyBytes))}) { score } }`,
      }),
    () => JSON.stringify({ query: `{ __typ\u0000ename }` }),
    () => JSON.stringify({ query: pick(g, HOSTILE_STRINGS) }),
  ];
  return pick(g, bodies)();
}

/** The same operation over other methods, content types and query strings. */
function httpVariant(g: Gen, body: string): Omit<FuzzRequest, 'caller'> {
  const { query } = JSON.parse(body) as { query: string };
  const search = `?query=${encodeURIComponent(query)}`;
  const variants: Omit<FuzzRequest, 'caller'>[] = [
    { kind: 'http', method: 'GET', headers: {}, search, body: undefined },
    {
      kind: 'http',
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
      search,
      body: undefined,
    },
    {
      kind: 'http',
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
      search: `${search}&variables=%7Bnot-json`,
      body: undefined,
    },
    { kind: 'http', method: 'POST', headers: { 'content-type': 'text/plain' }, search: '', body },
    {
      kind: 'http',
      method: 'POST',
      headers: { 'content-type': 'application/graphql' },
      search: '',
      body: query,
    },
    { kind: 'http', method: 'PUT', headers: JSON_HEADERS, search: '', body },
    { kind: 'http', method: 'DELETE', headers: JSON_HEADERS, search: '', body: undefined },
    { kind: 'http', method: 'POST', headers: JSON_HEADERS, search: '?query=%7B', body },
  ];
  return pick(g, variants);
}
