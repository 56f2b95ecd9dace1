import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import {
  ApiKeysDocument,
  AuditLogDocument,
  CreateApiKeyDocument,
  CreateServiceDocument,
  DeleteServiceDocument,
  RevokeApiKeyDocument,
  ServiceDocument,
} from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL } from '../support/http.js';
import { keysOnly, serverOptions } from '../support/testApi.js';

const cite = [{ source: 'ref', section: 'p. 1' }];
const base = {
  sources: [{ id: 'ref', title: 'A test reference' }],
  countries: [{ id: 'gbr', name: 'United Kingdom', code: 'GBR', sources: cite }],
};

const made = {
  editor: newApiKeyRecord({ name: 'e', role: 'editor', clearance: 'SECRET', nationality: null }),
  admin: newApiKeyRecord({ name: 'a', role: 'admin', clearance: 'TOP_SECRET', nationality: null }),
  lowAdmin: newApiKeyRecord({
    name: 'l',
    role: 'admin',
    clearance: 'CONFIDENTIAL',
    nationality: null,
  }),
};
const as = (who: keyof typeof made) => ({ key: made[who].key });

let database: Database;
let server: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  server = await startServer(
    database,
    serverOptions({ auth: keysOnly(Object.values(made).map((m) => m.record)) }),
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

const log = async (who: keyof typeof made, filter = {}) => {
  const response = await postGraphQL(server.url, AuditLogDocument, { filter }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data?.auditLog.edges.map((e) => e.node) ?? [];
};

describe('the audit log', () => {
  it("records who did what, when, and which ids, in the mutation's own transaction", async () => {
    const started = new Date().toISOString();
    const created = await postGraphQL(
      server.url,
      CreateServiceDocument,
      { input: { id: 'mi5', name: 'MI5', kind: 'SECURITY', country: 'gbr', sources: cite } },
      as('editor'),
    );
    expect(created.errors).toBeUndefined();
    const [entry, ...rest] = await log('admin');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      subject: made.editor.record.id,
      via: 'api-key',
      role: 'editor',
      operation: 'createService',
      before: [],
      after: ['mi5', 'mi5/OF/gbr'],
      omitted: 0,
      classification: 'UNCLASSIFIED',
    });
    expect(entry?.at && entry.at >= started).toBe(true);
    const deleted = await postGraphQL(
      server.url,
      DeleteServiceDocument,
      { id: 'mi5' },
      as('editor'),
    );
    expect(deleted.errors).toBeUndefined();
    const [latest] = await log('admin', { touching: 'mi5' });
    expect(latest).toMatchObject({
      operation: 'deleteService',
      before: ['mi5', 'mi5/OF/gbr'],
      after: [],
    });
  });

  it('writes nothing for a refused mutation', async () => {
    const refused = await postGraphQL(
      server.url,
      CreateServiceDocument,
      { input: { id: 'gbr', name: 'Taken', kind: 'SECURITY', sources: cite } },
      as('editor'),
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await log('admin')).toEqual([]);
  });

  it('is marked like the most classified element it names, and read only by admins cleared for it', async () => {
    await postGraphQL(
      server.url,
      CreateServiceDocument,
      {
        input: {
          id: 'unit',
          name: 'Unit',
          kind: 'SIGINT',
          classification: 'SECRET',
          sources: cite,
        },
      },
      as('editor'),
    );
    expect((await log('admin')).map((e) => [e.operation, e.classification])).toEqual([
      ['createService', 'SECRET'],
    ]);
    expect(await log('lowAdmin')).toEqual([]);
    const editor = await postGraphQL(server.url, AuditLogDocument, {}, as('editor'));
    expect(editor.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses a malformed instant in its filter', async () => {
    const response = await postGraphQL(
      server.url,
      AuditLogDocument,
      { filter: { since: 'yesterday' } },
      as('admin'),
    );
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe(
      '\'filter.since\' must be an ISO 8601 instant such as 2026-11-23T10:00:00Z; got "yesterday".',
    );
  });
});

describe('API keys managed by admins', () => {
  it('makes a key that works at once, lists it without its secret, and revokes it', async () => {
    const made2 = await postGraphQL(
      server.url,
      CreateApiKeyDocument,
      { input: { name: 'bob', role: 'reader', clearance: 'SECRET', nationality: null } },
      as('admin'),
    );
    expect(made2.errors).toBeUndefined();
    const key = made2.data?.createApiKey.key ?? '';
    const id = made2.data?.createApiKey.apiKey.id ?? '';
    expect(key.startsWith(`lgk_${id}_`)).toBe(true);
    const read = await postGraphQL(server.url, ServiceDocument, { id: 'none' }, { key });
    expect(read.status).toBe(200);
    const listed = await postGraphQL(server.url, ApiKeysDocument, {}, as('admin'));
    // The secret is everything after the id (base64url, so it may hold '_' itself).
    const secret = key.slice(`lgk_${id}_`.length);
    expect(secret.length).toBe(43);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect(listed.data?.apiKeys.map((k) => [k.id, k.name, k.revokedAt])).toEqual([
      [id, 'bob', null],
    ]);
    const revoked = await postGraphQL(server.url, RevokeApiKeyDocument, { id }, as('admin'));
    expect(revoked.data?.revokeApiKey.revokedAt).toMatch(/^\d{4}-/);
    const refused = await postGraphQL(server.url, ServiceDocument, { id: 'none' }, { key });
    expect(refused.status).toBe(401);
    expect((await log('admin')).map((e) => [e.operation, e.before, e.after])).toEqual([
      ['revokeApiKey', [id], [id]],
      ['createApiKey', [], [id]],
    ]);
  });

  it('refuses a bad key input and an unknown id with coded errors', async () => {
    const bad = await postGraphQL(
      server.url,
      CreateApiKeyDocument,
      { input: { name: 'x', role: 'root', clearance: 'SECRET' } },
      as('admin'),
    );
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('role');
    const unknown = await postGraphQL(
      server.url,
      RevokeApiKeyDocument,
      { id: '000000000000' },
      as('admin'),
    );
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const byEditor = await postGraphQL(
      server.url,
      CreateApiKeyDocument,
      { input: { name: 'x', role: 'reader', clearance: 'SECRET' } },
      as('editor'),
    );
    expect(byEditor.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
