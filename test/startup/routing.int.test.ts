import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/neo4j/index.js';
import { connectTestDatabase, resetDatabase } from '../support/connect.js';
import { spawnApi, type ApiProcess } from '../support/apiProcess.js';
import { postRaw } from '../support/http.js';

let database: Database;
let api: ApiProcess;
let url: string;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  const info = inject('neo4j');
  api = spawnApi({
    // The routing scheme a cluster or Aura needs: the driver asks the server for its routing
    // table and sends read transactions to readers, write transactions to the writer.
    NEO4J_URI: info.uri.replace(/^bolt:/, 'neo4j:'),
    NEO4J_USER: info.user,
    NEO4J_PASSWORD: info.password,
    ...(info.database ? { NEO4J_DATABASE: info.database } : {}),
    SEED_ON_EMPTY: 'true',
    LOG_LEVEL: 'info',
  });
  url = await api.ready;
}, 180_000);

afterAll(async () => {
  api.child.kill('SIGTERM');
  await api.exited;
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
