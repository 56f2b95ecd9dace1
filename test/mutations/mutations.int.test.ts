import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import {
  CreateChannelDocument,
  CreateCountryDocument,
  CreateLinkDocument,
  CreateOfficerDocument,
  CreateOperationDocument,
  CreateOrganizationDocument,
  CreateServiceDocument,
  DeleteLinkDocument,
  DeleteOfficerDocument,
  DeleteServiceDocument,
  ImportGraphDocument,
  SearchDocument,
  ServiceDocument,
  UpdateLinkDocument,
  UpdateOfficerDocument,
  UpdateServiceDocument,
} from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL } from '../support/http.js';
import { serverOptions } from '../support/testApi.js';

let database: Database;
let server: RunningServer;

const cite = [{ source: 'ref', section: 'p. 1' }];
const base = {
  sources: [{ id: 'ref', title: 'A reference', url: 'https://example.org/ref' }],
  countries: [
    { id: 'gbr', code: 'GBR', name: 'United Kingdom', sources: cite },
    { id: 'sun', code: 'SUN', name: 'USSR', from: '1922', to: '1991', sources: cite },
  ],
  services: [
    {
      id: 'sis',
      name: 'Secret Intelligence Service',
      kind: 'FOREIGN_INTELLIGENCE',
      country: 'gbr',
      sources: cite,
    },
    {
      id: 'kgb',
      name: 'KGB',
      kind: 'FOREIGN_INTELLIGENCE',
      country: 'sun',
      from: '1954',
      to: '1991',
      sources: cite,
    },
  ],
  channels: [
    {
      id: 'sis-cia',
      name: 'SIS-CIA',
      scope: 'BILATERAL',
      sources: cite,
      parties: [{ service: 'sis', sources: cite }],
    },
  ],
};

/** Every node and relationship with its properties, in a stable order: "exactly as it was". */
async function snapshot(): Promise<unknown> {
  const nodes = await database.executor.read({
    cypher:
      'MATCH (n) WHERE NOT n:SchemaMigration RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id',
    params: {},
  });
  const links = await database.executor.read({
    cypher:
      'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b',
    params: {},
  });
  return { nodes, links };
}

beforeAll(async () => {
  database = connectTestDatabase();
  server = await startServer(database, serverOptions(), testLog);
});

beforeEach(async () => {
  await resetDatabase(database);
  await importDocument(database.executor, base);
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

describe('entity mutations', () => {
  it('create a service with its country link, readable right after', async () => {
    const created = await postGraphQL(server.url, CreateServiceDocument, {
      input: {
        id: 'gchq',
        name: 'GCHQ',
        kind: 'SIGINT',
        country: 'gbr',
        from: '1946',
        sources: cite,
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createService).toEqual({
      id: 'gchq',
      name: 'GCHQ',
      kind: 'SIGINT',
      from: '1946',
      country: { id: 'gbr' },
      sources: [{ source: { id: 'ref' }, section: 'p. 1' }],
    });
    const read = await postGraphQL(server.url, ServiceDocument, { id: 'gchq' });
    expect(read.data?.service?.name).toBe('GCHQ');
  });

  it('make a created service findable by search at once (the full-text index updates after commit)', async () => {
    for (let i = 0; i < 20; i++) {
      const id = `searchable-${i}`;
      const created = await postGraphQL(server.url, CreateServiceDocument, {
        input: { id, name: `Quillon${i} service`, kind: 'SIGINT', sources: cite },
      });
      expect(created.errors).toBeUndefined();
      const found = await postGraphQL(server.url, SearchDocument, { text: `quillon${i}` });
      expect(found.data?.search.map((hit) => hit.entity.id)).toEqual([id]);
    }
  });

  it('refuse an id already taken with CONFLICT and leave the database exactly as it was', async () => {
    const before = await snapshot();
    const response = await postGraphQL(server.url, CreateServiceDocument, {
      input: { id: 'gbr', name: 'Clash', kind: 'SIGINT', sources: cite },
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toBe(
      'Nothing was written: input: id: id "gbr" is already taken by a Country; choose another id or update that one',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuse a service without citations with BAD_USER_INPUT naming the field', async () => {
    const before = await snapshot();
    const response = await postGraphQL(server.url, CreateServiceDocument, {
      input: { id: 'x-svc', name: 'X', kind: 'SIGINT', sources: [] },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          file: 'input',
          entry: 0,
          id: 'x-svc',
          field: 'sources',
          message: 'expected at least one citation: no fact without a source; got []',
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuse a country that names nothing with NOT_FOUND; nothing of the service is written', async () => {
    const before = await snapshot();
    const response = await postGraphQL(server.url, CreateServiceDocument, {
      input: { id: 'x-svc', name: 'X', kind: 'SIGINT', country: 'atlantis', sources: cite },
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(response.errors?.[0]?.message).toContain('country: "atlantis" names nothing');
    expect(await snapshot()).toEqual(before);
  });

  it('refuse a citation of an unknown source and a malformed id', async () => {
    const unknownSource = await postGraphQL(server.url, CreateServiceDocument, {
      input: {
        id: 'x-svc',
        name: 'X',
        kind: 'SIGINT',
        sources: [{ source: 'nowhere', section: '1' }],
      },
    });
    expect(unknownSource.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(unknownSource.errors?.[0]?.message).toContain('cites source "nowhere"');
    const badId = await postGraphQL(server.url, CreateServiceDocument, {
      input: { id: 'Not A Slug', name: 'X', kind: 'SIGINT', sources: cite },
    });
    expect(badId.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(badId.errors?.[0]?.message).toContain('expected a lowercase kebab-case id');
  });

  it('update with patch semantics: absent keeps, a value sets, null clears', async () => {
    const response = await postGraphQL(server.url, UpdateServiceDocument, {
      id: 'kgb',
      input: { acronym: 'KGB', country: null, to: null },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.updateService).toEqual({
      id: 'kgb',
      name: 'KGB',
      acronym: 'KGB',
      from: '1954',
      to: null,
      country: null,
    });
  });

  it('refuse an update whose window ends before it starts, and an unknown id', async () => {
    const before = await snapshot();
    const disordered = await postGraphQL(server.url, UpdateServiceDocument, {
      id: 'kgb',
      input: { to: '1950' },
    });
    expect(disordered.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(disordered.errors?.[0]?.message).toBe(
      'Nothing was written: input: entry 0 (kgb): to: the window ends (1950) before it starts (1954)',
    );
    const missing = await postGraphQL(server.url, UpdateServiceDocument, {
      id: 'nobody',
      input: { name: 'X' },
    });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('delete a service with its links, then answer NOT_FOUND', async () => {
    const deleted = await postGraphQL(server.url, DeleteServiceDocument, { id: 'sis' });
    expect(deleted.data?.deleteService).toEqual({ id: 'sis', linksDeleted: 2 });
    const again = await postGraphQL(server.url, DeleteServiceDocument, { id: 'sis' });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('create, update and delete every other kind of entity', async () => {
    const country = await postGraphQL(server.url, CreateCountryDocument, {
      input: { id: 'usa', code: 'USA', name: 'United States', sources: cite },
    });
    expect(country.data?.createCountry).toEqual({ id: 'usa', code: 'USA' });
    const org = await postGraphQL(server.url, CreateOrganizationDocument, {
      input: { id: 'pira', name: 'PIRA', kind: 'INSURGENT_GROUP', sources: cite },
    });
    expect(org.data?.createOrganization).toEqual({ id: 'pira', kind: 'INSURGENT_GROUP' });
    const channel = await postGraphQL(server.url, CreateChannelDocument, {
      input: {
        id: 'club-of-berne',
        name: 'Club of Berne',
        scope: 'MULTILATERAL',
        disciplines: ['COUNTERTERRORISM'],
        thirdPartyRule: true,
        sources: cite,
      },
    });
    expect(channel.data?.createChannel).toEqual({
      id: 'club-of-berne',
      scope: 'MULTILATERAL',
      disciplines: ['COUNTERTERRORISM'],
      thirdPartyRule: true,
    });
    const operation = await postGraphQL(server.url, CreateOperationDocument, {
      input: { id: 'op-x', name: 'Operation X', codename: 'VALUABLE', sources: cite },
    });
    expect(operation.data?.createOperation).toEqual({ id: 'op-x', codename: 'VALUABLE' });
    const officer = await postGraphQL(server.url, CreateOfficerDocument, {
      input: {
        id: 'kim-philby',
        name: 'Kim Philby',
        born: '1912-01-01',
        nationality: 'gbr',
        sources: cite,
      },
    });
    expect(officer.data?.createOfficer).toEqual({
      id: 'kim-philby',
      name: 'Kim Philby',
      born: '1912-01-01',
      nationality: { id: 'gbr' },
    });
    const updated = await postGraphQL(server.url, UpdateOfficerDocument, {
      id: 'kim-philby',
      input: { died: '1988-05-11' },
    });
    expect(updated.data?.updateOfficer).toEqual({
      id: 'kim-philby',
      name: 'Kim Philby',
      died: '1988-05-11',
    });
    const deleted = await postGraphQL(server.url, DeleteOfficerDocument, { id: 'kim-philby' });
    expect(deleted.data?.deleteOfficer).toEqual({ id: 'kim-philby', linksDeleted: 1 });
  });
});

describe('link mutations', () => {
  beforeEach(async () => {
    await importDocument(database.executor, {
      officers: [{ id: 'kim-philby', name: 'Kim Philby', sources: cite }],
    });
  });

  const penetration = {
    type: 'AGENT_OF' as const,
    start: 'kim-philby',
    end: 'kgb',
    kind: 'RECRUITED' as const,
    confidence: 'SUSPECTED' as const,
    from: '1954',
    to: '1963',
    sources: cite,
  };

  it('create a penetration with a readable id, then refuse it twice with CONFLICT', async () => {
    const created = await postGraphQL(server.url, CreateLinkDocument, { input: penetration });
    expect(created.data?.createLink).toEqual({
      id: 'kim-philby/AGENT_OF/kgb',
      type: 'AGENT_OF',
      agent: { id: 'kim-philby' },
      service: { id: 'kgb' },
      kind: 'RECRUITED',
      confidence: 'SUSPECTED',
      from: '1954',
      to: '1963',
    });
    const again = await postGraphQL(server.url, CreateLinkDocument, { input: penetration });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });

  it('refuse properties a type does not carry, roles outside its vocabulary and missing AGENT_OF fields', async () => {
    const before = await snapshot();
    const party = await postGraphQL(server.url, CreateLinkDocument, {
      input: {
        type: 'PARTY_TO',
        start: 'kgb',
        end: 'sis-cia',
        role: 'BOSS',
        kind: 'RECRUITED',
        sources: cite,
      },
    });
    expect(party.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          field: 'kind',
          message: "PARTY_TO links carry role, from, to, attested; 'kind' is not one of them",
        },
        { field: 'role', message: 'a PARTY_TO role is one of SENIOR, JUNIOR, MEMBER; got "BOSS"' },
      ],
    });
    const agent = await postGraphQL(server.url, CreateLinkDocument, {
      input: {
        type: 'AGENT_OF',
        start: 'kim-philby',
        end: 'kgb',
        kind: 'RECRUITED',
        sources: cite,
      },
    });
    expect(agent.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'confidence', message: 'AGENT_OF links need both kind and confidence' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuse ends of the wrong kind (BAD_USER_INPUT) and ends that name nothing (NOT_FOUND)', async () => {
    const wrongKind = await postGraphQL(server.url, CreateLinkDocument, {
      input: { ...penetration, end: 'sis-cia' },
    });
    expect(wrongKind.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(wrongKind.errors?.[0]?.message).toBe(
      'Nothing was written: input: end: "sis-cia" is a LiaisonChannel; a AGENT_OF link ends at Service or Organization',
    );
    const missing = await postGraphQL(server.url, CreateLinkDocument, {
      input: { ...penetration, end: 'stasi' },
    });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('update a link with patch semantics and delete it', async () => {
    await postGraphQL(server.url, CreateLinkDocument, { input: penetration });
    const updated = await postGraphQL(server.url, UpdateLinkDocument, {
      id: 'kim-philby/AGENT_OF/kgb',
      input: { confidence: 'CONFIRMED', to: null },
    });
    expect(updated.data?.updateLink).toEqual({
      id: 'kim-philby/AGENT_OF/kgb',
      confidence: 'CONFIRMED',
      to: null,
    });
    const disordered = await postGraphQL(server.url, UpdateLinkDocument, {
      id: 'kim-philby/AGENT_OF/kgb',
      input: { to: '1950' },
    });
    expect(disordered.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const deleted = await postGraphQL(server.url, DeleteLinkDocument, {
      id: 'kim-philby/AGENT_OF/kgb',
    });
    expect(deleted.data?.deleteLink).toEqual({ id: 'kim-philby/AGENT_OF/kgb' });
    const again = await postGraphQL(server.url, DeleteLinkDocument, {
      id: 'kim-philby/AGENT_OF/kgb',
    });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('importGraph', () => {
  const document = {
    services: [
      {
        id: 'cia',
        name: 'Central Intelligence Agency',
        kind: 'FOREIGN_INTELLIGENCE',
        sources: cite,
      },
    ],
    officers: [
      {
        id: 'kim-philby',
        name: 'Kim Philby',
        sources: cite,
        postedTo: [{ channel: 'sis-cia', from: '1949', to: '1951', sources: cite }],
        agentOf: [
          {
            service: 'kgb',
            kind: 'RECRUITED',
            confidence: 'CONFIRMED',
            from: '1954',
            to: '1963',
            sources: cite,
          },
        ],
      },
    ],
    channels: [
      {
        id: 'sis-cia',
        name: 'SIS-CIA',
        scope: 'BILATERAL',
        sources: cite,
        parties: [
          { service: 'sis', sources: cite },
          { service: 'cia', sources: cite },
        ],
      },
    ],
  };

  it('upsert a document in the seed format, idempotently', async () => {
    const first = await postGraphQL(server.url, ImportGraphDocument, { document });
    expect(first.errors).toBeUndefined();
    expect(first.data?.importGraph.written).toEqual(
      expect.arrayContaining([
        { kind: 'Service', count: 1 },
        { kind: 'Officer', count: 1 },
        { kind: 'PARTY_TO', count: 2 },
        { kind: 'AGENT_OF', count: 1 },
      ]),
    );
    const second = await postGraphQL(server.url, ImportGraphDocument, { document });
    expect(second.data?.importGraph.totals).toEqual(first.data?.importGraph.totals);
  });

  it('refuse the whole document when its last entry is bad: nothing of the first entries is written', async () => {
    const before = await snapshot();
    const bad = {
      ...document,
      operations: [
        {
          id: 'op',
          name: 'Op',
          sources: cite,
          through: [{ channel: 'no-such-channel', sources: cite }],
        },
      ],
    };
    const response = await postGraphQL(server.url, ImportGraphDocument, { document: bad });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      problems: [
        {
          file: 'operations',
          entry: 0,
          id: 'op',
          field: 'through[0]',
          message: '"no-such-channel" names nothing, neither in the document nor in the database',
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('name the section, entry and field of every schema problem', async () => {
    const response = await postGraphQL(server.url, ImportGraphDocument, {
      document: { services: [{ id: 'x', name: 'X', kind: 'SPIES', sources: cite }], unknown: [] },
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.['problems']).toEqual([
      {
        file: 'unknown',
        message:
          'unknown section; expected sources, countries, services, organizations, officers, channels, operations',
      },
      expect.objectContaining({ file: 'services', entry: 0, id: 'x', field: 'kind' }),
    ]);
  });
});
