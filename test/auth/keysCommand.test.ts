import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseApiKey, secretMatches } from '../../src/auth/apiKey.js';
import { keysCommand } from '../../src/auth/keysCommand.js';
import { loadConfig } from '../../src/config/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'keys-command-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await keysCommand(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const USAGE = `usage: npm run keys -- create --name <name> --role <reader|analyst|editor|admin>
         --clearance <UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP_SECRET> [--nationality GBR] [--file keys.json]
`;

describe('npm run keys -- create', () => {
  it('prints the key once and the record for API_KEYS, which then accepts the key', async () => {
    const { code, stdout } = await run(
      'create',
      '--name',
      'Liaison desk',
      '--role',
      'analyst',
      '--clearance',
      'SECRET',
      '--nationality',
      'GBR',
    );
    expect(code).toBe(0);
    const [key = '', json = '', ...rest] = stdout.split('\n');
    expect(rest).toEqual(['']);
    const parsed = parseApiKey(key);
    const record = JSON.parse(json) as Record<string, unknown>;
    expect(record).toMatchObject({
      id: parsed?.id,
      name: 'Liaison desk',
      role: 'analyst',
      clearance: 'SECRET',
      nationality: 'GBR',
    });
    expect(json).not.toContain(parsed?.secret);
    expect(secretMatches(parsed?.secret ?? '', String(record['hash']))).toBe(true);
    expect(loadConfig({ API_KEYS: `[${json}]` }, dir).auth.apiKeys).toHaveLength(1);
  });

  it('appends to the --file, creating it readable by its owner only', async () => {
    const file = path.join(dir, 'keys.json');
    const first = await run(
      'create',
      '--name',
      'a',
      '--role',
      'admin',
      '--clearance',
      'TOP_SECRET',
      '--file',
      file,
    );
    const second = await run(
      'create',
      '--name',
      'b',
      '--role',
      'reader',
      '--clearance',
      'UNCLASSIFIED',
      '--file',
      file,
    );
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const records = JSON.parse(readFileSync(file, 'utf8')) as { id: string; name: string }[];
    expect(records.map((r) => r.name)).toEqual(['a', 'b']);
    expect(records.map((r) => r.id)).toEqual(
      [first, second].map((run) => parseApiKey(run.stdout.trim())?.id),
    );
    expect(second.stderr).toContain(`Key ${records[1]?.id} (b) was added to ${file}`);
    expect(loadConfig({ API_KEYS_FILE: file }, dir).auth.apiKeys).toHaveLength(2);
  });

  it('exits 2 and names each bad argument', async () => {
    await expect(
      run(
        'create',
        '--name',
        'x',
        '--role',
        'boss',
        '--clearance',
        'SECRET',
        '--nationality',
        'gb',
      ),
    ).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: `keys: --role: expected one of reader, analyst, editor, admin\nkeys: --nationality: expected an ISO 3166 alpha-3 code in upper case, e.g. GBR\n${USAGE}`,
    });
    await expect(run('create', '--role', 'reader')).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: `keys: missing --name, --clearance\n${USAGE}`,
    });
    await expect(run('rotate')).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: `keys: unknown command "rotate"\n${USAGE}`,
    });
    await expect(run()).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: `keys: no command given\n${USAGE}`,
    });
    const unknownOption = await run('create', '--name', 'x', '--colour', 'red');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^keys: Unknown option '--colour'/);
  });

  it('refuses to append to a file that is not a list of key records, and leaves it alone', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{"keys": []}');
    await expect(
      run('create', '--name', 'x', '--role', 'reader', '--clearance', 'SECRET', '--file', file),
    ).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr: `keys: ${file}: expected a JSON array of key records as printed by \`npm run keys -- create\`\n${USAGE}`,
    });
    expect(readFileSync(file, 'utf8')).toBe('{"keys": []}');
  });
});
