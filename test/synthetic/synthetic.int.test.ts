import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEE_ALL } from '../../src/context/index.js';
import { str } from '../../src/cypher/index.js';
import { bulkLoad, planChunks } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { computeReach, neo4jReachSource } from '../../src/paths/index.js';
import { generateGraph, ids, sizeFor } from '../../seed/synthetic/generateGraph.js';
import { plannedSynthetic } from '../../seed/synthetic/plannedSynthetic.js';
import { connectTestDatabase, resetDatabase } from '../support/connect.js';

let database: Database;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
});

afterAll(async () => {
  await database.close();
});

const size = sizeFor(600);
const collect = (seed: number, chunk: number) =>
  [...generateGraph(size, seed, chunk)].flatMap((c) =>
    c.entries.map((e) => ({ section: c.section, e })),
  );

describe('synthetic graphs', () => {
  it('are deterministic per seed, whatever the chunk size, and differ between seeds', () => {
    expect(JSON.stringify(collect(3, 50))).toBe(JSON.stringify(collect(3, 1000)));
    expect(JSON.stringify(collect(3, 50))).not.toBe(JSON.stringify(collect(4, 50)));
  });

  it('load in validated chunks, idempotently, with skewed channel participation', async () => {
    const first = await bulkLoad(database.executor, planChunks(generateGraph(size, 3, 100)), {
      reset: true,
    });
    expect(first.totals).toMatchObject({
      Country: size.countries,
      Service: size.services,
      Organization: size.organizations,
      Officer: size.officers,
      LiaisonChannel: size.channels,
      Operation: size.operations,
      Source: 1,
    });
    expect(first.links).toBeGreaterThan(3 * (first.nodes - 1));
    const again = await bulkLoad(
      database.executor,
      plannedSynthetic({ size, seed: 3, chunk: 250 }),
    );
    expect(again.totals).toEqual(first.totals);
    // Zipf participation: the first service (the biggest hub) is party to more channels than the median one.
    const rows = await database.executor.read({
      cypher:
        'MATCH (s:Service) RETURN s.id AS id, COUNT { (s)-[:PARTY_TO]->() } AS channels ORDER BY channels DESC',
      params: {},
    });
    const counts = rows.map((r) => Number(r['channels']));
    expect(rows[0]?.['id']).toBe(ids.service(0));
    expect(counts[0]).toBeGreaterThan(5 * (counts[Math.floor(counts.length / 2)] ?? 0));
  });

  it('give every generated agent a computable reach', async () => {
    const agents = await database.executor.read({
      cypher: 'MATCH (a:Officer)-[:AGENT_OF]->() RETURN DISTINCT a.id AS id',
      params: {},
    });
    expect(agents.length).toBeGreaterThan(0);
    for (const row of agents) {
      const agent = str(row['id'], 'id');
      const reach = await database.executor.readTransaction((tx) =>
        computeReach(
          neo4jReachSource(tx, SEE_ALL),
          {
            agent,
            direction: 'INBOUND',
            maxHops: 3,
            during: undefined,
            disciplines: [],
            minConfidence: 'SUSPECTED',
            respectThirdPartyRule: true,
            followStructure: true,
            reading: 'POSSIBLE',
          },
          100_000,
        ),
      );
      expect(reach?.agent).toBe(agent);
    }
  });
});
