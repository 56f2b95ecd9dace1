import { newApiKeyRecord } from '../src/auth/apiKeyRecord.js';
import { loadConfig, type Config } from '../src/config/index.js';
import { createLogger } from '../src/log/index.js';
import { openDatabase, type Database } from '../src/neo4j/index.js';
import { applyMigrations } from '../src/migrations/index.js';

/** The graph a benchmark measures: how many nodes and relationships it holds. */
export interface Dataset {
  readonly nodes: number;
  readonly relationships: number;
}

/** The benchmark's database connection, with the graph's size. */
export interface BenchDatabase {
  readonly config: Config;
  readonly database: Database;
  readonly dataset: Dataset;
}

/**
 * Opens the Neo4j at NEO4J_URI, or else the project's local Neo4j (NEO4J_LOCAL_PORT,
 * NEO4J_LOCAL_DATA; started here when nothing answers on the port), as bench:reach does.
 * `database.close()` stops a local Neo4j this process started.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const config = loadConfig();
  const log = createLogger('warn');
  const database = await openDatabase(config.database, { ...config, txTimeoutMs: 600_000 }, log);
  try {
    await applyMigrations(database.executor, log);
    return { config, database, dataset: await datasetOf(database) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Node and relationship counts (from the count store, so instant on any size). */
export async function datasetOf(database: Database): Promise<Dataset> {
  const [row] = await database.executor.read({
    cypher:
      'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    params: {},
  });
  return { nodes: Number(row?.['nodes']), relationships: Number(row?.['relationships']) };
}

/** An admin key made for this benchmark process only (API children are configured with it). */
const benchKey = newApiKeyRecord({
  name: 'benchmark',
  role: 'admin',
  clearance: 'TOP_SECRET',
  nationality: null,
});

/** The key every benchmark request to our API carries. */
export const BENCH_KEY = benchKey.key;

/** Headers of every benchmark request to our API (the peer server ignores the key). */
export const BENCH_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  'x-api-key': BENCH_KEY,
};

/**
 * Environment of an API child (`node --import tsx src/main.ts`) on the benchmark's Neo4j:
 * no seeding, quiet logs, the benchmark's key, and the result cap raised to the most PATH_MAX_RESULTS allows so a
 * large reach is measured rather than refused.
 */
export function apiEnv(neo4jUri: string): NodeJS.ProcessEnv {
  return {
    NEO4J_URI: neo4jUri,
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    PATH_MAX_RESULTS: String(API_RESULT_CAP),
    API_KEYS: JSON.stringify([benchKey.record]),
  };
}

/** PATH_MAX_RESULTS given to API children, and the cap of in-process reach calls. */
export const API_RESULT_CAP = 1_000_000;

/** The median of a sample (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return Math.round((value ?? NaN) * 100) / 100;
}
