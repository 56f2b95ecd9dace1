import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { ApiKeyStore, type ApiKeyInput } from '../../src/auth/index.js';
import { CLASSIFICATIONS, type Classification } from '../../src/model/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import {
  ApiKeysDocument,
  CreateApiKeyDocument,
  RevokeApiKeyDocument,
} from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL } from '../support/http.js';
import { keysOnly, serverOptions } from '../support/testApi.js';

const RUNS = Number(process.env['KEY_ISSUANCE_PROPERTY_RUNS'] ?? 40);

const ROLE_ORDER = ['reader', 'analyst', 'editor', 'admin'] as const;
const NATIONALITIES = [null, 'GBR', 'USA', 'FRA'] as const;

type Grant = Pick<ApiKeyInput, 'role' | 'clearance' | 'nationality'>;

/**
 * The grant rule as the test states it, apart from the implementation's: no higher role, no
 * higher clearance, and no nationality other than the issuer's own (a key of no nationality sees
 * less than any, so it is always within).
 */
const within = (issuer: Grant, key: Grant): boolean =>
  ROLE_ORDER.indexOf(key.role) <= ROLE_ORDER.indexOf(issuer.role) &&
  CLASSIFICATIONS.indexOf(key.clearance) <= CLASSIFICATIONS.indexOf(issuer.clearance) &&
  (key.nationality === null || key.nationality === issuer.nationality);

const refusal = (issuer: Grant, key: Grant): string =>
  `A key may hold at most what its issuer holds: you may grant a role up to ${issuer.role}, a clearance up to ${issuer.clearance} and ${
    issuer.nationality === null
      ? 'no nationality (your credential names none, so it sees nothing restricted by releasability)'
      : `nationality "${issuer.nationality}" or none`
  }; asked for role ${key.role}, clearance ${key.clearance} and ${
    key.nationality === null ? 'no nationality' : `nationality "${key.nationality}"`
  }. Ask for less, or have an admin who holds it make the key.`;

const notFound = (id: string): string =>
  `No stored API key that you could have issued has id "${id}"; keys from API_KEYS or API_KEYS_FILE are revoked by removing them from there.`;

const grant = (roles: readonly Grant['role'][]): fc.Arbitrary<Grant> =>
  fc.record({
    role: fc.constantFrom(...roles),
    clearance: fc.constantFrom<Classification>(...CLASSIFICATIONS),
    nationality: fc.constantFrom<string | null>(...NATIONALITIES),
  });

const made = {
  top: newApiKeyRecord({ name: 'top', role: 'admin', clearance: 'TOP_SECRET', nationality: null }),
  low: newApiKeyRecord({
    name: 'low',
    role: 'admin',
    clearance: 'CONFIDENTIAL',
    nationality: null,
  }),
  gbr: newApiKeyRecord({ name: 'gbr', role: 'admin', clearance: 'SECRET', nationality: 'GBR' }),
};
const as = (who: keyof typeof made) => ({ key: made[who].key });

let database: Database;
let server: RunningServer;
let store: ApiKeyStore;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  store = new ApiKeyStore(database.executor);
  server = await startServer(
    database,
    serverOptions({ auth: keysOnly(Object.values(made).map((m) => m.record)) }),
    testLog,
  );
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

const listedIds = async (key: string): Promise<string[]> => {
  const listed = await postGraphQL(server.url, ApiKeysDocument, {}, { key });
  expect(listed.errors).toBeUndefined();
  return (listed.data?.apiKeys ?? []).map((k) => k.id);
};

describe('an admin grants at most its own role, clearance and releasability', () => {
  it('refuses a CONFIDENTIAL admin a TOP_SECRET/USA admin key (FORBIDDEN), making none', async () => {
    const before = await store.list();
    const asked = { role: 'admin', clearance: 'TOP_SECRET', nationality: 'USA' } as const;
    const response = await postGraphQL(
      server.url,
      CreateApiKeyDocument,
      { input: { name: 'escalation', ...asked } },
      as('low'),
    );
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toBe(
      refusal({ role: 'admin', clearance: 'CONFIDENTIAL', nationality: null }, asked),
    );
    expect(await store.list()).toEqual(before);
  });

  it('lets an admin of a nationality grant that nationality or none, and no other', async () => {
    for (const nationality of ['GBR', null]) {
      const response = await postGraphQL(
        server.url,
        CreateApiKeyDocument,
        { input: { name: 'desk', role: 'reader', clearance: 'SECRET', nationality } },
        as('gbr'),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.createApiKey.apiKey.nationality).toBe(nationality);
    }
    const other = await postGraphQL(
      server.url,
      CreateApiKeyDocument,
      { input: { name: 'desk', role: 'reader', clearance: 'SECRET', nationality: 'USA' } },
      as('gbr'),
    );
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('hides higher keys from the list and answers their revocation as for a missing id', async () => {
    const higher = await store.create({
      name: 'higher',
      role: 'reader',
      clearance: 'SECRET',
      nationality: null,
    });
    expect(await listedIds(made.top.key)).toContain(higher.record.id);
    expect(await listedIds(made.low.key)).not.toContain(higher.record.id);
    const missing = await postGraphQL(
      server.url,
      RevokeApiKeyDocument,
      { id: '000000000000' },
      as('low'),
    );
    const hidden = await postGraphQL(
      server.url,
      RevokeApiKeyDocument,
      { id: higher.record.id },
      as('low'),
    );
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', argument: 'id' });
    expect(hidden.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', argument: 'id' });
    expect(missing.errors?.[0]?.message).toBe(notFound('000000000000'));
    expect(hidden.errors?.[0]?.message).toBe(notFound(higher.record.id));
    expect((await store.find(higher.record.id))?.revokedAt).toBeUndefined();
  });

  it('refuses nationality "XXX", the audit log\'s marker for no nation, as BAD_USER_INPUT', async () => {
    const response = await postGraphQL(
      server.url,
      CreateApiKeyDocument,
      { input: { name: 'marker', role: 'reader', clearance: 'SECRET', nationality: 'XXX' } },
      as('top'),
    );
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe(
      'The key was not made: nationality: "XXX" is the audit log\'s marker for "releasable to no nation", not a nationality; give a real code, or none.',
    );
  });

  it('on random issuers and requests: creates, lists and revokes exactly within the grant', async () => {
    await fc.assert(
      fc.asyncProperty(grant(['admin']), grant(ROLE_ORDER), grant(ROLE_ORDER), async (...drawn) => {
        const [issuerGrant, asked, targetGrant] = drawn;
        const issuer = await store.create({ name: 'issuer', ...issuerGrant });
        const target = await store.create({ name: 'target', ...targetGrant });
        const key = issuer.key;

        const created = await postGraphQL(
          server.url,
          CreateApiKeyDocument,
          { input: { name: 'asked', ...asked } },
          { key },
        );
        if (within(issuerGrant, asked)) {
          expect(created.errors).toBeUndefined();
          expect(created.data?.createApiKey.apiKey).toMatchObject(asked);
        } else {
          expect(created.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
          expect(created.errors?.[0]?.message).toBe(refusal(issuerGrant, asked));
        }

        const stored = await store.list();
        expect(await listedIds(key)).toEqual(
          stored.filter((k) => within(issuerGrant, k)).map((k) => k.id),
        );

        const revoked = await postGraphQL(
          server.url,
          RevokeApiKeyDocument,
          { id: target.record.id },
          { key },
        );
        if (within(issuerGrant, targetGrant)) {
          expect(revoked.errors).toBeUndefined();
          expect(revoked.data?.revokeApiKey.revokedAt).toMatch(/^\d{4}-/);
        } else {
          expect(revoked.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', argument: 'id' });
          expect(revoked.errors?.[0]?.message).toBe(notFound(target.record.id));
          expect((await store.find(target.record.id))?.revokedAt).toBeUndefined();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
