import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { importDocument } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { searchHits } from '../search/searchRequest.js';
import { connectTestDatabase, foreignWrite, resetDatabase, testLog } from '../support/connect.js';
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
const quoting = (quote: string) => [{ source: 'doc', lines: [1, 1], quote }];

/**
 * What the reader may see: entries that share words with one another and with the hidden ones,
 * in every searched field (name, acronym, aliases, codename, code, summary, notes, quotes), one
 * of them releasable to it.
 */
const visibleGraph = {
  sources: [
    { id: 'ref', title: 'A reference', publisher: 'Test', url: 'https://example.org/ref' },
    { id: 'doc', title: 'A document', publisher: 'Test', url: 'https://example.org/doc' },
  ],
  countries: [{ id: 'wombatia', code: 'WOM', name: 'Wombatia', sources: cite }],
  services: [
    {
      id: 'wombat-bureau',
      name: 'Wombat Bureau',
      acronym: 'WB',
      aliases: ['The Burrow', 'Wombät Büro'],
      kind: 'SIGINT',
      notes: 'Digs a tunnel under the directorate.',
      sources: cite,
    },
    {
      id: 'marsupial-directorate',
      name: 'Marsupial Directorate',
      aliases: ['Wombat Directorate of the North', 'MD'],
      kind: 'FOREIGN_INTELLIGENCE',
      classification: 'SECRET',
      releasableTo: ['GBR', 'USA'],
      sources: quoting('the wombats of the directorate dig a burrow'),
    },
  ],
  organizations: [{ id: 'wombats', name: 'Wombats', kind: 'TERRORIST_GROUP', sources: cite }],
  operations: [
    {
      id: 'op-dig',
      name: 'Operation Dig',
      codename: 'WOMBAT BURROW',
      summary: 'A tunnel dug by the Wombat Bureau.',
      classification: 'CONFIDENTIAL',
      sources: cite,
    },
  ],
};

/** Texts whose words (exact, begun, or a typo away) the hidden entries share. */
const TEXTS = [
  'wombat',
  'wom',
  'directorate',
  'wombat directorate',
  'burrow',
  'wb',
  'w',
  'wombta',
  'directorat',
  'burow tunel',
  'wombät',
  'WombatBureau',
  'tunnel',
  'dig',
];

const WORDS = [
  'Wombat',
  'Wombats',
  'Wombta',
  'Directorate',
  'Directorat',
  'Burrow',
  'Bureau',
  'Marsupial',
  'WB',
  'WOM',
  'tunnel',
  'dig',
];
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
  notes: fc.option(phrase, { nil: undefined }),
  quote: fc.option(phrase, { nil: undefined }),
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
  entries.forEach(({ section, name, aliases, short, notes, quote, marking }, i) => {
    const common = {
      id: `hidden-${i}`,
      name,
      aliases,
      ...(notes === undefined ? {} : { notes }),
      ...marking,
      sources: quote === undefined ? cite : quoting(quote),
    };
    const entry =
      section === 'services'
        ? { ...common, kind: 'SIGINT', acronym: short }
        : section === 'organizations'
          ? { ...common, kind: 'TERRORIST_GROUP' }
          : section === 'operations'
            ? { ...common, codename: short, summary: name }
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

/** The reader's whole answer to every text: entities, order, scores, fields, snippets, or errors. */
async function answers(texts: readonly string[] = TEXTS): Promise<unknown[]> {
  const all: unknown[] = [];
  for (const text of texts) {
    const response = await searchHits(server.url, text, 20, { key: reader.key });
    all.push({ text, data: response.data ?? null, errors: response.errors ?? [] });
  }
  return all;
}

async function removeHidden(): Promise<void> {
  await foreignWrite(database, {
    cypher: "MATCH (n) WHERE n.id STARTS WITH 'hidden-' DETACH DELETE n",
    params: {},
  });
}

describe('search scores see only what the caller may see', () => {
  it(`a restricted reader's search answers (hits, order, scores, fields, snippets) do not change when hidden entries that match are added or removed (${RUNS} random sets)`, async () => {
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
  it('hidden spellings a typo away from a word never crowd a visible one out of the typo matches', async () => {
    // Lucene's own fuzzy query keeps 50 terms of the whole index, the nearest and then the first
    // in order: 60 hidden names one edit from "wombax" that sort before "wombat" push it out.
    const texts = ['wombax', 'wombax bureau'];
    const before = await answers(texts);
    expect(JSON.stringify(before)).toContain('wombat-bureau');
    const word = 'wombax';
    const letters = Array.from('abcdefghijklmnopqrstuvwxyz');
    const near = [
      ...new Set(
        Array.from(word, (_, i) =>
          letters.flatMap((c) => [
            `${word.slice(0, i)}${c}${word.slice(i + 1)}`,
            `${word.slice(0, i)}${c}${word.slice(i)}`,
          ]),
        ).flat(),
      ),
    ]
      .filter((name) => name < 'wombat')
      .slice(0, 60);
    expect(near).toHaveLength(60);
    await importDocument(database.executor, {
      services: near.map((name, i) => ({
        id: `hidden-near-${i}`,
        name: `${name} bureau`,
        kind: 'SIGINT',
        classification: 'TOP_SECRET',
        sources: cite,
      })),
    });
    try {
      expect(await answers(texts)).toEqual(before);
    } finally {
      await removeHidden();
    }
  });
});
