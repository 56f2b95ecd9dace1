import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWrites, killAndRestart, runStress, type Neo4jHandle } from '../../bench/stress.js';
import { Executor } from '../../src/neo4j/index.js';
import { spawnApi, type ApiProcess } from '../support/apiProcess.js';
import { TEST_KEYS } from '../support/testKeys.js';
import { freePort, startSpareNeo4j } from './spareNeo4j.js';

let dataDir: string;
let port: number;
let handle: Neo4jHandle;
let api: ApiProcess;
let url: string;

const start = () => startSpareNeo4j(port, dataDir);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-graph-under-load-'));
  port = await freePort();
  handle = { neo4j: await start() };
  api = spawnApi({
    NEO4J_URI: `bolt://127.0.0.1:${port}`,
    NEO4J_PASSWORD: '',
    SEED_ON_EMPTY: 'true',
    LOG_LEVEL: 'info',
  });
  url = await api.ready;
}, 180_000);

afterAll(async () => {
  await api.stop();
  await handle.neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

/**
 * The short version of `npm run stress -- --fault` (bench/benchStress.ts): a mixed load of reads,
 * lists, search, path queries and writes from 8 workers, with Neo4j killed outright (SIGKILL)
 * a few seconds in and started again on the same store.
 */
describe('Neo4j killed and restarted under a mixed load', () => {
  it('keeps the API up, loses no acknowledged write, applies none in part, and serves again', async () => {
    const result = await runStress({
      url,
      key: TEST_KEYS.admin,
      concurrency: 8,
      durationMs: 20_000,
      fault: killAndRestart(handle, start, { atMs: 4_000, downMs: 2_000 }),
    });
    expect(api.child.exitCode).toBeNull();
    expect(result.serverErrorsOutsideFault).toBe(0);
    expect(result.fault?.recoveredAtMs).toBeGreaterThan(result.fault?.restartedAtMs ?? Infinity);
    expect(result.acknowledged.length).toBeGreaterThan(0);
    // During the outage requests were refused with a code, not left hanging or failing uncoded.
    expect(result.errorsByCode['SERVICE_UNAVAILABLE']).toBeGreaterThan(0);
    expect(result.errorsByCode['UNCODED']).toBeUndefined();
    const driver = neo4jDriver.driver(
      `bolt://127.0.0.1:${port}`,
      neo4jDriver.auth.basic('neo4j', ''),
    );
    try {
      const check = await checkWrites(new Executor(driver, 'neo4j', 30_000), result);
      expect(check.lost).toEqual([]);
      expect(check.halfApplied).toEqual([]);
      expect(check.stored).toBe(result.acknowledged.length + check.appliedUnacknowledged);
    } finally {
      await driver.close();
    }
  }, 120_000);
});
