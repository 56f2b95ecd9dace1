import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEE_ALL } from '../../src/context/index.js';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { neo4jReachSource, perHopSearch, type ReachParams } from '../../src/paths/index.js';
import { LiveProjection, memorySearch } from '../../src/projection/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { bruteForceReach } from './bruteForceReach.js';
import { toDocument, type RandomGraph } from './randomGraph.js';

let database: Database;
let live: LiveProjection;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  live = new LiveProjection(database.executor, testLog);
  await live.start();
});

afterAll(async () => {
  live.stop();
  await database.close();
});

/**
 * The agent reaches s2 at hop 1 twice, over x0 until 1950-07-20 and over x1 from 1950-07-10:
 * together those cover every day, but neither holds all of July 1950. At hop 2 it reaches s2
 * again over x2 and x3, open throughout. Operation o0 ran through x4 (a channel of s2) in July
 * 1950, with no certain day: under the certain reading only a path open on every day of July
 * meets it (docs/path-semantics.md, rule 8), and only the hop-2 piece at s2 is. (Channels are
 * dated from 1940: a channel of unknown start is never certain.) A search that
 * skipped it because the hop-1 pieces covered its days together would miss o0.
 */
const graph: RandomGraph = {
  services: [{ id: 's0' }, { id: 's1' }, { id: 's2' }, { id: 's3' }],
  structure: [],
  channels: [
    {
      id: 'x0',
      from: '1940',
      disciplines: [],
      parties: [{ service: 's0' }, { service: 's2', from: '1940', to: '1950-07-20' }],
    },
    {
      id: 'x1',
      from: '1940',
      disciplines: [],
      parties: [{ service: 's0' }, { service: 's2', from: '1950-07-10' }],
    },
    { id: 'x2', from: '1940', disciplines: [], parties: [{ service: 's0' }, { service: 's1' }] },
    { id: 'x3', from: '1940', disciplines: [], parties: [{ service: 's1' }, { service: 's2' }] },
    { id: 'x4', from: '1940', disciplines: [], parties: [{ service: 's2' }, { service: 's3' }] },
  ],
  penetrations: [{ hostile: 'h0', confidence: 'CONFIRMED', from: '1940', to: '1960' }],
  serves: [{ service: 's0' }],
  postings: [],
  operations: [
    {
      id: 'o0',
      from: '1950-07',
      to: '1950-07',
      conductedBy: [],
      through: ['x4'],
      tookPart: false,
    },
  ],
};

describe('an operation with no certain day', () => {
  it('is met by a piece open on all its days even when earlier pieces cover them together', async () => {
    await importDocument(database.executor, toDocument(graph));
    const params: ReachParams = {
      agent: 'agent',
      direction: 'INBOUND',
      maxHops: 3,
      during: undefined,
      disciplines: [],
      minConfidence: 'SUSPECTED',
      respectThirdPartyRule: true,
      followStructure: true,
      reading: 'CERTAIN',
    };
    const expected = bruteForceReach(graph, {
      direction: 'INBOUND',
      maxHops: 3,
      respect: true,
      disciplines: [],
      minConfidence: 'SUSPECTED',
      reading: 'CERTAIN',
      structure: true,
    });
    const operation = expected.operations.get('o0');
    expect(operation).toMatchObject({ hops: 3, from: '1950-07-01', to: '1950-07-31' });
    const perHop = await database.executor.readTransaction((tx) =>
      perHopSearch(neo4jReachSource(tx, SEE_ALL)).reach(params, 1_000),
    );
    const inMemory = await live.use((g) => memorySearch(g, SEE_ALL).reach(params, 1_000));
    for (const outcome of [perHop, inMemory]) {
      const o0 = outcome?.operations.find((o) => o.id === 'o0');
      expect(o0?.hops).toBe(3);
      expect(o0?.path.nodes).toEqual(operation?.nodes);
      expect(o0?.windows.map((w) => [w.interval.from, w.interval.to])).toEqual([
        ['1950-07-01', '1950-07-31'],
      ]);
    }
  });
});
