import fc from 'fast-check';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { str } from '../../src/cypher/index.js';
import { importDocument } from '../../src/import/index.js';
import { CLASSIFICATIONS, type Classification } from '../../src/model/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import {
  BrokersDocument,
  ChannelDetailDocument,
  ChannelPageDocument,
  EntityNodeDocument,
  ExposureDocument,
  LinkByIdDocument,
  NeighborhoodDocument,
  OfficerDetailDocument,
  OfficerPageDocument,
  OperationDetailDocument,
  OperationPageDocument,
  PathsDocument,
  PenetrationPageDocument,
  PenetrationReachDocument,
  SearchDocument,
  ServiceDetailDocument,
  ServicePageDocument,
  TimelineDocument,
} from '../generated/operations.js';
import { randomGraph, toDocument, type RandomGraph } from '../paths/randomGraph.js';
import { connectTestDatabase, foreignWrite, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL } from '../support/http.js';
import { keysOnly, serverOptions } from '../support/testApi.js';

const RUNS = Number(process.env['VISIBILITY_PROPERTY_RUNS'] ?? 25);

const NATIONALITIES = [null, 'GBR', 'USA'] as const;
type Nationality = (typeof NATIONALITIES)[number];

/** A marking as the test states the rule, apart from the implementation's. */
interface Marking {
  readonly classification: Classification;
  readonly releasableTo?: readonly string[];
}

const marking: fc.Arbitrary<Marking> = fc
  .record({
    classification: fc.constantFrom(...CLASSIFICATIONS),
    releasableTo: fc.constantFrom<readonly string[] | undefined>(
      undefined,
      undefined,
      ['GBR'],
      ['USA'],
      ['GBR', 'USA'],
    ),
  })
  .map(({ classification, releasableTo }) => ({
    classification,
    ...(releasableTo ? { releasableTo } : {}),
  }));

const visible = (
  caller: { clearance: Classification; nationality: Nationality },
  stored: { classification?: unknown; releasableTo?: unknown },
): boolean => {
  const rank = CLASSIFICATIONS.indexOf(stored.classification as Classification);
  if (rank < 0 || rank > CLASSIFICATIONS.indexOf(caller.clearance)) return false;
  const to = Array.isArray(stored.releasableTo) ? (stored.releasableTo as string[]) : [];
  return to.length === 0 || (caller.nationality !== null && to.includes(caller.nationality));
};

/**
 * Marks every entity and link of a graph document (each object carrying `sources`), taking
 * markings in turn from the list.
 */
function marked(document: Record<string, unknown>, markings: readonly Marking[]): unknown {
  let next = 0;
  const walk = (value: unknown, isSection: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, false));
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, walk(v, false)] as const);
    const out: Record<string, unknown> = Object.fromEntries(entries);
    if (!isSection && 'sources' in out) Object.assign(out, markings[next++ % markings.length]);
    return out;
  };
  const { sources, ...sections } = document;
  return { sources, ...(walk(sections, true) as object) };
}

/** An analyst key for each clearance and nationality. */
const keys = new Map(
  CLASSIFICATIONS.flatMap((clearance) =>
    NATIONALITIES.map((nationality) => [
      `${clearance}:${nationality}`,
      newApiKeyRecord({
        name: `${clearance} ${nationality}`,
        role: 'analyst',
        clearance,
        nationality,
      }),
    ]),
  ),
);
const keyOf = (clearance: Classification, nationality: Nationality): string => {
  const made = keys.get(`${clearance}:${nationality}`);
  if (!made) throw new Error('no such test key');
  return made.key;
};

let database: Database;
let server: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  server = await startServer(
    database,
    serverOptions({ auth: keysOnly([...keys.values()].map((k) => k.record)) }),
    testLog,
  );
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

/** Every read the API offers, over every id of the graph, as one caller; answers and errors. */
async function everything(
  graph: RandomGraph,
  key: string,
  linkIds: readonly string[],
): Promise<unknown[]> {
  const ask = async <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ) => {
    const response = await postGraphQL(server.url, document, variables, { key });
    return {
      data: response.data ?? null,
      errors: (response.errors ?? []).map((e) => [e.message, e.extensions?.['code']]),
    };
  };
  const services = [...graph.services.map((s) => s.id), 'h0', 'h1'];
  const channels = graph.channels.map((c) => c.id);
  const operations = graph.operations.map((o) => o.id);
  const ids = ['agent', ...services, ...channels, ...operations];
  const answers: unknown[] = [];
  for (const direction of ['INBOUND', 'OUTBOUND'] as const)
    answers.push(await ask(PenetrationReachDocument, { agent: 'agent', direction, maxHops: 3 }));
  for (const target of [...services, ...channels])
    answers.push(await ask(ExposureDocument, { target, maxHops: 3 }));
  answers.push(await ask(BrokersDocument, { limit: 20 }));
  for (const id of ids) {
    answers.push(await ask(EntityNodeDocument, { id }));
    answers.push(await ask(NeighborhoodDocument, { id, depth: 2 }));
    answers.push(await ask(TimelineDocument, { id }));
  }
  for (const id of linkIds) answers.push(await ask(LinkByIdDocument, { id }));
  for (const id of services) answers.push(await ask(ServiceDetailDocument, { id }));
  for (const id of channels) answers.push(await ask(ChannelDetailDocument, { id }));
  for (const id of operations) answers.push(await ask(OperationDetailDocument, { id }));
  answers.push(await ask(OfficerDetailDocument, { id: 'agent' }));
  for (const to of [...services, ...channels])
    answers.push(await ask(PathsDocument, { from: 'agent', to, k: 3 }));
  answers.push(await ask(ServicePageDocument, { first: 50 }));
  answers.push(await ask(ChannelPageDocument, { first: 50 }));
  answers.push(await ask(OfficerPageDocument, { first: 50 }));
  answers.push(await ask(OperationPageDocument, { first: 50 }));
  answers.push(await ask(PenetrationPageDocument, { first: 50 }));
  for (const text of ['s0', 'x0', 'agent', 'h0'])
    answers.push(await ask(SearchDocument, { text, first: 20 }));
  return answers;
}

/** Deletes what the caller may not see, by the test's own statement of the rule. */
async function removeHidden(caller: {
  clearance: Classification;
  nationality: Nationality;
}): Promise<void> {
  const marks = await database.executor.read({
    cypher:
      'CALL () { MATCH (n) WHERE NOT n:Source AND NOT n:SchemaMigration RETURN n.id AS id, n.classification AS classification, n.releasableTo AS releasableTo, true AS node ' +
      'UNION ALL MATCH ()-[r]->() RETURN r.id AS id, r.classification AS classification, r.releasableTo AS releasableTo, false AS node } RETURN id, classification, releasableTo, node',
    params: {},
  });
  const hidden = marks.filter((m) => !visible(caller, m));
  await foreignWrite(database, {
    cypher: 'UNWIND $ids AS id MATCH ()-[r]->() WHERE r.id = id DELETE r',
    params: { ids: hidden.filter((m) => m['node'] === false).map((m) => m['id']) },
  });
  await foreignWrite(database, {
    cypher: 'UNWIND $ids AS id MATCH (n) WHERE n.id = id AND NOT n:Source DETACH DELETE n',
    params: { ids: hidden.filter((m) => m['node'] === true).map((m) => m['id']) },
  });
}

/**
 * On random marked graphs, everything a restricted caller reads (paths, exposure counts and
 * shares, brokers, lists and totalCount, search, neighbourhoods, timelines, entity and link
 * details, k shortest paths, and the errors for ids it cannot see) equals what it reads, fully cleared,
 * from the same graph with the elements hidden from it deleted.
 */
describe('a restricted caller reads exactly the graph without what is hidden from it', () => {
  it(`holds on ${RUNS} random marked graphs`, async () => {
    await fc.assert(
      fc.asyncProperty(
        randomGraph,
        fc.array(marking, { minLength: 40, maxLength: 40 }),
        fc.constantFrom(...CLASSIFICATIONS),
        fc.constantFrom(...NATIONALITIES),
        async (graph, markings, clearance, nationality) => {
          await foreignWrite(database, {
            cypher: 'MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n',
            params: {},
          });
          await importDocument(database.executor, marked(toDocument(graph), markings));
          // Every link of the graph, asked by id before and after the hidden ones are deleted.
          const linkIds = (
            await database.executor.read({
              cypher: 'MATCH ()-[r]->() RETURN r.id AS id',
              params: {},
            })
          ).map((row) => str(row['id'], 'id'));
          const restricted = await everything(graph, keyOf(clearance, nationality), linkIds);
          await removeHidden({ clearance, nationality });
          const cleared = await everything(graph, keyOf('TOP_SECRET', nationality), linkIds);
          expect(restricted).toEqual(cleared);
        },
      ),
      { numRuns: RUNS, seed: 20261123, endOnFailure: true },
    );
  }, 600_000);
});
