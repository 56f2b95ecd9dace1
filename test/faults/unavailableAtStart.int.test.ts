import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalNeo4j } from '../../src/neo4j/index.js';
import { spawnApi, type ApiProcess } from '../support/apiProcess.js';
import { postRaw } from '../support/http.js';
import { freePort, startSpareNeo4j } from './spareNeo4j.js';

let dataDir: string;
let port: number;
let api: ApiProcess;
let url: string;
let neo4j: LocalNeo4j | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-graph-late-neo4j-'));
  port = await freePort();
  api = spawnApi({
    NEO4J_URI: `bolt://127.0.0.1:${port}`,
    NEO4J_PASSWORD: '',
    NEO4J_CONNECT_TIMEOUT_MS: '1000',
    SEED_ON_EMPTY: 'true',
    LOG_LEVEL: 'info',
  });
  url = await api.ready;
}, 60_000);

afterAll(async () => {
  await api.stop();
  await neo4j?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

const readiness = async () => {
  const response = await fetch(url.replace('/graphql', '/health/ready'));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const services = () =>
  postRaw<{ service: { id: string } | null }>(url, '{"query":"{ service(id: \\"sis\\") { id } }"}');

describe('Neo4j unavailable when the API starts', () => {
  it('serves anyway, not ready, answering SERVICE_UNAVAILABLE, and recovers by itself when Neo4j comes', async () => {
    expect(await readiness()).toEqual({
      status: 503,
      body: { ready: false, neo4j: 'unreachable', schema: 'unknown' },
    });
    const refused = await services();
    expect(refused.status).toBe(503);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toBe(
      'The database is not reachable yet; retry in a few seconds (GET /health/ready says when the API is ready).',
    );

    neo4j = await startSpareNeo4j(port, dataDir);
    const deadline = Date.now() + 120_000;
    let ready = await readiness();
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      ready = await readiness();
    }
    expect(ready).toEqual({
      status: 200,
      body: { ready: true, neo4j: 'reachable', schema: 'applied' },
    });
    // The schema was applied and the historical dataset loaded once Neo4j answered.
    expect((await services()).data).toEqual({ service: { id: 'sis' } });
    expect(api.stdout.join('\n')).toContain('Neo4j reached: schema applied, serving');
  }, 180_000);

  it('answers SERVICE_UNAVAILABLE while Neo4j is down later, stays up, and recovers when it returns', async () => {
    await neo4j?.stop();
    const down = await services();
    expect(down.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toBe(
      'The database is unavailable right now; retry in a few seconds.',
    );
    expect((await readiness()).status).toBe(503);
    neo4j = await startSpareNeo4j(port, dataDir);
    const deadline = Date.now() + 60_000;
    let answer = await services();
    while (answer.data?.service?.id !== 'sis' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      answer = await services();
    }
    expect(answer.data).toEqual({ service: { id: 'sis' } });
    expect(api.child.exitCode).toBeNull();
  }, 120_000);
});
