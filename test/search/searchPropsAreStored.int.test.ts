import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { str } from '../../src/cypher/index.js';
import { importDocument } from '../../src/import/index.js';
import { type Database } from '../../src/neo4j/index.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { searchPropsOf } from '../../src/search/searchProps.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postRaw } from '../support/http.js';
import { serverOptions } from '../support/testApi.js';
import { searchHits, shown } from './searchRequest.js';

const cite = [{ source: 'ref', section: 'p. 1' }];

const graph = {
  sources: [{ id: 'ref', title: 'A reference', publisher: 'Test', url: 'https://example.org/ref' }],
  countries: [{ id: 'deu', code: 'DEU', name: 'Germany', sources: cite }],
  services: [
    {
      id: 'bnd-munich',
      name: 'BND office München',
      kind: 'FOREIGN_INTELLIGENCE',
      notes: 'Opened in Pullach.',
      sources: cite,
    },
    {
      id: 'muenchen-station',
      name: 'Muenchen station',
      kind: 'SIGINT',
      sources: [{ source: 'ref', section: 'p. 2' }],
    },
  ],
};

let database: Database;
let server: RunningServer | undefined;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  await importDocument(database.executor, graph);
});

afterAll(async () => {
  await server?.stop();
  await database.close();
});

const storedTerms = async (): Promise<Record<string, unknown>> =>
  Object.fromEntries(
    (
      await database.executor.read({
        cypher:
          'MATCH (n:Entity) RETURN n.id AS id, [n.searchTerms, n.searchText] AS search ORDER BY id',
        params: {},
      })
    ).map((row): [string, unknown] => [str(row['id'], 'id'), row['search']]),
  );

const top = async (text: string) =>
  ((await searchHits(server?.url ?? '', text)).data?.search ?? []).map(shown);

describe('search properties are stored with every entity', () => {
  it('migration 8 stores them, and their index, in a store written before it', async () => {
    const written = await storedTerms();
    await database.executor.write({
      cypher: 'MATCH (n:Entity) REMOVE n.searchTerms, n.searchText',
      params: {},
    });
    await database.executor.write({ cypher: 'DROP INDEX entity_terms IF EXISTS', params: {} });
    await database.executor.write({
      cypher: 'MATCH (m:SchemaMigration {version: 8}) DELETE m',
      params: {},
    });
    expect(Object.values(await storedTerms())).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);

    await applyMigrations(database.executor, testLog);
    expect(await storedTerms()).toEqual(written);
    expect(written['bnd-munich']).toEqual(
      Object.values(searchPropsOf({ name: 'BND office München', notes: 'Opened in Pullach.' })),
    );
    server = await startServer(database, serverOptions(), testLog);
    expect(await top('Pullach')).toEqual(['bnd-munich NOTES Opened in [Pullach].']);
  });

  it.each(['München', 'Muenchen'])('finds München and Muenchen alike for %j', async (text) => {
    expect(await top(text)).toEqual([
      'muenchen-station NAME [Muenchen] station',
      'bnd-munich NAME BND office [München]',
    ]);
  });

  it('finds both for "munchen" too, Muenchen then a typo away', async () => {
    expect(await top('munchen')).toEqual([
      'bnd-munich NAME BND office [München]',
      'muenchen-station NAME [Muenchen] station',
    ]);
  });

  it('an update stores the new terms: its new words are found at once, its old ones no more', async () => {
    const updated = await postRaw(
      server?.url ?? '',
      JSON.stringify({
        query:
          'mutation ($id: ID!, $notes: String) { updateService(id: $id, input: { notes: $notes }) { id } }',
        variables: { id: 'bnd-munich', notes: 'Moved to Berlin in 2019.' },
      }),
    );
    expect(updated.errors).toBeUndefined();
    expect(await top('Berlin')).toEqual(['bnd-munich NOTES Moved to [Berlin] in 2019.']);
    expect(await top('Pullach')).toEqual([]);
  });
});
