import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndRestart, type Neo4jHandle } from '../../bench/stress.js';
import { spawnApi, type ApiProcess } from '../support/apiProcess.js';
import { postRaw } from '../support/http.js';
import { freePort, startSpareNeo4j } from '../faults/spareNeo4j.js';

let dataDir: string;
let port: number;
let handle: Neo4jHandle;
let a: ApiProcess;
let b: ApiProcess;
let urlA: string;
let urlB: string;

const start = () => startSpareNeo4j(port, dataDir);

/** Waits for GET /health/ready to say 200 (the projection is built). */
async function readyAt(url: string): Promise<void> {
  const health = url.replace(/\/graphql$/, '/health/ready');
  for (let i = 0; i < 600; i++) {
    const response = await fetch(health).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${health} never answered 200`);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-graph-fresh-'));
  port = await freePort();
  handle = { neo4j: await start() };
  const env = { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: '', LOG_LEVEL: 'warn' };
  a = spawnApi({ ...env, SEED_ON_EMPTY: 'true', LOG_LEVEL: 'info' });
  urlA = await a.ready;
  await readyAt(urlA);
  b = spawnApi({ ...env, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'info' });
  urlB = await b.ready;
  await readyAt(urlB);
}, 240_000);

afterAll(async () => {
  await a.stop();
  await b.stop();
  await handle.neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

const REACH =
  'query { penetrationReach(agent: "kim-philby", maxHops: 1, certainty: POSSIBLE) { channels { channel { id } } } }';

/** Philby's channels at one hop, as the API at `url` answers. */
async function channelsAt(url: string): Promise<string[]> {
  const response = await postRaw<{
    penetrationReach: { channels: { channel: { id: string } }[] };
  }>(url, JSON.stringify({ query: REACH }));
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.penetrationReach.channels.map((c) => c.channel.id).sort();
}

/** Milliseconds until `check` holds at `url` (polled every 20 ms), or a failure after `limitMs`. */
async function msUntil(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (await check()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not seen within ${limitMs} ms`);
}

const channel = (id: string) => ({
  channels: [
    {
      id,
      name: `Freshness probe ${id}`,
      scope: 'BILATERAL',
      from: '1946',
      to: '1950',
      sources: [{ source: 'liaison-benefits-risks', lines: [334, 335], quote: 'probe' }],
      parties: [
        {
          service: 'sis',
          role: 'MEMBER',
          sources: [{ source: 'liaison-benefits-risks', lines: [334, 335], quote: 'probe' }],
        },
        {
          service: 'cia',
          role: 'MEMBER',
          sources: [{ source: 'liaison-benefits-risks', lines: [334, 335], quote: 'probe' }],
        },
      ],
    },
  ],
});

async function importAt(url: string, document: unknown): Promise<void> {
  const response = await postRaw(
    url,
    JSON.stringify({
      query: 'mutation ($d: JSON!) { importGraph(document: $d) { written { kind count } } }',
      variables: { d: document },
    }),
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

async function deleteChannelAt(url: string, id: string): Promise<void> {
  const response = await postRaw(
    url,
    JSON.stringify({ query: `mutation { deleteChannel(id: "${id}") { id } }` }),
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

/**
 * Two API processes on one Neo4j, each with its in-memory projection (PATH_ENGINE=memory, the
 * default): a write acknowledged by one is in its own next read, and in the other's within 1 s
 * through the change feed; with Neo4j killed, reads are refused rather than answered from an
 * unconfirmed projection, and after the restart the projection follows the store again.
 */
describe('the in-memory projection is fresh across API replicas', () => {
  it('shows a write in its own next read and in the other replica within 1 s', async () => {
    const before = await channelsAt(urlA);
    expect(before).not.toContain('fresh-probe-1');
    await importAt(urlA, channel('fresh-probe-1'));
    expect(await channelsAt(urlA)).toContain('fresh-probe-1');
    const ms = await msUntil(async () => (await channelsAt(urlB)).includes('fresh-probe-1'), 1_000);
    expect(ms).toBeLessThan(1_000);
    await deleteChannelAt(urlB, 'fresh-probe-1');
    expect(await channelsAt(urlB)).not.toContain('fresh-probe-1');
    await msUntil(async () => !(await channelsAt(urlA)).includes('fresh-probe-1'), 1_000);
    expect(await channelsAt(urlA)).toEqual(before);
  }, 60_000);

  it('refuses reads while Neo4j is down and follows the store after a restart', async () => {
    const before = await channelsAt(urlA);
    const fault = killAndRestart(handle, start, { atMs: 0, downMs: 0 });
    await fault.kill();
    // Within the freshness bound the projection can no longer be confirmed: refused, coded.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const refused = await postRaw(urlA, JSON.stringify({ query: REACH }));
    expect(refused.data?.['penetrationReach' as never]).toBeFalsy();
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    await fault.restart();
    await msUntil(async () => {
      const response = await postRaw(urlB, JSON.stringify({ query: REACH }));
      return response.status === 200 && response.data !== undefined && response.data !== null;
    }, 60_000);
    await importAt(urlB, channel('fresh-probe-2'));
    await msUntil(async () => (await channelsAt(urlA)).includes('fresh-probe-2'), 1_000);
    expect(await channelsAt(urlA)).toEqual([...before, 'fresh-probe-2'].sort());
  }, 180_000);
});
