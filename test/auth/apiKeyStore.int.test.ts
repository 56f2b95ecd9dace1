import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyQuery } from '../../src/auth/apiKeyQueries.js';
import { ApiKeyStore, createAuthenticator } from '../../src/auth/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { authConfig, headers } from './authFixtures.js';

let database: Database;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
});

afterAll(async () => {
  await database.close();
});

const INPUT = {
  name: 'liaison desk',
  role: 'editor',
  clearance: 'SECRET',
  nationality: 'FRA',
} as const;

describe('ApiKeyStore over Neo4j', () => {
  it('has a uniqueness constraint on ApiKey.id', async () => {
    const rows = await database.executor.read({
      cypher:
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE 'ApiKey' IN labelsOrTypes RETURN name, type, properties",
      params: {},
    });
    expect(rows).toEqual([{ name: 'api_key_id_unique', type: 'UNIQUENESS', properties: ['id'] }]);
  });

  it('creates a key, finds it with its hash and lists it without', async () => {
    const store = new ApiKeyStore(database.executor);
    const { key, record } = await store.create(INPUT);
    expect(key.startsWith(`lgk_${record.id}_`)).toBe(true);
    await expect(store.find(record.id)).resolves.toEqual(record);
    const { hash: _hash, ...summary } = record;
    expect(await store.list()).toContainEqual(summary);
    const stored = await database.executor.read({
      cypher: 'MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS props',
      params: { id: record.id },
    });
    expect(JSON.stringify(stored)).not.toContain(key.slice(17));
  });

  it('gives back times in the form they were written, whole seconds included', async () => {
    const store = new ApiKeyStore(database.executor, { now: () => Date.UTC(2025, 0, 31, 12) });
    const { record } = await store.create(INPUT);
    expect(record.createdAt).toBe('2025-01-31T12:00:00.000Z');
    await expect(store.find(record.id)).resolves.toEqual(record);
    await expect(store.revoke(record.id)).resolves.toEqual({
      ...record,
      revokedAt: '2025-01-31T12:00:00.000Z',
    });
  });

  it('refuses a second key with the same id (CONFLICT)', async () => {
    const store = new ApiKeyStore(database.executor);
    const { record } = await store.create(INPUT);
    await expect(database.executor.write(createApiKeyQuery(record))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('accepts a stored key until it is revoked, then refuses it at once', async () => {
    const authenticator = createAuthenticator(authConfig(), database.executor, testLog);
    const { key, record } = await authenticator.apiKeys.create(INPUT);
    await expect(authenticator.authenticate(headers({ 'X-API-Key': key }))).resolves.toEqual({
      ok: true,
      caller: {
        subject: record.id,
        via: 'api-key',
        role: 'editor',
        clearance: 'SECRET',
        nationality: 'FRA',
      },
    });
    const revoked = await authenticator.apiKeys.revoke(record.id);
    expect(revoked?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    await expect(authenticator.authenticate(headers({ 'X-API-Key': key }))).resolves.toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: `The API key was revoked at ${revoked?.revokedAt}; ask an administrator for a new one.`,
    });
  });

  it('keeps the first revocation time and answers undefined for an unknown id', async () => {
    const store = new ApiKeyStore(database.executor);
    const { record } = await store.create(INPUT);
    const first = await store.revoke(record.id);
    const second = await store.revoke(record.id);
    expect(second?.revokedAt).toBe(first?.revokedAt);
    await expect(store.revoke('0123456789ab')).resolves.toBeUndefined();
    await expect(store.find('0123456789ab')).resolves.toBeUndefined();
  });

  it('sees a revocation made by another process once its cache expires', async () => {
    let clock = Date.now();
    const authenticator = createAuthenticator(authConfig(), database.executor, testLog, {
      cacheTtlMs: 5000,
      now: () => clock,
    });
    const elsewhere = new ApiKeyStore(database.executor);
    const { key, record } = await elsewhere.create(INPUT);
    expect((await authenticator.authenticate(headers({ 'X-API-Key': key }))).ok).toBe(true);
    await elsewhere.revoke(record.id);
    expect((await authenticator.authenticate(headers({ 'X-API-Key': key }))).ok).toBe(true);
    clock += 5000;
    expect((await authenticator.authenticate(headers({ 'X-API-Key': key }))).ok).toBe(false);
  });

  it('refuses a stored key edited into an invalid role rather than trusting it', async () => {
    const store = new ApiKeyStore(database.executor);
    const { key, record } = await store.create(INPUT);
    await database.executor.write({
      cypher: "MATCH (k:ApiKey {id: $id}) SET k.role = 'superuser'",
      params: { id: record.id },
    });
    const authenticator = createAuthenticator(authConfig(), database.executor, testLog);
    await expect(authenticator.authenticate(headers({ 'X-API-Key': key }))).resolves.toMatchObject({
      ok: false,
      message:
        'The API key is not recognised: check that it was copied whole, or ask an administrator for a new one.',
    });
  });
});
