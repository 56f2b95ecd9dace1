import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/index.js';
import { connectTestDatabase, resetDatabase, testNeo4jEnv } from '../support/connect.js';
import { spawnApi, type ApiProcess } from '../support/apiProcess.js';
import { postRaw } from '../support/http.js';

let database: Database;
let api: ApiProcess;
let url: string;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  const neo4j = testNeo4jEnv();
  api = spawnApi({
    ...neo4j,
    // The routing scheme a cluster or Aura needs: the driver asks the server for its routing
    // table and sends read transactions to readers, write transactions to the writer.
    NEO4J_URI: (neo4j['NEO4J_URI'] ?? '').replace(/^bolt:/, 'neo4j:'),
    SEED_ON_EMPTY: 'true',
    LOG_LEVEL: 'info',
  });
  url = await api.ready;
}, 180_000);

afterAll(async () => {
  await api.stop();
  await database.close();
});

describe('the API over a neo4j:// routing URI', () => {
  it('seeds, reads, runs a path query and writes through routed transactions', async () => {
    const reach = await postRaw<{ penetrationReach: { channels: { channel: { id: string } }[] } }>(
      url,
      JSON.stringify({
        query:
          '{ penetrationReach(agent: "kim-philby", maxHops: 2) { channels { channel { id } } } }',
      }),
    );
    expect(reach.errors, JSON.stringify(reach.errors)).toBeUndefined();
    expect(reach.data?.penetrationReach.channels.map((c) => c.channel.id)).toContain('sis-cia');
    const created = await postRaw<{ createCountry: { id: string } }>(
      url,
      JSON.stringify({
        query:
          'mutation { createCountry(input: { id: "rtd", name: "Routed", code: "RTD", sources: [{ source: "belfer-2009", section: "routing test" }] }) { id } }',
      }),
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const rows = await database.executor.read({
      cypher: "MATCH (c:Country {id: 'rtd'}) RETURN c.name AS name",
      params: {},
    });
    expect(rows).toEqual([{ name: 'Routed' }]);
  });
});
