import type { CypherQuery } from '../neo4j/index.js';
import type { ApiKeyRecord } from './apiKeyRecord.js';

/** The columns every key statement returns; times as ISO strings. */
const RETURN_KEY = `RETURN k.id AS id, k.name AS name, k.hash AS hash, k.role AS role,
       k.clearance AS clearance, k.nationality AS nationality,
       toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt`;

/** Stores a new key; the id's uniqueness constraint refuses a duplicate. */
export const createApiKeyQuery = (record: ApiKeyRecord): CypherQuery => ({
  cypher: `CREATE (k:ApiKey {id: $id, name: $name, hash: $hash, role: $role, clearance: $clearance,
                  nationality: $nationality, createdAt: datetime($createdAt)})
${RETURN_KEY}`,
  params: {
    id: record.id,
    name: record.name,
    hash: record.hash,
    role: record.role,
    clearance: record.clearance,
    nationality: record.nationality,
    createdAt: record.createdAt,
  },
});

/** The key with this id, revoked or not. */
export const findApiKeyQuery = (id: string): CypherQuery => ({
  cypher: `MATCH (k:ApiKey {id: $id})
${RETURN_KEY}`,
  params: { id },
});

/** Every key, oldest first. */
export const listApiKeysQuery = (): CypherQuery => ({
  cypher: `MATCH (k:ApiKey)
${RETURN_KEY}
ORDER BY k.createdAt, k.id`,
  params: {},
});

/** Marks the key revoked; revoking again keeps the first time. No row when the id names nothing. */
export const revokeApiKeyQuery = (id: string, revokedAt: string): CypherQuery => ({
  cypher: `MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime($revokedAt))
${RETURN_KEY}`,
  params: { id, revokedAt },
});
