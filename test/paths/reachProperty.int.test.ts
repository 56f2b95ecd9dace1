import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEE_ALL } from '../../src/context/index.js';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import {
  computeReach,
  exposureOfAgents,
  neo4jReachSource,
  perHopSearch,
  type Reached,
  type ReachParams,
} from '../../src/paths/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { LiveProjection, memorySearch } from '../../src/projection/index.js';
import { bruteForceReach, type BruteOptions, type Element } from './bruteForceReach.js';
import { firstDay, lastDay } from '../../src/model/index.js';
import { randomGraph, toDocument, window, type RandomGraph } from './randomGraph.js';

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

/** Intervals of days merged as the semantics merge windows (overlapping or touching days join). */
function mergedDays(spans: readonly { from: string; to: string }[]): [string, string][] {
  const out: [string, string][] = [];
  const after = (day: string) =>
    day >= '9999-12-31'
      ? day
      : new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const { from, to } of [...spans].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    const last = out.at(-1);
    if (last && from <= after(last[1])) last[1] = to > last[1] ? to : last[1];
    else out.push([from, to]);
  }
  return out;
}

const RUNS = Number(process.env['REACH_PROPERTY_RUNS'] ?? 200);

const asMap = (items: readonly Reached[]): Record<string, Element> =>
  Object.fromEntries(
    items.map((r) => [
      r.id,
      {
        hops: r.hops,
        exposure: r.exposure,
        nodes: r.path.nodes,
        from: r.path.interval.from,
        to: r.path.interval.to,
        windows: r.windows.map((w) => ({
          hops: w.hops,
          exposure: w.exposure,
          nodes: w.path.nodes,
          from: w.interval.from,
          to: w.interval.to,
        })),
      },
    ]),
  );

/**
 * For random temporal graphs with uncertain dates (EDTF qualifiers, decades, attestations,
 * unknown starts) and structure (PART_OF), the API's breadth-first reach equals a brute-force
 * enumeration of every time-respecting path (test/paths/bruteForceReach.ts): the same channels,
 * services and operations, hop counts, exposures, explaining paths and every window with its
 * best path, in both directions, with the third-party rule respected and ignored, under the
 * certain and the possible reading, with structure followed or not; and exposure's focused
 * search finds each service and channel exactly as the full reach does. The in-memory engine
 * (the projection, kept fresh by the change feed across every import) answers exactly as the
 * per-hop Neo4j engine, reach, exposure and the nodes brokers count alike.
 */
describe('penetration reach equals brute-force enumeration of all time-respecting paths', () => {
  it(`holds on ${RUNS} random graphs, each in 4 settings`, async () => {
    await fc.assert(
      fc.asyncProperty(
        randomGraph,
        fc.integer({ min: 0, max: 4 }),
        fc.subarray(['SIGINT', 'HUMINT']),
        fc.constantFrom('CONFIRMED' as const, 'SUSPECTED' as const),
        fc.option(window, { nil: undefined, freq: 2 }),
        fc.constantFrom('CERTAIN' as const, 'POSSIBLE' as const),
        fc.boolean(),
        async (graph, maxHops, disciplines, minConfidence, during, reading, structure) => {
          await database.executor.write({
            cypher: 'MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n',
            params: {},
          });
          await importDocument(database.executor, toDocument(graph));
          for (const direction of ['INBOUND', 'OUTBOUND'] as const) {
            for (const respect of [true, false]) {
              const options: BruteOptions = {
                direction,
                maxHops,
                respect,
                disciplines,
                minConfidence,
                ...(during ? { during } : {}),
                reading,
                structure,
              };
              const days = during && {
                from: during.from ? firstDay(during.from) : '0000-01-01',
                to: during.to ? lastDay(during.to) : '9999-12-31',
              };
              const expected = bruteForceReach(graph, options);
              const params = {
                agent: 'agent',
                direction,
                maxHops,
                during: days,
                disciplines,
                minConfidence,
                respectThirdPartyRule: respect,
                followStructure: structure,
                reading,
              };
              const actual = await database.executor.readTransaction((tx) =>
                computeReach(neo4jReachSource(tx, SEE_ALL), params, 1_000_000),
              );
              if (!actual) throw new Error('the agent was not found');
              // The in-memory engine (the projection) answers exactly as the per-hop one.
              const inMemory = await live.use((g) =>
                memorySearch(g, SEE_ALL).reach(params, 1_000_000),
              );
              expect(inMemory).toEqual(actual);
              // Brokers count the nodes inside the explaining paths: the memory engine reads
              // them off its search, the per-hop one off the answer; the same nodes.
              const sortedOrNone = (ids: readonly string[] | undefined) => ids && [...ids].sort();
              const throughMemory = await live.use((g) =>
                memorySearch(g, SEE_ALL).through(params, 1_000_000),
              );
              const throughPerHop = await database.executor.readTransaction((tx) =>
                perHopSearch(neo4jReachSource(tx, SEE_ALL)).through(params, 1_000_000),
              );
              expect(sortedOrNone(throughMemory)).toEqual(sortedOrNone(throughPerHop));
              // The agent's windows: the penetrations' (in the filters), merged, none empty.
              expect(actual.windows.map((w) => [w.from, w.to])).toEqual(
                mergedDays(expected.windows),
              );
              expect(asMap(actual.channels)).toEqual(Object.fromEntries(expected.channels));
              expect(asMap(actual.services)).toEqual(Object.fromEntries(expected.services));
              expect(asMap(actual.operations)).toEqual(Object.fromEntries(expected.operations));
              // Exposure's focused search says exactly what the full reach says of each target.
              const targets = [
                ...graph.services.map((t) => ({ id: t.id, label: 'Service' as const })),
                ...graph.channels.map((t) => ({ id: t.id, label: 'LiaisonChannel' as const })),
              ];
              for (const target of targets) {
                const { exposed, considered } = await database.executor.readTransaction((tx) =>
                  exposureOfAgents(
                    perHopSearch(neo4jReachSource(tx, SEE_ALL)),
                    params,
                    target,
                    1_000_000,
                  ),
                );
                const exposedInMemory = await live.use((g) =>
                  exposureOfAgents(memorySearch(g, SEE_ALL), params, target, 1_000_000),
                );
                expect(exposedInMemory.exposed).toEqual(exposed);
                expect(exposedInMemory.considered).toBe(considered);
                const full = [...actual.channels, ...actual.services].find(
                  (r) => r.id === target.id,
                );
                // Exposure answers with the best path (it stops at the hop that finds it, so
                // it does not collect the target's windows).
                const explained = ({ windows: _w, ...rest }: Reached) => rest;
                expect(exposed.map((e) => explained(e.reached))).toEqual(
                  full ? [explained(full)] : [],
                );
              }
            }
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env['REACH_PROPERTY_SEED'] ?? 20261122) },
    );
  }, 600_000);
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
const coveredTogether: RandomGraph = {
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
    await database.executor.write({
      cypher: 'MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n',
      params: {},
    });
    await importDocument(database.executor, toDocument(coveredTogether));
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
    const expected = bruteForceReach(coveredTogether, {
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
