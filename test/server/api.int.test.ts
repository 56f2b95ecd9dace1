import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { ServiceDocument, ServicesDocument } from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { headersFor, postGraphQL, postRaw } from '../support/http.js';
import { serverOptions } from '../support/testApi.js';

let database: Database;
let server: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  await database.executor.write({
    cypher:
      'UNWIND $services AS s CREATE (:Service {id: s.id, name: s.name, acronym: s.acronym, kind: s.kind, classification: "UNCLASSIFIED"})',
    params: {
      services: [
        {
          id: 'sis',
          name: 'Secret Intelligence Service',
          acronym: 'SIS',
          kind: 'FOREIGN_INTELLIGENCE',
        },
        {
          id: 'cia',
          name: 'Central Intelligence Agency',
          acronym: 'CIA',
          kind: 'FOREIGN_INTELLIGENCE',
        },
        {
          id: 'gchq',
          name: 'Government Communications Headquarters',
          acronym: 'GCHQ',
          kind: 'SIGINT',
        },
      ],
    },
  });
  server = await startServer(database, serverOptions({ maxBodyBytes: 4096 }), testLog);
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

describe('GraphQL over HTTP against Neo4j', () => {
  it('answers __typename', async () => {
    const response = await postRaw<{ __typename: string }>(
      server.url,
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(response).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('marks every GraphQL answer uncacheable (cache-control: no-store), as Apollo did', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: headersFor(),
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const malformed = await fetch(server.url, {
      method: 'POST',
      headers: headersFor(),
      body: JSON.stringify({ query: '{ nope' }),
    });
    expect(malformed.headers.get('cache-control')).toBe('no-store');
  });

  it('reads one service by id from Neo4j', async () => {
    const response = await postGraphQL(server.url, ServiceDocument, { id: 'sis' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.service).toEqual({
      id: 'sis',
      name: 'Secret Intelligence Service',
      acronym: 'SIS',
      kind: 'FOREIGN_INTELLIGENCE',
    });
  });

  it('answers null for an id no service has', async () => {
    const response = await postGraphQL(server.url, ServiceDocument, { id: 'no-such-service' });
    expect(response.data).toEqual({ service: null });
  });

  it('lists services by name, limited by first', async () => {
    const all = await postGraphQL(server.url, ServicesDocument, {});
    expect(all.data?.services.edges.map((e) => e.node.id)).toEqual(['cia', 'gchq', 'sis']);
    const two = await postGraphQL(server.url, ServicesDocument, { first: 2 });
    expect(two.data?.services.edges.map((e) => e.node.id)).toEqual(['cia', 'gchq']);
  });

  it('refuses a page size out of range with BAD_USER_INPUT and the allowed range', async () => {
    const response = await postGraphQL(server.url, ServicesDocument, { first: 0 });
    expect(response.errors?.[0]?.message).toBe(
      "'first' must be from 1 to 500 (PAGE_MAX_SIZE); got 0.",
    );
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      limit: 'PAGE_MAX_SIZE',
      argument: 'first',
      min: 1,
      max: 500,
    });
  });

  it('refuses a body that is not JSON with BAD_REQUEST', async () => {
    const response = await postRaw(server.url, '{ "query": ');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });

  it('refuses a body over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const response = await postRaw(
      server.url,
      JSON.stringify({ query: `{ __typename } # ${'x'.repeat(5000)}` }),
    );
    expect(response.status).toBe(413);
    expect(response.errors?.[0]).toEqual({
      message: 'The request body exceeds 4096 bytes (MAX_BODY_BYTES).',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('reports a malformed operation with its code and no stack trace', async () => {
    const response = await postRaw(server.url, JSON.stringify({ query: '{ service { id } }' }));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('health', () => {
  const base = (): string => server.url.replace('/graphql', '');

  it('is live', async () => {
    const response = await fetch(`${base()}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
  });

  it('is ready when Neo4j answers and the schema is applied', async () => {
    const response = await fetch(`${base()}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, neo4j: 'reachable', schema: 'applied' });
  });

  it('answers 404 with the routes for anything else', async () => {
    const response = await fetch(`${base()}/nowhere`);
    expect(response.status).toBe(404);
  });
});
