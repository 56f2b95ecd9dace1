import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApi, type ApiProcess } from '../support/apiProcess.js';
import { testNeo4jEnv } from '../support/connect.js';
import { postRaw } from '../support/http.js';

let dir: string;
let api: ApiProcess;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liaison-graph-fresh-'));
  api = spawnApi({
    ...testNeo4jEnv(),
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'info',
    // Nothing configured: as on a fresh clone.
    API_KEYS: '',
    LOCAL_ADMIN_KEY_DIR: dir,
  });
  url = await api.ready;
}, 120_000);

afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a fresh start with no credentials configured', () => {
  it('makes a local admin key, says where it is, and lets in only requests that carry it', async () => {
    const keyFile = path.join(dir, 'admin.key');
    expect(api.stderr.join('\n')).toContain(`requests need the local admin key in ${keyFile}`);
    const key = (await readFile(keyFile, 'utf8')).trim();
    const body = JSON.stringify({ query: '{ __typename }' });
    expect((await postRaw(url, body, { key: null })).status).toBe(401);
    expect(await postRaw(url, body, { key })).toEqual({
      status: 200,
      data: { __typename: 'Query' },
    });
  });
});
