import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/index.js';
import { spawnApi, type ApiProcess } from '../support/apiProcess.js';
import { buildExplorer } from '../support/explorerBrowser.js';
import { connectTestDatabase, resetDatabase, testNeo4jEnv } from '../support/connect.js';
import { runStage, type Stage } from './dockerfile.js';

/**
 * No Docker engine runs here, so the image is checked by doing what its run stage does: the
 * files it copies, its production-only install and its command, in a fresh directory, with the
 * environment docker-compose.yml gives the API (Neo4j's address replaced by the test one).
 */
const run = promisify(execFile);
const ROOT = process.cwd();
const stage: Stage = runStage(readFileSync('Dockerfile', 'utf8'));

interface Compose {
  services: Record<
    string,
    { image?: string; build?: string; environment?: Record<string, string>; ports?: string[] }
  >;
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as Compose;
const apiService = compose.services['api'];
const neo4jService = compose.services['neo4j'];

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 and the API built from the Dockerfile, wired to each other', () => {
    expect(neo4jService?.image).toBe('neo4j:5.26');
    expect(apiService?.build).toBe('.');
    const uri = new URL(apiService?.environment?.['NEO4J_URI'] ?? '');
    expect(uri.hostname).toBe('neo4j');
    expect(neo4jService?.ports).toContain(`127.0.0.1:${uri.port}:${uri.port}`);
    expect(apiService?.ports).toContain(`127.0.0.1:4000:${apiService?.environment?.['PORT']}`);
  });

  it("gives the API an environment its configuration accepts (passwords from the host's .env)", () => {
    const env = { ...stage.env, ...apiService?.environment, NEO4J_PASSWORD: 'from-dot-env' };
    const config = loadConfig(env, '/app');
    expect(config.database).toMatchObject({ kind: 'remote', uri: 'bolt://neo4j:7687' });
    expect(config.host).toBe('0.0.0.0');
    // No credentials configured and not production: the API writes its local admin key where
    // the compose file keeps a volume.
    expect(config.auth.localAdminKeyDir).toBe('/app/.liaison');
  });
});

describe('the run stage of the Dockerfile, done by hand', () => {
  let dir = '';
  let api: ApiProcess | undefined;
  let url = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'liaison-image-'));
    for (const { from, source, target } of stage.copies) {
      if (from !== undefined) {
        // The build stage makes one thing, the explorer's files: built here straight into place.
        expect(source).toBe('/app/explorer/dist');
        await buildExplorer(path.join(dir, target));
        continue;
      }
      if (!existsSync(source)) throw new Error(`the Dockerfile copies ${source}, which is missing`);
      cpSync(path.join(ROOT, source), path.join(dir, target), { recursive: true });
    }
    expect(stage.runs.join('\n')).toContain('npm ci --omit=dev');
    await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: dir,
      timeout: 240_000,
    });
    const database = connectTestDatabase();
    await resetDatabase(database); // empty, so the API seeds the historical dataset itself
    await database.close();
    api = spawnApi(
      { ...stage.env, ...apiService?.environment, ...testNeo4jEnv(), PORT: '0' },
      { cwd: dir, args: stage.command.slice(1), testKeys: false },
    );
    url = await api.ready;
  }, 300_000);

  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the image command with node', () => {
    expect(stage.command[0]).toBe('node');
  });

  it('serves reach with its own local admin key and the seeded historical dataset', async () => {
    const key = readFileSync(path.join(dir, '.liaison', 'admin.key'), 'utf8').trim();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        query:
          '{ penetrationReach(agent: "kim-philby") { channels { channel { id } } operations { operation { id } } } }',
      }),
    });
    const answer = (await response.json()) as {
      data?: {
        penetrationReach: {
          channels: { channel: { id: string } }[];
          operations: { operation: { id: string } }[];
        };
      };
    };
    const reach = answer.data?.penetrationReach;
    expect(reach?.channels.map((c) => c.channel.id)).toContain('sis-cia');
    expect(reach?.operations.map((o) => o.operation.id)).toContain('albania-infiltration');
  });

  it('serves the explorer and answers its health check', async () => {
    const explorer = await fetch(new URL('/explorer/', url));
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('<script');
    const ready = await fetch(new URL('/health/ready', url));
    expect(ready.status).toBe(200);
  });
});
