import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newApiKeyRecord, type ApiKeyInput } from '../../src/auth/apiKeyRecord.js';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import {
  CreateLinkDocument,
  CreateServiceDocument,
  DeleteServiceDocument,
  ImportGraphDocument,
  PenetrationReachDocument,
  ReachWindowsDocument,
  ServiceDocument,
  ServicesDocument,
  UpdateServiceDocument,
} from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL, postRaw, type As } from '../support/http.js';
import { keysOnly, serverOptions } from '../support/testApi.js';

const cite = [{ source: 'ref', section: 'p. 1' }];

/** Open services and links, one SECRET service, one releasable to USA only, one hidden link. */
const graph = {
  sources: [{ id: 'ref', title: 'A test reference' }],
  countries: [{ id: 'gbr', name: 'United Kingdom', code: 'GBR', sources: cite }],
  services: [
    { id: 'sis', name: 'SIS', kind: 'FOREIGN_INTELLIGENCE', country: 'gbr', sources: cite },
    { id: 'cia', name: 'CIA', kind: 'FOREIGN_INTELLIGENCE', sources: cite },
    { id: 'kgb', name: 'KGB', kind: 'FOREIGN_INTELLIGENCE', sources: cite },
    {
      id: 'secret-unit',
      name: 'Secret unit',
      kind: 'SIGINT',
      classification: 'SECRET',
      sources: cite,
    },
    { id: 'us-only', name: 'US only', kind: 'SIGINT', releasableTo: ['USA'], sources: cite },
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
        { service: 'secret-unit', classification: 'TOP_SECRET', sources: cite },
      ],
    },
  ],
  officers: [
    {
      id: 'philby',
      name: 'Kim Philby',
      sources: cite,
      serves: [{ service: 'sis', from: '1940', to: '1963', sources: cite }],
      agentOf: [
        { service: 'kgb', kind: 'RECRUITED', from: '1934', confidence: 'CONFIRMED', sources: cite },
      ],
    },
  ],
};

const key = (input: ApiKeyInput) => newApiKeyRecord(input);
const made = {
  reader: key({ name: 'reader', role: 'reader', clearance: 'TOP_SECRET', nationality: 'GBR' }),
  analyst: key({ name: 'analyst', role: 'analyst', clearance: 'CONFIDENTIAL', nationality: 'GBR' }),
  editor: key({ name: 'editor', role: 'editor', clearance: 'SECRET', nationality: 'GBR' }),
  usEditor: key({ name: 'us editor', role: 'editor', clearance: 'SECRET', nationality: 'USA' }),
  admin: key({ name: 'admin', role: 'admin', clearance: 'TOP_SECRET', nationality: 'GBR' }),
};
const as = (who: keyof typeof made) => ({ key: made[who].key });

let database: Database;
let server: RunningServer;
let anonymous: RunningServer;
/** HS256 secret of this run's token-verifying server (made here, never stored). */
const jwtSecret = new TextEncoder().encode(`test-secret-${Math.random()}-${Date.now()}-padding`);

beforeAll(async () => {
  database = connectTestDatabase();
  const records = Object.values(made).map((m) => m.record);
  const jwt = { secret: jwtSecret, rs256: undefined, issuer: undefined, audience: undefined };
  server = await startServer(
    database,
    serverOptions({ auth: keysOnly(records, { jwt }) }),
    testLog,
  );
  anonymous = await startServer(
    database,
    serverOptions({ auth: keysOnly(records, { anonymousRead: true }) }),
    testLog,
  );
});

beforeEach(async () => {
  await resetDatabase(database);
  await importDocument(database.executor, graph);
});

afterAll(async () => {
  await server.stop();
  await anonymous.stop();
  await database.close();
});

const serviceIds = async (url: string, who: As) =>
  (await postGraphQL(url, ServicesDocument, {}, who)).data?.services.edges.map((e) => e.node.id);

describe('authentication', () => {
  it('refuses a request without credentials with 401 UNAUTHENTICATED, saying how to authenticate', async () => {
    const response = await postRaw(server.url, JSON.stringify({ query: '{ __typename }' }), {
      key: null,
    });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toMatch(/API key|Bearer/);
  });

  it('refuses a wrong key exactly as an unknown one', async () => {
    const [, id] = made.reader.key.split('_');
    const wrong = await postRaw(server.url, '{"query":"{ __typename }"}', {
      key: `lgk_${id}_${'A'.repeat(43)}`,
    });
    const unknown = await postRaw(server.url, '{"query":"{ __typename }"}', {
      key: `lgk_000000000000_${'A'.repeat(43)}`,
    });
    expect(wrong.status).toBe(401);
    expect(wrong).toEqual(unknown);
  });

  it('lets anonymous callers read only unclassified, unrestricted data when the operator allows it', async () => {
    expect(await serviceIds(anonymous.url, { key: null })).toEqual(['cia', 'kgb', 'sis']);
    const write = await postGraphQL(
      anonymous.url,
      CreateServiceDocument,
      { input: { id: 'x', name: 'X', kind: 'SIGINT', sources: cite } },
      { key: null },
    );
    expect(write.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('bearer tokens', () => {
  const token = (claims: Record<string, unknown>) =>
    new SignJWT({ sub: 'carol', ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(jwtSecret);

  it('take role, clearance and nationality from the claims', async () => {
    const secret = await token({ role: 'reader', clearance: 'SECRET', nationality: 'GBR' });
    expect(await serviceIds(server.url, { key: null, token: secret })).toEqual([
      'cia',
      'kgb',
      'secret-unit',
      'sis',
    ]);
    const open = await token({ role: 'reader', clearance: 'UNCLASSIFIED', nationality: 'USA' });
    expect(await serviceIds(server.url, { key: null, token: open })).toEqual([
      'cia',
      'kgb',
      'sis',
      'us-only',
    ]);
  });

  it('refuse a token signed with another secret', async () => {
    const forged = await new SignJWT({ sub: 'mallory', role: 'admin', clearance: 'TOP_SECRET' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    const response = await postRaw(server.url, '{"query":"{ __typename }"}', { token: forged });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.message).toBe(
      "The bearer token's signature does not verify: it was not issued for this API, or it was altered.",
    );
  });
});

describe('roles', () => {
  it('let readers read but not run path analyses or write', async () => {
    expect(await serviceIds(server.url, as('reader'))).toEqual([
      'cia',
      'kgb',
      'secret-unit',
      'sis',
    ]);
    const reach = await postGraphQL(
      server.url,
      PenetrationReachDocument,
      { agent: 'philby' },
      as('reader'),
    );
    expect(reach.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(reach.errors?.[0]?.message).toBe(
      "'penetrationReach' needs the analyst role or above; you are a reader.",
    );
  });

  it('let analysts run path analyses, editors write, and only admins import', async () => {
    const reach = await postGraphQL(
      server.url,
      PenetrationReachDocument,
      { agent: 'philby' },
      as('analyst'),
    );
    expect(reach.errors).toBeUndefined();
    // sis-cia has no start and no attestation, so it is never certain (docs/path-semantics.md,
    // "Time"): the default (certain) reach stops at Philby's own service; the possible one
    // crosses the channel.
    expect(reach.data?.penetrationReach.channels).toEqual([]);
    expect(reach.data?.penetrationReach.services.map((s) => s.service.id)).toEqual(['sis']);
    const possible = await postGraphQL(
      server.url,
      ReachWindowsDocument,
      { agent: 'philby', certainty: 'POSSIBLE' },
      as('analyst'),
    );
    expect(possible.errors).toBeUndefined();
    expect(
      possible.data?.penetrationReach.channels.map((c) => [c.channel.id, c.certainty]),
    ).toEqual([['sis-cia', 'POSSIBLE']]);
    const denied = await postGraphQL(
      server.url,
      CreateServiceDocument,
      { input: { id: 'mi5', name: 'MI5', kind: 'SECURITY', sources: cite } },
      as('analyst'),
    );
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const created = await postGraphQL(
      server.url,
      CreateServiceDocument,
      { input: { id: 'mi5', name: 'MI5', kind: 'SECURITY', sources: cite } },
      as('editor'),
    );
    expect(created.errors).toBeUndefined();
    const importing = await postGraphQL(
      server.url,
      ImportGraphDocument,
      { document: { sources: [{ id: 'ref2', title: 'Another' }] } },
      as('editor'),
    );
    expect(importing.errors?.[0]?.message).toBe(
      "'importGraph' needs the admin role or above; you are an editor.",
    );
  });
});

describe('clearance in reads', () => {
  it('hides what is above the clearance from lists, counts and paths', async () => {
    // The analyst is CONFIDENTIAL: the SECRET unit and the TOP_SECRET membership are not there.
    expect(await serviceIds(server.url, as('analyst'))).toEqual(['cia', 'kgb', 'sis']);
    // Possible reach, since sis-cia (no start, no attestation) is never certain: the admin
    // (TOP_SECRET) reaches the SECRET unit over its TOP_SECRET membership, the analyst does not.
    const reached = async (who: 'analyst' | 'admin') => {
      const reach = await postGraphQL(
        server.url,
        ReachWindowsDocument,
        { agent: 'philby', certainty: 'POSSIBLE' },
        as(who),
      );
      expect(reach.errors).toBeUndefined();
      return reach.data?.penetrationReach.services.map((s) => s.service.id).sort();
    };
    expect(await reached('admin')).toEqual(['cia', 'secret-unit', 'sis']);
    expect(await reached('analyst')).toEqual(['cia', 'sis']);
  });

  it('answers for a hidden entity exactly as for one that does not exist', async () => {
    const hidden = await postGraphQL(server.url, ServiceDocument, { id: 'us-only' }, as('editor'));
    const missing = await postGraphQL(server.url, ServiceDocument, { id: 'nothing' }, as('editor'));
    expect(hidden.data?.service).toBeNull();
    expect(missing.data?.service).toBeNull();
    const seen = await postGraphQL(server.url, ServiceDocument, { id: 'us-only' }, as('usEditor'));
    expect(seen.data?.service?.id).toBe('us-only');
  });
});

describe('clearance in writes', () => {
  it('refuses to write what the writer could not read back, and writes nothing', async () => {
    const response = await postGraphQL(
      server.url,
      CreateServiceDocument,
      {
        input: {
          id: 'ts-unit',
          name: 'TS unit',
          kind: 'SIGINT',
          classification: 'TOP_SECRET',
          sources: cite,
        },
      },
      as('editor'),
    );
    expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toContain(
      'you may write up to SECRET, releasable to GBR',
    );
    const read = await postGraphQL(server.url, ServiceDocument, { id: 'ts-unit' }, as('admin'));
    expect(read.data?.service).toBeNull();
  });

  it('treats a hidden entity as missing when updating it or linking to it', async () => {
    const update = await postGraphQL(
      server.url,
      UpdateServiceDocument,
      { id: 'us-only', input: { name: 'Renamed' } },
      as('editor'),
    );
    const updateMissing = await postGraphQL(
      server.url,
      UpdateServiceDocument,
      { id: 'nothing', input: { name: 'Renamed' } },
      as('editor'),
    );
    expect(update.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(update.errors?.[0]?.message).toBe(
      updateMissing.errors?.[0]?.message.replace('nothing', 'us-only'),
    );
    const link = await postGraphQL(
      server.url,
      CreateLinkDocument,
      { input: { type: 'SERVES', start: 'philby', end: 'us-only', sources: cite } },
      as('editor'),
    );
    expect(link.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(link.errors?.[0]?.message).toContain('"us-only" names nothing');
  });

  it('does not say what kind of thing holds an id the writer cannot see', async () => {
    const response = await postGraphQL(
      server.url,
      CreateServiceDocument,
      { input: { id: 'us-only', name: 'Mine', kind: 'SIGINT', sources: cite } },
      as('editor'),
    );
    expect(response.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toContain('id "us-only" is not available');
    expect(response.errors?.[0]?.message).not.toContain('Service');
  });

  it('refuses to delete an entity with links the writer cannot see, and keeps them', async () => {
    // The editor (SECRET) sees the SECRET unit but not its TOP_SECRET membership.
    const response = await postGraphQL(
      server.url,
      DeleteServiceDocument,
      { id: 'secret-unit' },
      as('editor'),
    );
    expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toContain('cannot be deleted with your clearance');
    const kept = await database.executor.read({
      cypher: "MATCH (:Service {id: 'secret-unit'})-[r:PARTY_TO]->() RETURN count(r) AS n",
      params: {},
    });
    expect(Number(kept[0]?.['n'])).toBe(1);
    const byAdmin = await postGraphQL(
      server.url,
      DeleteServiceDocument,
      { id: 'secret-unit' },
      as('admin'),
    );
    expect(byAdmin.data?.deleteService).toEqual({ id: 'secret-unit', linksDeleted: 1 });
  });
});
