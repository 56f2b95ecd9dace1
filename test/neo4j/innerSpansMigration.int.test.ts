import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { str } from '../../src/cypher/index.js';
import { loadDataset } from '../../src/import/index.js';
import { type Database } from '../../src/neo4j/index.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';

let database: Database;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  await loadDataset(database.executor, testLog);
});

afterAll(async () => {
  await database.close();
});

/** Every element's inner span as written, for those with plain (non-EDTF) dates and no attestation. */
async function innerSpans(): Promise<Record<string, unknown>> {
  const plain = "'^\\\\d{4}(-\\\\d{2}(-\\\\d{2})?)?$'";
  const dated = (x: string) =>
    `all(d IN [${x}.from, ${x}.to, ${x}.born, ${x}.died] WHERE d IS NULL OR d =~ ${plain}) AND ${x}.attested IS NULL`;
  const rows = await database.executor.read({
    cypher:
      `CALL () { MATCH (n:Entity) WHERE ${dated('n')} RETURN n.id AS id, [n.innerFrom, n.innerTo] AS inner ` +
      `UNION ALL MATCH ()-[r]->() WHERE r.id IS NOT NULL AND ${dated('r')} RETURN r.id AS id, [r.innerFrom, r.innerTo] AS inner } ` +
      'RETURN id, inner ORDER BY id',
    params: {},
  });
  return Object.fromEntries(rows.map((row) => [str(row['id'], 'id'), row['inner']]));
}

describe('migration 7 gives a store written before it the inner spans the loader writes', () => {
  it('computes the same innerFrom/innerTo for every element with plain dates', async () => {
    const written = await innerSpans();
    expect(Object.keys(written).length).toBeGreaterThan(500);
    // Both kinds of answer occur: certain spans, and none (a fact of unknown start).
    expect(Object.values(written)).toContainEqual([null, null]);
    expect(written['kim-philby/POSTED_TO/sis-cia']).toEqual(['1949-12-31', '1951-01-01']);
    await database.executor.write({
      cypher:
        'CALL () { MATCH (n:Entity) REMOVE n.innerFrom, n.innerTo } ' +
        'CALL () { MATCH ()-[r]->() REMOVE r.innerFrom, r.innerTo }',
      params: {},
    });
    await database.executor.write({
      cypher: 'MATCH (m:SchemaMigration {version: 7}) DELETE m',
      params: {},
    });
    await applyMigrations(database.executor, testLog);
    expect(await innerSpans()).toEqual(written);
  });
});
