import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { countGraph } from '../cypher/index.js';
import type { Logger } from '../log/index.js';
import { applyMigrations, MIGRATIONS } from '../migrations/index.js';
import {
  boltAnswers,
  openDatabase,
  type Database,
  type DatabaseConfig,
  type Migration,
  type OpenOptions,
} from '../neo4j/index.js';
import { runAdminImport, type ImporterProgress, type ImporterResult } from './adminImport.js';
import { ImportCatalog } from './importCatalog.js';
import type { CsvSource } from './importFiles.js';
import { ImportError } from './importProblem.js';
import { createSchema } from './importSchema.js';
import type { GraphCounts } from './writeGraph.js';

/** Why a store cannot be loaded offline. */
export type OfflineRefusal = 'REMOTE_STORE' | 'STORE_IN_USE' | 'STORE_NOT_EMPTY';

/** The offline import refused the store before touching it: `code` says why, `fix` what to do. */
export class OfflineImportRefused extends Error {
  constructor(
    readonly code: OfflineRefusal,
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'OfflineImportRefused';
  }

  line(): string {
    return `[${this.code}] ${this.message}. Fix: ${this.fix}`;
  }
}

/** Where an offline import is. */
export type OfflineProgress =
  | { readonly phase: 'files'; readonly nodes: number; readonly links: number }
  | { readonly phase: 'import'; readonly importer: ImporterProgress }
  | { readonly phase: 'schema'; readonly step: string };

export interface OfflineResult {
  readonly nodes: number;
  readonly links: number;
  readonly totals: GraphCounts;
  readonly importer: ImporterResult;
  /** Writing the CSV files (planning included), the importer, and start, schema and epoch. */
  readonly filesMs: number;
  readonly importMs: number;
  readonly schemaMs: number;
  readonly elapsedMs: number;
  /** The database, still open, when asked for (`keepOpen`); the caller closes it. */
  readonly database?: Database;
}

/** Labels of the store's own bookkeeping, which an empty store may hold. */
const BOOKKEEPING = ['SchemaMigration', 'ChangeFeed', 'Change', 'WriteLock'];

/**
 * Refuses, before anything is written, a store the offline import cannot replace: a remote
 * one (the importer writes store files), one a running Neo4j has open, or one holding anything
 * but the store's own bookkeeping (an API key or an audit entry is data too). A local store
 * that was never started is empty; one that was is started for the look and stopped again.
 */
export async function refuseUnlessEmpty(
  database: DatabaseConfig,
  open: OpenOptions,
  log: Logger,
): Promise<Extract<DatabaseConfig, { kind: 'local' }>> {
  if (database.kind === 'remote')
    throw new OfflineImportRefused(
      'REMOTE_STORE',
      `the offline import writes the store's files, and ${database.uri} is a remote Neo4j`,
      'unset NEO4J_URI to load the local store, or load online (without --offline)',
    );
  const uri = `bolt://127.0.0.1:${database.port}`;
  if (await boltAnswers(uri))
    throw new OfflineImportRefused(
      'STORE_IN_USE',
      `a Neo4j answers on ${uri}; the offline import needs the store closed`,
      'stop the API or `npm run neo4j` using it, then run this again',
    );
  if (!existsSync(path.join(database.dataDir, 'data', 'databases', 'neo4j'))) return database;
  const opened = await openDatabase(database, open, log);
  try {
    const [row] = await opened.executor.read({
      cypher: `RETURN EXISTS { MATCH (n) WHERE NOT (${BOOKKEEPING.map((l) => `n:${l}`).join(' OR ')}) } AS used`,
      params: {},
    });
    if (row?.['used'] === true)
      throw new OfflineImportRefused(
        'STORE_NOT_EMPTY',
        `the store in ${database.dataDir} holds data; the offline import only fills an empty store`,
        'load online (without --offline), or point NEO4J_LOCAL_DATA at a new folder',
      );
  } finally {
    await opened.close();
  }
  return database;
}

/** The migrations with nothing to run: applying them records them (the schema is made here). */
const RECORD_ONLY: readonly Migration[] = MIGRATIONS.map((migration) => ({
  ...migration,
  statements: [],
}));

/**
 * Loads an empty local store with Neo4j's offline importer (Community): `write` fills a
 * folder with the importer's CSV files from validated plans, the whole document is checked
 * across its chunks (`ImportCatalog`) and any problem refuses the import before the store is
 * touched; then the importer writes the store, Neo4j starts on it, the schema is created, and
 * the change feed gets a new epoch so any projection rebuilds. The CSV folder is removed
 * afterwards. The caller has checked the store (`refuseUnlessEmpty`).
 */
export async function offlineImport(
  database: Extract<DatabaseConfig, { kind: 'local' }>,
  open: OpenOptions,
  write: (dir: string) => CsvSource,
  options: {
    readonly log: Logger;
    readonly onProgress?: (progress: OfflineProgress) => void;
    readonly keepOpen?: boolean;
  },
): Promise<OfflineResult> {
  const { log, onProgress } = options;
  const started = Date.now();
  const dir = path.join(database.dataDir, 'import');
  await rm(dir, { recursive: true, force: true });
  try {
    const source = write(dir);
    const catalog = new ImportCatalog();
    for await (const chunk of source.chunks) {
      catalog.add(chunk);
      onProgress?.({ phase: 'files', nodes: catalog.nodes, links: catalog.links });
    }
    const groups = await source.groups();
    const problems = catalog.finish();
    if (problems.length > 0) throw new ImportError(problems);
    const filesMs = Date.now() - started;

    // From here the store is written: a failure empties it again, so a rerun starts afresh.
    const importer = await runAdminImport({
      dataDir: database.dataDir,
      javaHome: database.javaHome,
      heap: database.heap,
      groups,
      reportFile: path.join(dir, 'import.report'),
      log,
      onProgress: (progress) => onProgress?.({ phase: 'import', importer: progress }),
    }).catch(async (error: unknown) => {
      await emptyStore(database.dataDir);
      throw error;
    });
    const schemaStarted = Date.now();
    onProgress?.({ phase: 'schema', step: 'starting Neo4j' });
    // Constraints over a million nodes take longer than a request's transaction.
    const opened = await openDatabase(
      database,
      { ...open, txTimeoutMs: Math.max(open.txTimeoutMs, 3_600_000) },
      log,
    );
    try {
      onProgress?.({ phase: 'schema', step: 'constraints and indexes' });
      // The schema the migrations leave, without their data statements: the store holds the
      // data as this code writes it, which is what those bring older stores to (an online load
      // writes into a store whose migrations ran while it was empty: the same thing).
      await createSchema(opened.executor, MIGRATIONS);
      await applyMigrations(opened.executor, log, RECORD_ONLY);
      onProgress?.({ phase: 'schema', step: 'change feed' });
      await opened.executor.writeTransaction((tx) => {
        tx.replaced();
        return Promise.resolve();
      });
      const totals = (await opened.executor.read(countGraph()))[0]?.['counts'] as GraphCounts;
      const schemaMs = Date.now() - schemaStarted;
      if (!options.keepOpen) {
        onProgress?.({ phase: 'schema', step: 'stopping Neo4j' });
        await opened.close();
      }
      return {
        nodes: catalog.nodes,
        links: catalog.links,
        totals,
        importer,
        filesMs,
        importMs: importer.ms,
        schemaMs,
        elapsedMs: Date.now() - started,
        ...(options.keepOpen ? { database: opened } : {}),
      };
    } catch (error) {
      await opened.close();
      await emptyStore(database.dataDir);
      throw error;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Removes the `neo4j` database's files (not the system database's): an empty store again. */
async function emptyStore(dataDir: string): Promise<void> {
  for (const folder of ['databases', 'transactions'])
    await rm(path.join(dataDir, 'data', folder, 'neo4j'), { recursive: true, force: true });
}
