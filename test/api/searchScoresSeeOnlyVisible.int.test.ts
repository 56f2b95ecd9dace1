import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { SearchDocument } from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL } from '../support/http.js';
import { keysOnly, serverOptions } from '../support/testApi.js';

const RUNS = Number(process.env['SEARCH_SCORES_RUNS'] ?? 12);

/** The restricted reader: SECRET, British. */
const reader = newApiKeyRecord({
  name: 'secret gbr reader',
  role: 'reader',
  clearance: 'SECRET',
  nationality: 'GBR',
});

const cite = [{ source: 'ref', section: 'p. 1' }];

/**
 * What the reader may see: entries that share words with one another and with the hidden ones,
 * in every indexed field (name, acronym, aliases, codename, code), one of them releasable to it.
 */
const visibleGraph = {
  sources: [{ id: 'ref', title: 'A reference' }],
  countries: [{ id: 'wombatia', code: 'WOM', name: 'Wombatia', sources: cite }],
  services: [
    {
      id: 'wombat-bureau',
      name: 'Wombat Bureau',
      acronym: 'WB',
      aliases: ['The Burrow'],
      kind: 'SIGINT',
      sources: cite,
    },
    {
      id: 'marsupial-directorate',
      name: 'Marsupial Directorate',
      aliases: ['Wombat Directorate of the North', 'MD'],
      kind: 'FOREIGN_INTELLIGENCE',
      classification: 'SECRET',
      releasableTo: ['GBR', 'USA'],
      sources: cite,
    },
  ],
  organizations: [{ id: 'wombats', name: 'Wombats', kind: 'TERRORIST_GROUP', sources: cite }],
  operations: [
    {
      id: 'op-dig',
      name: 'Operation Dig',
      codename: 'WOMBAT BURROW',
      classification: 'CONFIDENTIAL',
      sources: cite,
    },
  ],
};

/** Texts whose words the hidden entries share. */
const TEXTS = ['wombat', 'wom', 'directorate', 'wombat directorate', 'burrow', 'wb', 'w'];

const WORDS = ['Wombat', 'Wombats', 'Directorate', 'Burrow', 'Bureau', 'Marsupial', 'WB', 'WOM'];
const phrase = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));

/** Markings the reader may not see: above its clearance, or releasable to others only. */
const hiddenMarking = fc.constantFrom(
  { classification: 'TOP_SECRET' },
  { classification: 'TOP_SECRET', releasableTo: ['GBR'] },
  { classification: 'SECRET', releasableTo: ['USA'] },
  { classification: 'UNCLASSIFIED', releasableTo: ['USA', 'FRA'] },
);

const hiddenEntry = fc.record({
  section: fc.constantFrom('services', 'organizations', 'operations', 'countries'),
  name: phrase,
  aliases: fc.array(phrase, { maxLength: 3 }),
  short: fc.constantFrom('WB', 'WOM', 'WD', 'Wombat', 'Wombat Directorate', 'Burrow'),
  marking: hiddenMarking,
});
type HiddenEntry = typeof hiddenEntry extends fc.Arbitrary<infer T> ? T : never;

/** A graph document of hidden entries, each using every field its section indexes. */
function hiddenDocument(entries: readonly HiddenEntry[]): Record<string, unknown> {
  const document: Record<string, unknown[]> = {
    services: [],
    organizations: [],
    operations: [],
    countries: [],
  };
  entries.forEach(({ section, name, aliases, short, marking }, i) => {
    const common = { id: `hidden-${i}`, name, aliases, ...marking, sources: cite };
    const entry =
      section === 'services'
        ? { ...common, kind: 'SIGINT', acronym: short }
        : section === 'organizations'
          ? { ...common, kind: 'TERRORIST_GROUP' }
          : section === 'operations'
            ? { ...common, codename: short }
            : { ...common, code: ['WBA', 'WOB', 'WDX'][i % 3] };
    document[section]?.push(entry);
  });
  return document;
}

let database: Database;
let server: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  await importDocument(database.executor, visibleGraph);
  server = await startServer(database, serverOptions({ auth: keysOnly([reader.record]) }), testLog);
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

/** The reader's whole answer to every text: entities, order and scores, or errors. */
async function answers(): Promise<unknown[]> {
  const all: unknown[] = [];
  for (const text of TEXTS) {
    const response = await postGraphQL(
      server.url,
      SearchDocument,
      { text, first: 20 },
      { key: reader.key },
    );
    all.push({ text, data: response.data ?? null, errors: response.errors ?? [] });
  }
  return all;
}

async function removeHidden(): Promise<void> {
  await database.executor.write({
    cypher: "MATCH (n) WHERE n.id STARTS WITH 'hidden-' DETACH DELETE n",
    params: {},
  });
}

describe('search scores see only what the caller may see', () => {
  it(`a restricted reader's search answers, scores included, do not change when hidden entries that match are added or removed (${RUNS} random sets)`, async () => {
    const before = await answers();
    // The comparison means something only if the reader finds several entries with distinct scores.
    const wombat = (before[0] as { data: { search: { score: number }[] } }).data.search;
    expect(wombat.length).toBeGreaterThanOrEqual(4);
    expect(new Set(wombat.map((hit) => hit.score)).size).toBeGreaterThan(1);
    await fc.assert(
      fc.asyncProperty(fc.array(hiddenEntry, { minLength: 1, maxLength: 8 }), async (entries) => {
        await importDocument(database.executor, hiddenDocument(entries));
        expect(await answers()).toEqual(before);
        await removeHidden();
        expect(await answers()).toEqual(before);
      }),
      { numRuns: RUNS, seed: 20261124, endOnFailure: true },
    );
  }, 600_000);
});
