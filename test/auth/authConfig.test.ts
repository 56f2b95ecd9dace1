import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { makeKey } from './authFixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'auth-config-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file in the test's directory and returns its path. */
const file = (name: string, content: string): string => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env, dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

const rsaPublicPem = (bits: number): string =>
  generateKeyPairSync('rsa', { modulusLength: bits })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();

const SECRET = 'correct horse battery staple, but longer';

describe('loadConfig: auth', () => {
  it('defaults to no anonymous access, no configured keys and no bearer tokens', () => {
    expect(loadConfig({}, dir).auth).toEqual({
      anonymousRead: false,
      apiKeys: [],
      jwt: undefined,
      localAdminKeyDir: path.join(dir, '.liaison'),
    });
  });

  it('makes a local admin key only where nothing else lets anyone in, and never in production', () => {
    expect(loadConfig({ LOCAL_ADMIN_KEY_DIR: 'keys' }, dir).auth.localAdminKeyDir).toBe(
      path.join(dir, 'keys'),
    );
    expect(loadConfig({ NODE_ENV: 'production' }, dir).auth.localAdminKeyDir).toBeUndefined();
    expect(loadConfig({ AUTH_ANONYMOUS_READ: 'true' }, dir).auth.localAdminKeyDir).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: SECRET }, dir).auth.localAdminKeyDir).toBeUndefined();
  });

  it('reads AUTH_ANONYMOUS_READ as true or false only', () => {
    expect(loadConfig({ AUTH_ANONYMOUS_READ: 'true' }, dir).auth.anonymousRead).toBe(true);
    expect(loadConfig({ AUTH_ANONYMOUS_READ: 'false' }, dir).auth.anonymousRead).toBe(false);
    expect(problemsOf({ AUTH_ANONYMOUS_READ: 'yes' })).toEqual([
      'AUTH_ANONYMOUS_READ="yes" is invalid: expected one of true, false, e.g. AUTH_ANONYMOUS_READ=false',
    ]);
  });

  it('takes key records from API_KEYS and API_KEYS_FILE together', () => {
    const inline = makeKey().record;
    const inFile = { ...makeKey({ role: 'admin', nationality: null }).record, revokedAt: null };
    const keysFile = file('keys.json', JSON.stringify([inFile]));
    const { apiKeys } = loadConfig(
      { API_KEYS: JSON.stringify([inline]), API_KEYS_FILE: keysFile },
      dir,
    ).auth;
    const { revokedAt: _null, ...activeInFile } = inFile;
    expect(apiKeys).toEqual([inline, activeInFile]);
  });

  it('resolves API_KEYS_FILE against the project root', () => {
    const record = makeKey().record;
    file('relative.json', JSON.stringify([record]));
    expect(loadConfig({ API_KEYS_FILE: 'relative.json' }, dir).auth.apiKeys).toEqual([record]);
  });

  it('names the entry, the field and what is allowed for each bad key record', () => {
    const good = makeKey().record;
    const bad = {
      ...good,
      id: 'XYZ',
      role: 'boss',
      clearance: 'secret',
      nationality: 'gb',
      createdAt: 'yesterday',
      revoked: '2025-01-01T00:00:00Z',
    };
    const { name: _name, ...nameless } = good;
    expect(problemsOf({ API_KEYS: JSON.stringify([good, bad, nameless, 7]) })).toEqual([
      'API_KEYS: entry 1 (XYZ): id: expected 12 lower-case hex characters',
      'API_KEYS: entry 1 (XYZ): role: expected one of reader, analyst, editor, admin',
      'API_KEYS: entry 1 (XYZ): clearance: expected one of UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP_SECRET',
      'API_KEYS: entry 1 (XYZ): nationality: expected an ISO 3166 alpha-3 code in upper case, e.g. GBR',
      'API_KEYS: entry 1 (XYZ): createdAt: expected an ISO 8601 instant such as 2025-01-31T12:00:00Z',
      'API_KEYS: entry 1 (XYZ): unknown field "revoked": expected only id, name, hash, role, clearance, nationality, createdAt, revokedAt',
      `API_KEYS: entry 2 (${good.id}): name: expected non-empty text`,
      'API_KEYS: entry 3: expected a key record (a JSON object)',
    ]);
  });

  it('refuses API_KEYS that is not a JSON array, and an unreadable API_KEYS_FILE', () => {
    expect(
      problemsOf({ API_KEYS: '{"id": 1}', API_KEYS_FILE: path.join(dir, 'missing.json') }),
    ).toEqual([
      `API_KEYS_FILE=${JSON.stringify(path.join(dir, 'missing.json'))} is invalid: expected a readable file (reading it failed with ENOENT), e.g. API_KEYS_FILE=/run/secrets/api-keys.json`,
      'API_KEYS: expected a JSON array of key records as printed by `npm run keys -- create`',
    ]);
    expect(problemsOf({ API_KEYS: '[' })[0]).toMatch(
      /^API_KEYS: expected a JSON array of key records as printed by `npm run keys -- create` \(.+\)$/,
    );
  });

  it('refuses a key id that appears twice across API_KEYS and API_KEYS_FILE', () => {
    const record = makeKey().record;
    const keysFile = file('dup.json', JSON.stringify([record]));
    expect(problemsOf({ API_KEYS: JSON.stringify([record]), API_KEYS_FILE: keysFile })).toEqual([
      `API key id ${record.id} appears twice (API_KEYS entry 0 and API_KEYS_FILE=${keysFile} entry 0): each key needs its own id`,
    ]);
  });

  it('takes an HS256 secret of at least 32 bytes from JWT_SECRET or JWT_SECRET_FILE', () => {
    const fromEnv = loadConfig({ JWT_SECRET: SECRET }, dir).auth.jwt;
    expect(fromEnv).toEqual({
      secret: new TextEncoder().encode(SECRET),
      rs256: undefined,
      issuer: undefined,
      audience: undefined,
    });
    const secretFile = file('jwt-secret', `${SECRET}\n`);
    expect(loadConfig({ JWT_SECRET_FILE: secretFile }, dir).auth.jwt?.secret).toEqual(
      new TextEncoder().encode(SECRET),
    );
  });

  it('refuses a short JWT_SECRET without printing it', () => {
    const problems = problemsOf({ JWT_SECRET: 'hunter2-hunter2' });
    expect(problems).toEqual([
      'JWT_SECRET=<15 bytes, not shown> is invalid: expected at least 32 bytes (this one has 15), e.g. JWT_SECRET=$(openssl rand -base64 48)',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
    const shortFile = file('short-secret', 'hunter2');
    expect(problemsOf({ JWT_SECRET_FILE: shortFile })).toEqual([
      `JWT_SECRET_FILE=${JSON.stringify(shortFile)} is invalid: expected a file holding at least 32 bytes (this one has 7), e.g. JWT_SECRET_FILE=/run/secrets/jwt-secret`,
    ]);
  });

  it('takes an RSA public key of at least 2048 bits from JWT_PUBLIC_KEY_FILE', () => {
    const pem = rsaPublicPem(2048);
    const keyFile = file('public.pem', pem);
    expect(
      loadConfig({ JWT_PUBLIC_KEY_FILE: keyFile, JWT_ISSUER: 'https://login.example.org/' }, dir)
        .auth.jwt,
    ).toEqual({
      secret: undefined,
      rs256: { publicKeyPem: pem.trim() },
      issuer: 'https://login.example.org/',
      audience: undefined,
    });
  });

  it('refuses a private key, a short RSA key or a non-RSA key in JWT_PUBLIC_KEY_FILE', () => {
    const allowed = 'an RSA public key of at least 2048 bits in PEM (-----BEGIN PUBLIC KEY-----)';
    const privateFile = file(
      'private.pem',
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    );
    chmodSync(privateFile, 0o600);
    const shortFile = file('short.pem', rsaPublicPem(1024));
    const ecFile = file(
      'ec.pem',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString(),
    );
    const example = 'e.g. JWT_PUBLIC_KEY_FILE=/run/secrets/jwt-public.pem';
    expect(problemsOf({ JWT_PUBLIC_KEY_FILE: privateFile })).toEqual([
      `JWT_PUBLIC_KEY_FILE=${JSON.stringify(privateFile)} is invalid: expected a file holding ${allowed}, not a private key, ${example}`,
    ]);
    expect(problemsOf({ JWT_PUBLIC_KEY_FILE: shortFile })).toEqual([
      `JWT_PUBLIC_KEY_FILE=${JSON.stringify(shortFile)} is invalid: expected a file holding ${allowed}, ${example}`,
    ]);
    expect(problemsOf({ JWT_PUBLIC_KEY_FILE: ecFile })).toEqual([
      `JWT_PUBLIC_KEY_FILE=${JSON.stringify(ecFile)} is invalid: expected a file holding ${allowed}, ${example}`,
    ]);
  });

  it('takes an https JWKS URL, or http on loopback only', () => {
    expect(
      loadConfig({ JWT_JWKS_URL: 'https://login.example.org/jwks.json' }, dir).auth.jwt?.rs256,
    ).toEqual({ jwksUrl: 'https://login.example.org/jwks.json' });
    expect(loadConfig({ JWT_JWKS_URL: 'http://127.0.0.1:9000/jwks' }, dir).auth.jwt?.rs256).toEqual(
      { jwksUrl: 'http://127.0.0.1:9000/jwks' },
    );
    expect(problemsOf({ JWT_JWKS_URL: 'http://login.example.org/jwks.json' })).toEqual([
      'JWT_JWKS_URL="http://login.example.org/jwks.json" is invalid: expected an https:// URL (http:// only for localhost, 127.0.0.1 or [::1]), e.g. JWT_JWKS_URL=https://login.example.org/.well-known/jwks.json',
    ]);
  });

  it('reports every auth problem at once, one line each', () => {
    const keyFile = file('public2.pem', rsaPublicPem(2048));
    expect(
      problemsOf({
        AUTH_ANONYMOUS_READ: '1',
        JWT_SECRET: SECRET,
        JWT_SECRET_FILE: file('s', SECRET),
        JWT_PUBLIC_KEY_FILE: keyFile,
        JWT_JWKS_URL: 'ftp://example.org/jwks',
      }),
    ).toEqual([
      'AUTH_ANONYMOUS_READ="1" is invalid: expected one of true, false, e.g. AUTH_ANONYMOUS_READ=false',
      'JWT_SECRET and JWT_SECRET_FILE are both set: set only one of them',
      'JWT_PUBLIC_KEY_FILE and JWT_JWKS_URL are both set: set only one of them',
      'JWT_JWKS_URL="ftp://example.org/jwks" is invalid: expected an https:// URL (http:// only for localhost, 127.0.0.1 or [::1]), e.g. JWT_JWKS_URL=https://login.example.org/.well-known/jwks.json',
    ]);
  });

  it('refuses JWT_ISSUER or JWT_AUDIENCE without a key to verify tokens', () => {
    expect(problemsOf({ JWT_ISSUER: 'https://login.example.org/', JWT_AUDIENCE: 'lg' })).toEqual([
      'JWT_ISSUER is set but no key verifies tokens: set one of JWT_SECRET, JWT_SECRET_FILE, JWT_PUBLIC_KEY_FILE, JWT_JWKS_URL',
      'JWT_AUDIENCE is set but no key verifies tokens: set one of JWT_SECRET, JWT_SECRET_FILE, JWT_PUBLIC_KEY_FILE, JWT_JWKS_URL',
    ]);
  });
});
