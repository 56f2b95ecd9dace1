import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { RELEASABLE_TO_NONE } from '../../src/audit/index.js';
import { createAuthenticator, parseApiKeyInput } from '../../src/auth/index.js';
import { keysCommand } from '../../src/auth/keysCommand.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { authConfig, capturingLog, fakeExecutor, headers, makeKey } from './authFixtures.js';

/**
 * The audit log marks an entry naming elements releasable to disjoint sets of nations as
 * releasable to "XXX", so that no caller reads it; a caller whose nationality were "XXX" would.
 */
const MARKER = 'XXX';
const WHY = '"XXX" is the audit log\'s marker for "releasable to no nation", not a nationality';

const dir = mkdtempSync(path.join(tmpdir(), 'no-nation-marker-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const configProblems = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env, dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

it('is the marker the audit log uses', () => {
  expect(RELEASABLE_TO_NONE).toBe(MARKER);
});

describe('a key of nationality "XXX"', () => {
  it('is not made (the API and `npm run keys` read its input alike)', async () => {
    expect(
      parseApiKeyInput({ name: 'n', role: 'reader', clearance: 'SECRET', nationality: MARKER }),
    ).toEqual({ problems: [`nationality: ${WHY}; give a real code, or none`] });
    let stderr = '';
    const code = await keysCommand(
      ['create', '--name', 'n', '--role', 'reader', '--clearance', 'SECRET'].concat([
        '--nationality',
        MARKER,
      ]),
      { stdout: () => undefined, stderr: (text) => (stderr += text) },
    );
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`keys: --nationality: ${WHY}; give a real code, or none`);
  });

  it('is refused in API_KEYS and API_KEYS_FILE, naming the entry', () => {
    const record = { ...makeKey().record, nationality: MARKER };
    const file = path.join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify([record]));
    expect(configProblems({ API_KEYS: JSON.stringify([record]) })).toEqual([
      `API_KEYS: entry 0 (${record.id}): nationality: ${WHY}; give a real code, or none`,
    ]);
    expect(configProblems({ API_KEYS_FILE: file })).toEqual([
      `API_KEYS_FILE=${file}: entry 0 (${record.id}): nationality: ${WHY}; give a real code, or none`,
    ]);
  });

  it('stored in the database is refused rather than trusted', async () => {
    const { key, record } = makeKey();
    const { executor } = fakeExecutor([{ ...record, nationality: MARKER }]);
    const authenticator = createAuthenticator(authConfig(), executor, capturingLog().log);
    await expect(authenticator.authenticate(headers({ 'X-API-Key': key }))).resolves.toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('a bearer token of nationality "XXX"', () => {
  it('is UNAUTHENTICATED, and the log says why', async () => {
    const secret = new TextEncoder().encode('a shared secret of well over thirty-two bytes');
    const token = await new SignJWT({
      sub: 'alice',
      exp: Math.floor(Date.now() / 1000) + 300,
      role: 'reader',
      clearance: 'SECRET',
      nationality: MARKER,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    const { executor } = fakeExecutor();
    const { log, lines } = capturingLog();
    const authenticator = createAuthenticator(
      authConfig({
        jwt: { secret, rs256: undefined, issuer: undefined, audience: undefined },
      }),
      executor,
      log,
    );
    const message = `The bearer token's claims are not accepted: "nationality" is "XXX", expected an ISO 3166 alpha-3 code in upper case such as "GBR" (${WHY}).`;
    await expect(
      authenticator.authenticate(headers({ Authorization: `Bearer ${token}` })),
    ).resolves.toEqual({ ok: false, code: 'UNAUTHENTICATED', message });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'bearer token refused', reason: message }),
    );
  });
});
