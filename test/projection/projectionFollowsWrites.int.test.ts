import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { str } from '../../src/cypher/index.js';
import { deleteEntity, deleteLink, importDocument, updateLink } from '../../src/import/index.js';
import type { Label } from '../../src/model/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { LiveProjection, type GraphProjection } from '../../src/projection/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { randomGraph, toDocument } from '../paths/randomGraph.js';

let database: Database;
let live: LiveProjection | undefined;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
});

afterAll(async () => {
  live?.stop();
  await database.close();
});

/**
 * Everything the projection holds, canonically: each live node with its kind, spans and
 * marking, each live link with its type, ends, spans, marking and confidence, and each node's
 * out- and in-links (so the adjacency and its overlay are compared too).
 */
function dump(g: GraphProjection): string[] {
  const lines: string[] = [];
  const spans = (column: GraphProjection['nodeSpans'], i: number) =>
    [0, 1, 2, 3].map((k) => g.day(column.get(i * 4 + k)) ?? '-').join(',');
  const mark = (m: number) => JSON.stringify(g.markings.values[m] ?? null);
  for (let i = 0; i < g.nodeCount; i++) {
    if (g.kind.get(i) === 0) continue;
    const out = [...g.outOf(i)].filter((e) => g.linkType.get(e) !== 0).map((e) => g.linkId(e));
    const into = [...g.inOf(i)].filter((e) => g.linkType.get(e) !== 0).map((e) => g.linkId(e));
    lines.push(
      `node ${g.idOf(i)} ${g.kind.get(i)} ${spans(g.nodeSpans, i)} ${mark(g.nodeMark.get(i))} ${JSON.stringify(g.channels.get(i) ?? null)} out ${out.sort().join(' ')} in ${into.sort().join(' ')}`,
    );
  }
  for (let e = 0; e < g.linkCount; e++) {
    if (g.linkType.get(e) === 0) continue;
    lines.push(
      `link ${g.linkId(e)} ${g.linkType.get(e)} ${g.idOf(g.linkStart.get(e))}>${g.idOf(g.linkEnd.get(e))} ${spans(g.linkSpans, e)} ${mark(g.linkMark.get(e))} ${g.confidences.values[g.linkConfidence.get(e)] ?? '-'}`,
    );
  }
  return lines.sort();
}

/** A projection built afresh from what Neo4j holds now. */
async function rebuilt(): Promise<string[]> {
  const fresh = new LiveProjection(database.executor, testLog);
  try {
    await fresh.start();
    return await fresh.use((g) => Promise.resolve(dump(g)));
  } finally {
    fresh.stop();
  }
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant('deleteEntity' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLink' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('updateLink' as const),
    pick: fc.nat(),
    to: fc.integer({ min: 1940, max: 1960 }).map(String),
  }),
  fc.record({ kind: fc.constant('import' as const), graph: randomGraph }),
);

/**
 * On random graphs edited by random writes through the API's write paths (entities and links
 * deleted, links' dates changed, documents upserted over what is there), the projection that
 * followed the change feed holds exactly what a projection built afresh from Neo4j holds: the
 * incremental application (re-reading each changed entity whole) loses and invents nothing.
 */
describe('the projection follows every write exactly', () => {
  it('equals a fresh build after each of random writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomGraph,
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        async (g, edits) => {
          await resetDatabase(database);
          await importDocument(database.executor, toDocument(g));
          live?.stop();
          const following = new LiveProjection(database.executor, testLog);
          live = following;
          await following.start();
          for (const step of edits) {
            const entities = await database.executor.read({
              cypher:
                'MATCH (n) WHERE n:Service OR n:LiaisonChannel OR n:Operation OR n:Officer RETURN n.id AS id, labels(n) AS labels ORDER BY id',
              params: {},
            });
            const links = await database.executor.read({
              cypher: 'MATCH ()-[r]->() WHERE NOT type(r) = "OF" RETURN r.id AS id ORDER BY id',
              params: {},
            });
            if (step.kind === 'deleteEntity' && entities.length > 0) {
              const row = entities[step.pick % entities.length];
              const labels = (row?.['labels'] ?? []) as string[];
              const label = labels.find((l) => l !== 'Entity') as Label;
              await deleteEntity(database.executor, label, str(row?.['id'], 'id'));
            } else if (step.kind === 'deleteLink' && links.length > 0) {
              await deleteLink(
                database.executor,
                str(links[step.pick % links.length]?.['id'], 'id'),
              );
            } else if (step.kind === 'updateLink' && links.length > 0) {
              const id = str(links[step.pick % links.length]?.['id'], 'id');
              // A link whose start is after the new end is refused; that write changes nothing.
              await updateLink(database.executor, id, { to: step.to }).catch(() => undefined);
            } else if (step.kind === 'import') {
              await importDocument(database.executor, toDocument(step.graph)).catch(
                () => undefined,
              );
            }
            const followed = await following.use((p) => Promise.resolve(dump(p)));
            expect(followed).toEqual(await rebuilt());
          }
        },
      ),
      { numRuns: Number(process.env['PROJECTION_RUNS'] ?? 15), seed: 20261207 },
    );
  }, 600_000);
});
