import { describe, expect, it } from 'vitest';
import {
  createApiKeyQuery,
  findApiKeyQuery,
  listApiKeysQuery,
  revokeApiKeyQuery,
} from '../../src/auth/apiKeyQueries.js';
import { makeKey } from './authFixtures.js';

describe('API key statements', () => {
  it('pass every value as a parameter', () => {
    const { record } = makeKey({ name: 'O\'Brien" }) DETACH DELETE (n) //' });
    const create = createApiKeyQuery(record);
    expect(create.params).toEqual({
      id: record.id,
      name: record.name,
      hash: record.hash,
      role: 'analyst',
      clearance: 'SECRET',
      nationality: 'GBR',
      createdAt: record.createdAt,
    });
    for (const query of [
      create,
      findApiKeyQuery(record.id),
      revokeApiKeyQuery(record.id, '2025-01-01T00:00:00Z'),
      listApiKeysQuery(),
    ]) {
      for (const value of [record.id, record.name, record.hash, '2025-01-01']) {
        expect(query.cypher).not.toContain(value);
      }
    }
  });

  it('read a key by id and revoke it once', () => {
    expect(findApiKeyQuery('0123456789ab')).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (k:ApiKey {id: $id})
      RETURN k.id AS id, k.name AS name, k.hash AS hash, k.role AS role,
             k.clearance AS clearance, k.nationality AS nationality,
             toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt",
        "params": {
          "id": "0123456789ab",
        },
      }
    `);
    expect(revokeApiKeyQuery('0123456789ab', '2025-01-01T00:00:00.000Z')).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (k:ApiKey {id: $id})
      SET k.revokedAt = coalesce(k.revokedAt, datetime($revokedAt))
      RETURN k.id AS id, k.name AS name, k.hash AS hash, k.role AS role,
             k.clearance AS clearance, k.nationality AS nationality,
             toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt",
        "params": {
          "id": "0123456789ab",
          "revokedAt": "2025-01-01T00:00:00.000Z",
        },
      }
    `);
  });
});
