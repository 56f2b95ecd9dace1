import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { serverOptions } from '../support/testApi.js';
import { headersFor, postRaw } from '../support/http.js';

let database: Database;
let production: RunningServer;
let development: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  const base = serverOptions();
  production = await startServer(database, { ...base, production: true }, testLog);
  development = await startServer(database, base, testLog);
});

afterAll(async () => {
  await production.stop();
  await development.stop();
  await database.close();
});

const CSRF_REFUSAL = {
  message:
    "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n",
  extensions: { code: 'BAD_REQUEST' },
};

describe('in production (NODE_ENV=production)', () => {
  it('refuses __schema with 400 INTROSPECTION_DISABLED naming NODE_ENV', async () => {
    const response = await postRaw(
      production.url,
      JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    );
    expect(response).toEqual({
      status: 400,
      errors: [
        {
          message:
            'Introspection (__schema) is turned off on this server (NODE_ENV=production); read the schema published with the API (schema/*.graphql) instead.',
          extensions: { code: 'INTROSPECTION_DISABLED' },
        },
      ],
    });
  });

  it('refuses __type too, and answers __typename', async () => {
    const type = await postRaw(
      production.url,
      JSON.stringify({ query: '{ __type(name: "Service") { name } }' }),
    );
    expect(type.errors?.map((e) => e.extensions?.['code'])).toEqual(['INTROSPECTION_DISABLED']);
    const typename = await postRaw(production.url, JSON.stringify({ query: '{ __typename }' }));
    expect(typename).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('does not suggest field names in validation errors', async () => {
    const response = await postRaw(production.url, JSON.stringify({ query: '{ servic { id } }' }));
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: 'Cannot query field "servic" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('serves no landing page: a browser GET of /graphql gets the CSRF refusal in JSON', async () => {
    const response = await fetch(production.url, {
      headers: { accept: 'text/html', 'x-api-key': headersFor()['x-api-key'] ?? '' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ errors: [CSRF_REFUSAL] });
  });
});

describe('outside production', () => {
  it('answers introspection', async () => {
    const response = await postRaw(
      development.url,
      JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    );
    expect(response).toEqual({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('suggests field names in validation errors', async () => {
    const response = await postRaw(development.url, JSON.stringify({ query: '{ servic { id } }' }));
    expect(response.errors?.[0]?.message).toMatch(
      /^Cannot query field "servic" on type "Query"\. Did you mean "service"/,
    );
  });

  it("serves Apollo's landing page to an authenticated browser", async () => {
    const response = await fetch(development.url, {
      headers: { accept: 'text/html', 'x-api-key': headersFor()['x-api-key'] ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html');
  });
});

describe.each([
  ['in production', () => production],
  ['outside production', () => development],
])('CSRF prevention %s', (_mode, server) => {
  const query = encodeURIComponent('{ __typename }');
  const key = (): string => headersFor()['x-api-key'] ?? '';

  it('refuses a GET query without a preflight header', async () => {
    const response = await fetch(`${server().url}?query=${query}`, {
      headers: { 'x-api-key': key() },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [CSRF_REFUSAL] });
  });

  it('answers the same GET with apollo-require-preflight', async () => {
    const response = await fetch(`${server().url}?query=${query}`, {
      headers: { 'x-api-key': key(), 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a POST a form could send (form-encoded or text/plain), even of JSON', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await fetch(server().url, {
        method: 'POST',
        headers: { 'x-api-key': key(), 'content-type': contentType },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ errors: [CSRF_REFUSAL] });
    }
  });

  it('refuses a form-encoded POST body as not JSON', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'x-api-key': key(), 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${query}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON; send {"query": "...", "variables": {...}}.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });
});
