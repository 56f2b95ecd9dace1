import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph } from '../../src/cypher/index.js';
import {
  bulkLoad,
  HISTORICAL_DIR,
  ImportError,
  planGraph,
  readGraphFiles,
  writeGraph,
} from '../../src/import/index.js';
import { csvFromPlans, type CsvSource } from '../../src/import/importFiles.js';
import {
  offlineImport,
  refuseUnlessEmpty,
  type OfflineImportRefused,
} from '../../src/import/offlineImport.js';
import { migrationsApplied } from '../../src/migrations/index.js';
import { feedState } from '../../src/neo4j/changeFeedQueries.js';
import type { Database, DatabaseConfig } from '../../src/neo4j/index.js';
import { sizeFor, syntheticLabel } from '../../seed/synthetic/generateGraph.js';
import { plannedSynthetic, syntheticCsv } from '../../seed/synthetic/plannedSynthetic.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { freePort, startSpareNeo4j } from '../faults/spareNeo4j.js';
import { awkwardDocument } from './awkwardDocument.js';
import { graphSnapshot, schemaSnapshot } from './storeSnapshot.js';

// The online loads go to the run's shared Neo4j; each offline import gets a store and a
// Neo4j of its own (the importer needs the store closed), never the shared one.
let shared: Database;
const folders: string[] = [];
const OPEN = { txTimeoutMs: 60_000, connectTimeoutMs: 60_000 };

const newStore = async (): Promise<Extract<DatabaseConfig, { kind: 'local' }>> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-graph-offline-'));
  folders.push(dataDir);
  return {
    kind: 'local',
    port: await freePort(),
    dataDir,
    heap: '512m',
    pageCache: '256m',
    javaHome: process.env['JAVA_HOME'] || undefined,
  };
};

const importInto = async (
  store: Extract<DatabaseConfig, { kind: 'local' }>,
  write: (dir: string) => CsvSource,
) => {
  await refuseUnlessEmpty(store, OPEN, testLog);
  const result = await offlineImport(store, OPEN, write, { log: testLog, keepOpen: true });
  if (result.database === undefined) throw new Error('keepOpen gives the database');
  return { result, database: result.database };
};

beforeAll(() => {
  shared = connectTestDatabase(300_000);
});

afterAll(async () => {
  await shared.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const synthetic = { size: sizeFor(600), seed: 5, chunk: 100 };

describe('the offline import of an empty store', () => {
  it('stores a synthetic graph exactly as the online bulk load does, with the same schema and a new feed epoch', async () => {
    await resetDatabase(shared);
    await bulkLoad(shared.executor, plannedSynthetic(synthetic, { workers: 2 }), {
      labelHint: syntheticLabel,
    });
    const online = await graphSnapshot(shared.executor);
    expect(online.links.length).toBeGreaterThan(2000);

    const store = await newStore();
    const { result, database } = await importInto(store, syntheticCsv(synthetic, 2));
    try {
      expect(await graphSnapshot(database.executor)).toEqual(online);
      expect(await schemaSnapshot(database.executor)).toEqual(
        await schemaSnapshot(shared.executor),
      );
      expect(await migrationsApplied(database.executor)).toBe(true);
      expect(result.totals).toEqual((await shared.executor.read(countGraph()))[0]?.['counts']);
      const [feed] = await database.executor.read(feedState());
      expect(Number(feed?.['seq'])).toBeGreaterThan(0);
      expect(feed?.['epoch']).toEqual(expect.any(String));
    } finally {
      await database.close();
    }
    // The store now holds a graph: a second offline import is refused, nothing touched.
    await expect(refuseUnlessEmpty(store, OPEN, testLog)).rejects.toMatchObject({
      code: 'STORE_NOT_EMPTY',
    } satisfies Partial<OfflineImportRefused>);
  }, 300_000);

  it('stores the historical dataset and awkward values (quotes, commas, line breaks, markings) as the online write does', async () => {
    const historical = planGraph(readGraphFiles(HISTORICAL_DIR), (s) => `${s}.yaml`);
    const awkward = planGraph(awkwardDocument, (s) => `${s}.yaml`);
    await resetDatabase(shared);
    for (const plan of [historical, awkward])
      await shared.executor.writeTransaction((tx) => writeGraph(tx, plan, { reset: false }));
    const online = await graphSnapshot(shared.executor);

    const { database } = await importInto(await newStore(), csvFromPlans([historical, awkward]));
    try {
      expect(await graphSnapshot(database.executor)).toEqual(online);
    } finally {
      await database.close();
    }
  }, 300_000);

  it('refuses a document with a problem across its chunks before the store is written', async () => {
    const store = await newStore();
    const chunks = [
      planGraph({ sources: awkwardDocument.sources }, () => 'sources (chunk)'),
      planGraph(
        {
          services: [
            {
              id: 'lost-service',
              name: 'Lost',
              kind: 'SIGINT',
              country: 'nowhere',
              sources: [{ source: 'awkward-source', section: 'all' }],
            },
          ],
        },
        () => 'services (chunk)',
      ),
    ];
    const refused = await offlineImport(store, OPEN, csvFromPlans(chunks), { log: testLog }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).problems).toEqual([
      {
        file: 'services (chunk)',
        id: 'lost-service',
        message: '"nowhere" names nothing, neither in the document nor in the database',
        kind: 'missing',
      },
    ]);
    expect(existsSync(path.join(store.dataDir, 'data', 'databases', 'neo4j'))).toBe(false);
  }, 60_000);

  it('refuses a remote store and one a running Neo4j has open, with their codes', async () => {
    await expect(
      refuseUnlessEmpty(
        {
          kind: 'remote',
          uri: 'bolt://127.0.0.1:1',
          user: 'neo4j',
          password: '',
          database: undefined,
        },
        OPEN,
        testLog,
      ),
    ).rejects.toMatchObject({ code: 'REMOTE_STORE' });
    const store = await newStore();
    const running = await startSpareNeo4j(store.port, store.dataDir);
    try {
      await expect(refuseUnlessEmpty(store, OPEN, testLog)).rejects.toMatchObject({
        code: 'STORE_IN_USE',
      });
    } finally {
      await running.stop();
    }
    // Started once but holding nothing: empty.
    await expect(refuseUnlessEmpty(store, OPEN, testLog)).resolves.toEqual(store);
  }, 120_000);

  it('npm run seed:synthetic -- --offline exits 2 with the refusal code when it cannot import', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'seed/synthetic/loadSynthetic.ts', '--size', 'S', '--offline'],
      { env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' }, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "seed:synthetic: offline import refused [REMOTE_STORE] the offline import writes the store's files, and bolt://127.0.0.1:1 is a remote Neo4j. Fix: unset NEO4J_URI to load the local store, or load online (without --offline)",
    );
  }, 60_000);
});
