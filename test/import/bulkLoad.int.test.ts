import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, ImportError, planGraph } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { sizeFor, syntheticLabel } from '../../seed/synthetic/generateGraph.js';
import { plannedSynthetic } from '../../seed/synthetic/plannedSynthetic.js';
import { connectTestDatabase, resetDatabase } from '../support/connect.js';
import { graphSnapshot } from './storeSnapshot.js';

let database: Database;

beforeAll(async () => {
  database = connectTestDatabase(300_000);
  await resetDatabase(database);
});

afterAll(async () => {
  await database.close();
});

// Small chunks: services succeed services of earlier chunks, officers serve them, so chunks
// written at once must wait for the ones declaring what they name.
const synthetic = { size: sizeFor(800), seed: 7, chunk: 40 };
const cite = [{ source: 'synthetic', section: 'test' }];

describe('the bulk load with a label hint', () => {
  it('writes chunks three at a time and gives the same graph when run again (it failed with IdTakenError)', async () => {
    const load = () =>
      bulkLoad(database.executor, plannedSynthetic(synthetic, { workers: 2 }), {
        labelHint: syntheticLabel,
        concurrency: 3,
      });
    const first = await load();
    expect(first.totals).toMatchObject({ Service: synthetic.size.services, Source: 1 });
    const once = await graphSnapshot(database.executor);
    const again = await load();
    expect(again.totals).toEqual(first.totals);
    expect(await graphSnapshot(database.executor)).toEqual(once);
  }, 300_000);

  it("replaces an existing entity's country instead of adding a second one", async () => {
    const service = (country: string) =>
      planGraph(
        {
          services: [
            { id: 'syn-service-0000001', name: 'Moved', kind: 'SIGINT', country, sources: cite },
          ],
        },
        () => 'services',
      );
    await bulkLoad(database.executor, [service('syn-country-0000002')], {
      labelHint: syntheticLabel,
    });
    const rows = await database.executor.read({
      cypher: "MATCH (:Service {id: 'syn-service-0000001'})-[:OF]->(c) RETURN c.id AS country",
      params: {},
    });
    expect(rows).toEqual([{ country: 'syn-country-0000002' }]);
  });

  it('refuses a chunk naming what does not exist, hinted or not, and writes none of it', async () => {
    const officer = (serves: string) =>
      planGraph(
        {
          officers: [
            {
              id: 'syn-officer-9999999',
              name: 'Nobody',
              sources: cite,
              serves: [{ service: serves, sources: cite }],
            },
          ],
        },
        () => 'officers',
      );
    const refusal = (serves: string) =>
      bulkLoad(database.executor, [officer(serves)], { labelHint: syntheticLabel }).catch(
        (error: unknown) => error,
      );
    const hinted = await refusal('syn-service-9999999');
    expect(hinted).toBeInstanceOf(ImportError);
    expect((hinted as ImportError).problems).toEqual([
      {
        file: 'officers',
        message: '1 of 1 SERVES links name a Officer or Service that does not exist',
        kind: 'missing',
      },
    ]);
    const unknown = await refusal('no-such-service');
    expect((unknown as ImportError).problems).toEqual([
      {
        file: 'officers',
        entry: 0,
        id: 'syn-officer-9999999',
        field: 'serves[0]',
        message: '"no-such-service" names nothing, neither in the document nor in the database',
        kind: 'missing',
      },
    ]);
    const left = await database.executor.read({
      cypher: "MATCH (n {id: 'syn-officer-9999999'}) RETURN count(n) AS n",
      params: {},
    });
    expect(left).toEqual([{ n: 0 }]);
  });
});
