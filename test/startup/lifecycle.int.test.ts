import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j } from '../../src/neo4j/index.js';
import { spawnApi } from '../support/apiProcess.js';
import { testLog } from '../support/connect.js';
import { postRaw } from '../support/http.js';

const run = promisify(execFile);

/** A port and store of this file's own, so the run's shared test database is not touched. */
const PORT = Number(process.env['TEST_LIFECYCLE_NEO4J_PORT'] ?? 7689);
let dataDir: string;

const env = (): Record<string, string> => ({
  NEO4J_LOCAL_PORT: String(PORT),
  NEO4J_LOCAL_DATA: dataDir,
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE: '256m',
  ...(process.env['JAVA_HOME'] ? { JAVA_HOME: process.env['JAVA_HOME'] } : {}),
});

/** Command lines of running processes that use this file's store. */
async function processesUsing(dir: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'args']);
  return stdout.split('\n').filter((line) => line.includes(`--home=${dir}`));
}

async function withBolt<T>(work: (session: neo4j.Session) => Promise<T>): Promise<T> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', ''));
  const session = driver.session();
  try {
    return await work(session);
  } finally {
    await session.close();
    await driver.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-graph-lifecycle-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start with the embedded default', () => {
  it('starts its own Neo4j, loads the dataset into the empty store, serves, stops on SIGTERM; a restart reuses the store', async () => {
    if (process.env['NEO4J_URI'])
      throw new Error('this test exercises the local Neo4j; unset NEO4J_URI');

    const first = spawnApi(env());
    const url = await first.ready;
    expect((await postRaw(url, JSON.stringify({ query: '{ __typename }' }))).data).toEqual({
      __typename: 'Query',
    });
    // The store was empty, so the first start loaded the historical dataset.
    const philby = await postRaw(
      url,
      JSON.stringify({ query: '{ node(id: "kim-philby") { name } }' }),
    );
    expect(philby.data).toEqual({ node: { name: 'Kim Philby' } });
    expect(await processesUsing(dataDir)).toHaveLength(1);
    const reused = await startLocalNeo4j(
      { port: PORT, dataDir, heap: '512m', pageCache: '256m', javaHome: undefined },
      testLog,
    );
    expect(reused.startedHere).toBe(false);
    await reused.stop(); // a no-op for a Neo4j it did not start
    expect(await processesUsing(dataDir)).toHaveLength(1);
    await withBolt((s) => s.run("CREATE (:Service {id: 'survives-restart', name: 'Marker'})"));

    expect(await first.stop()).toBe(0);
    expect(await processesUsing(dataDir)).toEqual([]);
    expect(first.stdout.some((line) => line.includes('"msg":"local Neo4j stopped"'))).toBe(true);

    const second = spawnApi(env());
    await second.ready;
    const names = await withBolt(async (s) => {
      const result = await s.run(
        "MATCH (n:Service {id: 'survives-restart'}) RETURN n.name AS name",
      );
      return result.records.map((r) => r.get('name') as string);
    });
    expect(names).toEqual(['Marker']);
    expect(await second.stop()).toBe(0);
    expect(await processesUsing(dataDir)).toEqual([]);
  });

  it('never leaves Neo4j behind even when the API process is killed outright', async () => {
    const api = spawnApi(env());
    await api.ready;
    api.child.kill('SIGKILL');
    await api.exited;
    // The launcher watches its stdin: the pipe closes with the parent and Neo4j shuts down cleanly.
    const deadline = Date.now() + 30_000;
    while ((await processesUsing(dataDir)).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await processesUsing(dataDir)).toEqual([]);
  });
});
