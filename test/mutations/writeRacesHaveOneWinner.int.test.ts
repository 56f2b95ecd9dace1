import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import {
  AuditLogDocument,
  CreateLinkDocument,
  CreateServiceDocument,
  DeleteLinkDocument,
  DeleteServiceDocument,
  ImportGraphDocument,
  UpdateLinkDocument,
  UpdateServiceDocument,
} from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL, type GraphQLResponse } from '../support/http.js';
import { keysOnly, serverOptions } from '../support/testApi.js';

/** The reproductions of issue 13, items 1 to 6, each as the test of what it guards. */

const keys = {
  admin: newApiKeyRecord({ name: 'a', role: 'admin', clearance: 'TOP_SECRET', nationality: null }),
  editor: newApiKeyRecord({ name: 'e', role: 'editor', clearance: 'SECRET', nationality: null }),
  lowAdmin: newApiKeyRecord({
    name: 'l',
    role: 'admin',
    clearance: 'CONFIDENTIAL',
    nationality: null,
  }),
};
const as = (who: keyof typeof keys) => ({ key: keys[who].key });

const cite = [{ source: 'ref', section: 'p. 1' }];
const base = {
  sources: [{ id: 'ref', title: 'A test reference' }],
  countries: [
    { id: 'gbr', code: 'GBR', name: 'United Kingdom', sources: cite },
    { id: 'usa', code: 'USA', name: 'United States', sources: cite },
  ],
  services: [
    { id: 'svc-a', name: 'Service A', kind: 'SECURITY', country: 'gbr', sources: cite },
    { id: 'svc-b', name: 'Service B', kind: 'SECURITY', sources: cite },
  ],
  channels: [{ id: 'chan', name: 'A channel', scope: 'BILATERAL', sources: cite }],
  officers: [
    {
      id: 'agent',
      name: 'An agent',
      sources: cite,
      agentOf: [{ service: 'svc-b', kind: 'RECRUITED', confidence: 'CONFIRMED', sources: cite }],
    },
  ],
};

let database: Database;
let server: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  server = await startServer(
    database,
    serverOptions({ auth: keysOnly(Object.values(keys).map((k) => k.record)) }),
    testLog,
  );
});
beforeEach(async () => {
  await resetDatabase(database);
  await importDocument(database.executor, base);
});
afterAll(async () => {
  await server.stop();
  await database.close();
});

const codeOf = (response: GraphQLResponse<unknown>): string =>
  (response.errors?.[0]?.extensions?.['code'] as string | undefined) ?? 'OK';
const tally = (responses: readonly GraphQLResponse<unknown>[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of responses) out[codeOf(r)] = (out[codeOf(r)] ?? 0) + 1;
  return out;
};
const read = (cypher: string, params: Record<string, unknown> = {}) =>
  database.executor.read({ cypher, params });

describe('simultaneous creates of one id (item 1)', () => {
  it('one of 100 createService of one id wins; the others are CONFLICT and the winner is what is stored', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        postGraphQL(
          server.url,
          CreateServiceDocument,
          { input: { id: 'x', name: `Name ${i}`, kind: 'SECURITY', sources: cite } },
          as('editor'),
        ),
      ),
    );
    expect(tally(responses)).toEqual({ OK: 1, CONFLICT: 99 });
    const winner = responses.find((r) => codeOf(r) === 'OK')?.data?.createService.name;
    const stored = await read('MATCH (n {id: $id}) RETURN n.name AS name', { id: 'x' });
    expect(stored).toEqual([{ name: winner }]);
  });

  it('one of 200 createLink of one id wins; Neo4j holds one relationship with that id', async () => {
    const input = {
      type: 'PARTY_TO' as const,
      start: 'svc-a',
      end: 'chan',
      role: 'MEMBER',
      sources: cite,
    };
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        postGraphQL(server.url, CreateLinkDocument, { input }, as('editor')),
      ),
    );
    expect(tally(responses)).toEqual({ OK: 1, CONFLICT: 199 });
    expect(
      await read('MATCH ()-[r {id: $id}]->() RETURN count(r) AS n', { id: 'svc-a/PARTY_TO/chan' }),
    ).toEqual([{ n: 1 }]);
  });

  it('an editor racing an admin for one id never turns the admin TOP_SECRET entity into its own', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const id = `race-${trial}`;
      const [editor, admin] = await Promise.all([
        postGraphQL(
          server.url,
          CreateServiceDocument,
          { input: { id, name: 'Editor', kind: 'SECURITY', sources: cite } },
          as('editor'),
        ),
        postGraphQL(
          server.url,
          CreateServiceDocument,
          {
            input: {
              id,
              name: 'Admin',
              kind: 'SECURITY',
              sources: cite,
              classification: 'TOP_SECRET',
            },
          },
          as('admin'),
        ),
      ]);
      const codes = [codeOf(editor), codeOf(admin)].sort();
      expect(codes, `trial ${trial}`).toEqual(['CONFLICT', 'OK']);
      const [stored] = await read(
        'MATCH (n {id: $id}) RETURN n.name AS name, n.classification AS c',
        { id },
      );
      expect(stored).toEqual(
        codeOf(admin) === 'OK'
          ? { name: 'Admin', c: 'TOP_SECRET' }
          : { name: 'Editor', c: 'UNCLASSIFIED' },
      );
    }
  });

  it('an id taken by an entity of another label is CONFLICT, even when created at the same moment', async () => {
    const [service, country] = await Promise.all([
      postGraphQL(
        server.url,
        CreateServiceDocument,
        { input: { id: 'both', name: 'S', kind: 'SECURITY', sources: cite } },
        as('admin'),
      ),
      postGraphQL(
        server.url,
        ImportGraphDocument,
        { document: { countries: [{ id: 'both', code: 'BTH', name: 'C', sources: cite }] } },
        as('admin'),
      ),
    ]);
    expect([codeOf(service), codeOf(country)].sort()).toEqual(['CONFLICT', 'OK']);
    expect(await read('MATCH (n {id: $id}) RETURN count(n) AS n', { id: 'both' })).toEqual([
      { n: 1 },
    ]);
  });
});

describe('concurrent updates of one entity (item 2)', () => {
  it('keep both changes: one sets notes, the other the acronym, 30 times', async () => {
    for (let trial = 0; trial < 30; trial++) {
      const [notes, acronym] = await Promise.all([
        postGraphQL(
          server.url,
          UpdateServiceDocument,
          { id: 'svc-a', input: { notes: `n${trial}` } },
          as('editor'),
        ),
        postGraphQL(
          server.url,
          UpdateServiceDocument,
          { id: 'svc-a', input: { acronym: `A${trial}` } },
          as('editor'),
        ),
      ]);
      expect([codeOf(notes), codeOf(acronym)]).toEqual(['OK', 'OK']);
      const [stored] = await read(
        'MATCH (n:Service {id: $id}) RETURN n.notes AS notes, n.acronym AS acronym',
        { id: 'svc-a' },
      );
      expect(stored, `trial ${trial}`).toEqual({ notes: `n${trial}`, acronym: `A${trial}` });
    }
  });
});

describe('a link written while its end is deleted (item 3)', () => {
  it('answers NOT_FOUND or CONFLICT, never an internal error, and leaves no half-written link', async () => {
    const responses: GraphQLResponse<unknown>[] = [];
    for (let trial = 0; trial < 25; trial++) {
      const id = `end-${trial}`;
      await importDocument(database.executor, {
        services: [{ id, name: id, kind: 'SECURITY', sources: cite }],
      });
      const link = { type: 'PARTY_TO' as const, start: id, end: 'chan', sources: cite };
      responses.push(
        ...(await Promise.all([
          postGraphQL(server.url, CreateLinkDocument, { input: link }, as('editor')),
          postGraphQL(server.url, DeleteServiceDocument, { id }, as('editor')),
          postGraphQL(
            server.url,
            UpdateLinkDocument,
            { id: `${id}/PARTY_TO/chan`, input: { to: '1990' } },
            as('editor'),
          ),
        ])),
      );
    }
    const codes = Object.keys(tally(responses));
    expect(codes.filter((c) => !['OK', 'NOT_FOUND', 'CONFLICT'].includes(c))).toEqual([]);
    // Every audited write is in the graph, and every link has both ends.
    expect(
      await read(
        "MATCH ()-[r:PARTY_TO]->() WHERE r.id STARTS WITH 'end-' MATCH (s:Service {id: split(r.id, '/')[0]}) RETURN count(*) AS n",
      ),
    ).toEqual(
      await read("MATCH ()-[r:PARTY_TO]->() WHERE r.id STARTS WITH 'end-' RETURN count(*) AS n"),
    );
  });
});

describe('OF links (item 4)', () => {
  it('are refused by createLink, updateLink and deleteLink before anything is written', async () => {
    const before = await read(
      'MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS nodes, COUNT { ()-[]->() } AS links',
    );
    const created = await postGraphQL(
      server.url,
      CreateLinkDocument,
      { input: { type: 'OF', start: 'svc-a', end: 'usa', sources: cite } },
      as('admin'),
    );
    const updated = await postGraphQL(
      server.url,
      UpdateLinkDocument,
      { id: 'svc-a/OF/gbr', input: { to: '1990' } },
      as('admin'),
    );
    const deleted = await postGraphQL(
      server.url,
      DeleteLinkDocument,
      { id: 'svc-a/OF/gbr' },
      as('admin'),
    );
    for (const response of [created, updated, deleted]) {
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain(
        'set it with updateService, updateOrganization or updateOfficer',
      );
    }
    expect(
      await read(
        'MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS nodes, COUNT { ()-[]->() } AS links',
      ),
    ).toEqual(before);
    expect(await read('MATCH (a:AuditEntry) RETURN count(a) AS n')).toEqual([{ n: 0 }]);
  });

  it('keep their marking when an update does not touch the country', async () => {
    await database.executor.write({
      cypher: "MATCH ()-[r:OF {id: 'svc-a/OF/gbr'}]->() SET r.classification = 'SECRET'",
      params: {},
    });
    const response = await postGraphQL(
      server.url,
      UpdateServiceDocument,
      { id: 'svc-a', input: { notes: 'unrelated' } },
      as('admin'),
    );
    expect(codeOf(response)).toBe('OK');
    expect(
      await read('MATCH (:Service {id: $id})-[r:OF]->(c) RETURN c.id AS c, r.classification AS m', {
        id: 'svc-a',
      }),
    ).toEqual([{ c: 'gbr', m: 'SECRET' }]);
  });

  it('are replaced, never added to, when an import gives an entity another country', async () => {
    const response = await postGraphQL(
      server.url,
      ImportGraphDocument,
      {
        document: {
          services: [
            { id: 'svc-a', name: 'Service A', kind: 'SECURITY', country: 'usa', sources: cite },
          ],
        },
      },
      as('admin'),
    );
    expect(codeOf(response)).toBe('OK');
    expect(
      await read('MATCH (:Service {id: $id})-[:OF]->(c) RETURN c.id AS c', { id: 'svc-a' }),
    ).toEqual([{ c: 'usa' }]);
  });
});

describe('link ids across types (item 5)', () => {
  it('an import cannot give a SUCCEEDED link the id of an AGENT_OF link', async () => {
    const response = await postGraphQL(
      server.url,
      ImportGraphDocument,
      {
        document: {
          services: [
            {
              id: 'svc-a',
              name: 'Service A',
              kind: 'SECURITY',
              country: 'gbr',
              sources: cite,
              succeeded: [{ service: 'svc-b', id: 'agent/AGENT_OF/svc-b', sources: cite }],
            },
          ],
        },
      },
      as('admin'),
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(
      '"agent/AGENT_OF/svc-b" is spelled as the id of a AGENT_OF link',
    );
    expect(
      await read('MATCH ()-[r {id: $id}]->() RETURN type(r) AS t', { id: 'agent/AGENT_OF/svc-b' }),
    ).toEqual([{ t: 'AGENT_OF' }]);
  });

  it('an explicit id taken by a link of one type is CONFLICT for a link of another, also when both are created at once', async () => {
    const [party, serves] = await Promise.all([
      postGraphQL(
        server.url,
        CreateLinkDocument,
        { input: { type: 'PARTY_TO', start: 'svc-a', end: 'chan', id: 'shared', sources: cite } },
        as('admin'),
      ),
      postGraphQL(
        server.url,
        CreateLinkDocument,
        { input: { type: 'SERVES', start: 'agent', end: 'svc-a', id: 'shared', sources: cite } },
        as('admin'),
      ),
    ]);
    expect([codeOf(party), codeOf(serves)].sort()).toEqual(['CONFLICT', 'OK']);
    const imported = await postGraphQL(
      server.url,
      ImportGraphDocument,
      {
        document: {
          officers: [
            {
              id: 'agent',
              name: 'An agent',
              sources: cite,
              postedTo: [{ channel: 'chan', id: 'shared', sources: cite }],
            },
          ],
        },
      },
      as('admin'),
    );
    expect(codeOf(imported)).toBe('CONFLICT');
    expect(await read('MATCH ()-[r {id: $id}]->() RETURN count(r) AS n', { id: 'shared' })).toEqual(
      [{ n: 1 }],
    );
  });
});

describe('the audit log (item 6)', () => {
  it('hides an entry about an UNCLASSIFIED link from callers who may not see an end of it', async () => {
    await importDocument(database.executor, {
      channels: [
        {
          id: 'leak-chan',
          name: 'Hidden',
          scope: 'BILATERAL',
          classification: 'TOP_SECRET',
          sources: cite,
        },
      ],
    });
    const created = await postGraphQL(
      server.url,
      CreateLinkDocument,
      { input: { type: 'PARTY_TO', start: 'svc-a', end: 'leak-chan', sources: cite } },
      as('admin'),
    );
    expect(codeOf(created)).toBe('OK');
    const low = await postGraphQL(server.url, AuditLogDocument, { first: 50 }, as('lowAdmin'));
    expect(JSON.stringify(low.data)).not.toContain('leak-chan');
    const top = await postGraphQL(server.url, AuditLogDocument, { first: 50 }, as('admin'));
    expect(top.data?.auditLog.edges.map((e) => e.node.after)).toContainEqual([
      'svc-a/PARTY_TO/leak-chan',
    ]);
    expect(top.data?.auditLog.edges[0]?.node.classification).toBe('TOP_SECRET');
  });
});
