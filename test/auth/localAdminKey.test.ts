import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseApiKey, secretMatches } from '../../src/auth/apiKey.js';
import { localAdminKey } from '../../src/auth/index.js';
import { readFileSync } from 'node:fs';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liaison-graph-keys-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the local admin key', () => {
  it('is made once, readable by its owner only, and reused on the next start', async () => {
    const first = localAdminKey(path.join(dir, '.liaison'));
    expect(first.created).toBe(true);
    expect(first.record).toMatchObject({
      role: 'admin',
      clearance: 'TOP_SECRET',
      nationality: null,
    });
    expect((await stat(first.keyFile)).mode & 0o777).toBe(0o600);
    const key = parseApiKey(readFileSync(first.keyFile, 'utf8').trim());
    expect(key?.id).toBe(first.record.id);
    expect(secretMatches(key?.secret ?? '', first.record.hash)).toBe(true);
    const second = localAdminKey(path.join(dir, '.liaison'));
    expect(second).toEqual({ ...first, created: false });
  });

  it('is made anew when its files do not match', async () => {
    const first = localAdminKey(dir);
    await rm(first.keyFile);
    const second = localAdminKey(dir);
    expect(second.created).toBe(true);
    expect(second.record.id).not.toBe(first.record.id);
  });
});
