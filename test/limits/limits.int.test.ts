import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { serverOptions } from '../support/testApi.js';
import { headersFor, postRaw } from '../support/http.js';

/** Small limits, so that a query just under and just over each one is short to write. */
const limits = {
  maxDepth: 4,
  maxAliases: 2,
  maxDirectives: 2,
  maxTokens: 40,
  maxCost: 100,
  maxPageSize: 40,
};

let database: Database;
let server: RunningServer;
let defaults: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  await database.executor.write({
    cypher:
      'UNWIND $ids AS id CREATE (:Service {id: id, name: toUpper(id), acronym: toUpper(id), aliases: [], kind: "SIGINT", classification: "UNCLASSIFIED", releasableTo: [], citations: []})',
    params: { ids: ['cia', 'gchq', 'sis'] },
  });
  const base = serverOptions();
  server = await startServer(database, { ...base, limits }, testLog);
  defaults = await startServer(database, base, testLog);
});

afterAll(async () => {
  await server.stop();
  await defaults.stop();
  await database.close();
});

/** Posts `query` and records the statements Neo4j was sent meanwhile. */
async function post(query: string, variables?: Record<string, unknown>, url = server.url) {
  const statements: string[] = [];
  const stop = database.executor.observe((q) => statements.push(q.cypher));
  try {
    const response = await postRaw<Record<string, unknown>>(
      url,
      JSON.stringify({ query, variables }),
    );
    return { ...response, statements };
  } finally {
    stop();
  }
}

describe('query depth (QUERY_MAX_DEPTH)', () => {
  it('answers a query as deep as the limit', async () => {
    const response = await post('{ services(first: 3) { edges { node { id } } } }');
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      services: {
        edges: [{ node: { id: 'cia' } }, { node: { id: 'gchq' } }, { node: { id: 'sis' } }],
      },
    });
  });

  it('refuses one level deeper with 400 QUERY_TOO_DEEP before Neo4j is asked anything', async () => {
    const response = await post('{ services(first: 3) { edges { node { country { id } } } } }');
    expect(response).toEqual({
      status: 400,
      errors: [
        {
          message:
            'The query nests fields 5 levels deep; the server allows 4 (QUERY_MAX_DEPTH). Ask for fewer levels, or fetch the deeper part in a second query from the ids this one returns.',
          extensions: { code: 'QUERY_TOO_DEEP', limit: 'QUERY_MAX_DEPTH', value: 4, found: 5 },
        },
      ],
      statements: [],
    });
  });
});

describe('aliases (QUERY_MAX_ALIASES)', () => {
  it('answers as many aliases as the limit', async () => {
    const response = await post('{ a: service(id: "cia") { id } b: service(id: "sis") { id } }');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ a: { id: 'cia' }, b: { id: 'sis' } });
  });

  it('refuses one more with 400 TOO_MANY_ALIASES', async () => {
    const response = await post(
      '{ a: service(id: "cia") { id } b: service(id: "sis") { id } c: service(id: "gchq") { id } }',
    );
    expect(response).toEqual({
      status: 400,
      errors: [
        {
          message:
            'The query has 3 aliased fields; the server allows 2 (QUERY_MAX_ALIASES). Ask for fewer in one request, or split it into several.',
          extensions: { code: 'TOO_MANY_ALIASES', limit: 'QUERY_MAX_ALIASES', value: 2, found: 3 },
        },
      ],
      statements: [],
    });
  });
});

describe('directives (QUERY_MAX_DIRECTIVES)', () => {
  it('answers as many directives as the limit', async () => {
    const response = await post(
      '{ service(id: "sis") { id @include(if: true) name @skip(if: true) } }',
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ service: { id: 'sis' } });
  });

  it('refuses one more with 400 TOO_MANY_DIRECTIVES', async () => {
    const response = await post(
      '{ service(id: "sis") { id @include(if: true) name @skip(if: true) kind @skip(if: true) } }',
    );
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message:
          'The query has 3 directives; the server allows 2 (QUERY_MAX_DIRECTIVES). Use fewer @skip/@include, or split the query.',
        extensions: {
          code: 'TOO_MANY_DIRECTIVES',
          limit: 'QUERY_MAX_DIRECTIVES',
          value: 2,
          found: 3,
        },
      },
    ]);
  });
});

describe('tokens (QUERY_MAX_TOKENS)', () => {
  // `{` + 38 x `__typename` + `}`: 40 tokens
  const atLimit = `{ ${'__typename '.repeat(38)}}`;
  const overLimit = `{ ${'__typename '.repeat(39)}}`;
  const refusal = {
    message:
      'The query has more than 40 tokens (names, punctuation, values); the server allows 40 (QUERY_MAX_TOKENS). Pass long values as variables instead of writing them into the query, or split it.',
    extensions: { code: 'TOO_MANY_TOKENS', limit: 'QUERY_MAX_TOKENS', value: 40 },
  };

  it('answers a query of as many tokens as the limit', async () => {
    const response = await post(atLimit);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ __typename: 'Query' });
  });

  it('refuses one token more with 400 TOO_MANY_TOKENS', async () => {
    const response = await post(overLimit);
    expect(response).toEqual({ status: 400, errors: [refusal], statements: [] });
  });

  it('counts the query of a GET too', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent(overLimit)}`, {
      headers: { ...headersFor(), 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [refusal] });
  });
});

describe('cost (QUERY_MAX_COST)', () => {
  // services 1 + first x (edges 1 + node 1 + id 1)
  const page = 'query ($first: Int) { services(first: $first) { edges { node { id } } } }';

  it('answers a query that costs the limit', async () => {
    const response = await post(page, { first: 33 });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('refuses the same document when its variables raise the cost over, with 400 QUERY_TOO_COSTLY', async () => {
    const response = await post(page, { first: 34 });
    expect(response).toEqual({
      status: 400,
      errors: [
        {
          message:
            "The query's estimated cost is 103; the server allows 100 (QUERY_MAX_COST). Every field costs 1 and a list multiplies what each entry selects by its page size (first or limit, else 10): ask for smaller pages or fewer nested lists, or split the query.",
          extensions: { code: 'QUERY_TOO_COSTLY', limit: 'QUERY_MAX_COST', value: 100, found: 103 },
        },
      ],
      statements: [],
    });
  });

  it('still reports variables that do not coerce as BAD_USER_INPUT', async () => {
    const response = await post(page, { first: 'many' });
    expect(response.status).toBe(400);
    expect(response.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  });
});

describe('page size (PAGE_MAX_SIZE)', () => {
  it('answers a page as large as the limit and refuses a larger one, naming the setting', async () => {
    const full = await post('{ services(first: 40) { totalCount } }');
    expect(full.errors).toBeUndefined();
    const over = await post('{ services(first: 41) { totalCount } }');
    expect(over.errors?.[0]).toMatchObject({
      message: "'first' must be from 1 to 40 (PAGE_MAX_SIZE); got 41.",
      extensions: { code: 'BAD_USER_INPUT', limit: 'PAGE_MAX_SIZE', argument: 'first', max: 40 },
    });
    const defaultCap = await post('{ services(first: 501) { totalCount } }', {}, defaults.url);
    expect(defaultCap.errors?.[0]?.message).toBe(
      "'first' must be from 1 to 500 (PAGE_MAX_SIZE); got 501.",
    );
  });
});

describe('the default limits', () => {
  it('apply when startServer is given none', async () => {
    const deep = `{ service(id: "sis") { ${'country { services { '.repeat(6)}id ${'} } '.repeat(6)}} }`;
    const response = await post(deep, undefined, defaults.url);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_DEEP',
      limit: 'QUERY_MAX_DEPTH',
      value: DEFAULT_QUERY_LIMITS.maxDepth,
      found: 14,
    });
  });

  it('let a nested read of 100 services through (bench:nested)', async () => {
    const nested = `query ($first: Int!) { services(first: $first) { edges { node { id name
      channels { channel { id name parties { service { id name officers { officer { id name } } } } } } } } } }`;
    const response = await post(nested, { first: 100 }, defaults.url);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });
});
