import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '../../src/errors/index.js';
import { Executor, type Database } from '../../src/neo4j/index.js';
import { applyMigrations, MIGRATIONS } from '../../src/migrations/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';

let database: Database;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
});

afterAll(async () => {
  await database.close();
});

describe('migrations', () => {
  it('create a unique-id constraint per entity label and record their version', async () => {
    const rows = await database.executor.read({
      cypher:
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN name, labelsOrTypes[0] AS label, properties ORDER BY name",
      params: {},
    });
    const labels = rows
      .filter((r) => typeof r['name'] === 'string' && r['name'].endsWith('_id'))
      .map((r) => r['label']);
    expect(labels).toEqual([
      'Country',
      'LiaisonChannel',
      'Officer',
      'Operation',
      'Organization',
      'Service',
      'Source',
    ]);
    const versions = await database.executor.read({
      cypher: 'MATCH (m:SchemaMigration) RETURN m.version AS v ORDER BY v',
      params: {},
    });
    expect(versions.map((r) => r['v'])).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('are idempotent: applying them again changes nothing', async () => {
    const count = async (): Promise<unknown> =>
      (
        await database.executor.read({
          cypher: 'SHOW CONSTRAINTS YIELD name RETURN count(*) AS n',
          params: {},
        })
      )[0]?.['n'];
    const before = await count();
    await expect(applyMigrations(database.executor, testLog)).resolves.toBe(
      Math.max(...MIGRATIONS.map((m) => m.version)),
    );
    expect(await count()).toBe(before);
  });
});

describe('Executor', () => {
  it('maps a unique-id violation to CONFLICT without leaking the server message', async () => {
    await database.executor.write({
      cypher: "CREATE (:Service {id: 'dup', name: 'one'})",
      params: {},
    });
    const failure = database.executor.write({
      cypher: "CREATE (:Service {id: 'dup', name: 'two'})",
      params: {},
    });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      message:
        'An id this write creates is already taken (another write created it first). Read it and update it, or choose another id.',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('rolls back every statement of a write transaction when one fails', async () => {
    const attempt = database.executor.writeTransaction(async (tx) => {
      await tx.run({ cypher: "CREATE (:Service {id: 'half-written', name: 'x'})", params: {} });
      await tx.run({ cypher: "CREATE (:Service {id: 'dup', name: 'again'})", params: {} });
    });
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const rows = await database.executor.read({
      cypher: "MATCH (s:Service {id: 'half-written'}) RETURN count(s) AS n",
      params: {},
    });
    expect(rows[0]?.['n']).toBe(0);
  });

  it('stops a query at the transaction timeout with QUERY_TIMEOUT naming the limit', async () => {
    const info = inject('neo4j');
    const slow = new Executor(database.driver, info.database, 100);
    const failure = slow.read({
      cypher: 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n',
      params: {},
    });
    await expect(failure).rejects.toMatchObject({
      extensions: { code: 'QUERY_TIMEOUT', limit: 'NEO4J_TX_TIMEOUT_MS', value: 100 },
    });
  });

  it('tells observers of every statement, with its access mode', async () => {
    const seen: string[] = [];
    const stop = database.executor.observe((query, mode) => seen.push(`${mode} ${query.cypher}`));
    await database.executor.read({ cypher: 'RETURN 1 AS one', params: {} });
    stop();
    await database.executor.read({ cypher: 'RETURN 2 AS two', params: {} });
    expect(seen).toEqual(['READ RETURN 1 AS one']);
  });

  it('works through a neo4j:// routing URI, as against a cluster or Aura', async () => {
    const info = inject('neo4j');
    const routingUri = info.uri.replace(/^bolt:/, 'neo4j:');
    const driver = neo4j.driver(routingUri, neo4j.auth.basic(info.user, info.password));
    try {
      const executor = new Executor(driver, info.database, 10_000);
      await executor.write({
        cypher: "MERGE (:Service {id: 'routed', name: 'Routed'})",
        params: {},
      });
      const rows = await executor.read({
        cypher: "MATCH (s:Service {id: 'routed'}) RETURN s.name AS name",
        params: {},
      });
      expect(rows).toEqual([{ name: 'Routed' }]);
    } finally {
      await driver.close();
    }
  });
});
