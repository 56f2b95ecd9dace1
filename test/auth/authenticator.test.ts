import { describe, expect, it } from 'vitest';
import { ApiKeyStore, createAuthenticator, type ApiKeyRecord } from '../../src/auth/index.js';
import { authConfig, capturingLog, fakeExecutor, headers, makeKey } from './authFixtures.js';

const SECRET = new TextEncoder().encode('a shared secret of well over thirty-two bytes');
const JWT = { secret: SECRET, rs256: undefined, issuer: undefined, audience: undefined };

const refused = (message: string) => ({ ok: false, code: 'UNAUTHENTICATED', message });

const NOT_RECOGNISED = refused(
  'The API key is not recognised: check that it was copied whole, or ask an administrator for a new one.',
);

/** An authenticator over configured keys and keys "in Neo4j" (a fake executor). */
function setup(
  options: {
    configured?: readonly ApiKeyRecord[];
    stored?: readonly ApiKeyRecord[];
    anonymousRead?: boolean;
    jwt?: typeof JWT;
  } = {},
) {
  const { executor, reads } = fakeExecutor(options.stored);
  const { log, lines } = capturingLog();
  const authenticator = createAuthenticator(
    authConfig({
      apiKeys: options.configured ?? [],
      anonymousRead: options.anonymousRead ?? false,
      jwt: options.jwt,
    }),
    executor,
    log,
  );
  return { authenticate: authenticator.authenticate, reads, lines };
}

describe('authenticate: no credentials', () => {
  it('refuses and says how to authenticate, naming bearer tokens only when they are accepted', async () => {
    await expect(setup().authenticate(headers())).resolves.toEqual(
      refused(
        'Authentication required: send an API key as "Authorization: ApiKey <key>" or "X-API-Key: <key>".',
      ),
    );
    await expect(setup({ jwt: JWT }).authenticate(headers())).resolves.toEqual(
      refused(
        'Authentication required: send an API key as "Authorization: ApiKey <key>" or "X-API-Key: <key>", or a JWT as "Authorization: Bearer <token>".',
      ),
    );
  });

  it('treats empty headers as none', async () => {
    const result = await setup().authenticate(headers({ Authorization: '  ', 'X-API-Key': '' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Authentication required:/);
  });

  it('lets an anonymous reader in at UNCLASSIFIED when AUTH_ANONYMOUS_READ=true', async () => {
    await expect(setup({ anonymousRead: true }).authenticate(headers())).resolves.toEqual({
      ok: true,
      caller: {
        subject: 'anonymous',
        via: 'anonymous',
        role: 'reader',
        clearance: 'UNCLASSIFIED',
        nationality: null,
      },
    });
  });

  it('still checks credentials that are sent when anonymous reading is on', async () => {
    const { key } = makeKey();
    await expect(
      setup({ anonymousRead: true }).authenticate(headers({ 'X-API-Key': key })),
    ).resolves.toEqual(NOT_RECOGNISED);
  });
});

describe('authenticate: API keys', () => {
  it('accepts a configured key in X-API-Key or in Authorization: ApiKey', async () => {
    const { key, record } = makeKey({ role: 'editor', clearance: 'TOP_SECRET' });
    const { authenticate, reads } = setup({ configured: [record] });
    const caller = {
      subject: record.id,
      via: 'api-key',
      role: 'editor',
      clearance: 'TOP_SECRET',
      nationality: 'GBR',
    };
    await expect(authenticate(headers({ 'X-API-Key': key }))).resolves.toEqual({
      ok: true,
      caller,
    });
    await expect(authenticate(headers({ Authorization: `ApiKey ${key}` }))).resolves.toEqual({
      ok: true,
      caller,
    });
    await expect(authenticate(headers({ authorization: `apikey  ${key}` }))).resolves.toEqual({
      ok: true,
      caller,
    });
    expect(reads).toEqual([]);
  });

  it('accepts a key stored in Neo4j', async () => {
    const { key, record } = makeKey({ role: 'reader', nationality: null });
    const result = await setup({ stored: [record] }).authenticate(headers({ 'X-API-Key': key }));
    expect(result).toEqual({
      ok: true,
      caller: {
        subject: record.id,
        via: 'api-key',
        role: 'reader',
        clearance: 'SECRET',
        nationality: null,
      },
    });
  });

  it('gives an unknown key id and a wrong secret the same answer', async () => {
    const { key, record } = makeKey();
    const { authenticate, lines } = setup({ configured: [record] });
    const wrongSecret = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const unknownId = makeKey().key;
    await expect(authenticate(headers({ 'X-API-Key': wrongSecret }))).resolves.toEqual(
      NOT_RECOGNISED,
    );
    await expect(authenticate(headers({ 'X-API-Key': unknownId }))).resolves.toEqual(
      NOT_RECOGNISED,
    );
    // The log tells them apart for the operator, by key id, without the secrets.
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toMatchObject([
      { msg: 'API key refused', keyId: record.id, reason: 'wrong secret' },
      { msg: 'API key refused', keyId: unknownId.slice(4, 16), reason: 'unknown id' },
    ]);
  });

  it('refuses a revoked key, saying so only to whoever holds its secret', async () => {
    const { key, record } = makeKey();
    const revoked = { ...record, revokedAt: '2025-06-01T12:00:00.000Z' };
    const { authenticate } = setup({ configured: [revoked] });
    await expect(authenticate(headers({ 'X-API-Key': key }))).resolves.toEqual(
      refused(
        'The API key was revoked at 2025-06-01T12:00:00.000Z; ask an administrator for a new one.',
      ),
    );
    const wrongSecret = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(authenticate(headers({ 'X-API-Key': wrongSecret }))).resolves.toEqual(
      NOT_RECOGNISED,
    );
  });

  it('prefers a configured key over a stored key with the same id', async () => {
    const { key, record } = makeKey({ role: 'admin' });
    const { authenticate, reads } = setup({
      configured: [{ ...record, revokedAt: '2025-01-01T00:00:00.000Z' }],
      stored: [record],
    });
    const result = await authenticate(headers({ 'X-API-Key': key }));
    expect(result.ok).toBe(false);
    expect(reads).toEqual([]);
  });

  it('refuses a malformed key and shows the format', async () => {
    await expect(
      setup().authenticate(headers({ 'X-API-Key': 'lgk_short_secret' })),
    ).resolves.toEqual(
      refused(
        'The API key is malformed: expected lgk_<12 hex characters>_<43 base64url characters>, as printed by `npm run keys -- create`.',
      ),
    );
  });
});

describe('authenticate: headers', () => {
  it('refuses two credentials at once', async () => {
    const { key } = makeKey();
    await expect(
      setup().authenticate(headers({ 'X-API-Key': key, Authorization: `ApiKey ${key}` })),
    ).resolves.toEqual(
      refused('Send one credential: an Authorization header or an X-API-Key header, not both.'),
    );
  });

  it('refuses an unknown scheme, repeating it only when it is a plain word', async () => {
    const { authenticate } = setup();
    const howTo = 'send an API key as "Authorization: ApiKey <key>" or "X-API-Key: <key>"';
    await expect(authenticate(headers({ Authorization: 'Basic dXNlcjpwYXNz' }))).resolves.toEqual(
      refused(`The Authorization scheme "Basic" is not accepted; ${howTo}.`),
    );
    await expect(
      authenticate(headers({ Authorization: 'lgk_0123456789ab_secret123 x' })),
    ).resolves.toEqual(refused(`The Authorization scheme is not accepted; ${howTo}.`));
    await expect(authenticate(headers({ Authorization: 'Bearer' }))).resolves.toEqual(
      refused(`The Authorization header is malformed: expected "<scheme> <credential>"; ${howTo}.`),
    );
  });

  it('refuses a bearer token when no JWT key is configured', async () => {
    await expect(setup().authenticate(headers({ Authorization: 'Bearer a.b.c' }))).resolves.toEqual(
      refused(
        'This API does not accept bearer tokens (no JWT key is configured); send an API key as "Authorization: ApiKey <key>" or "X-API-Key: <key>".',
      ),
    );
  });

  it('never writes a key, a secret or a token to the log', async () => {
    const { key, record } = makeKey();
    const { authenticate, lines } = setup({ stored: [record], jwt: JWT });
    const wrong = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await authenticate(headers({ 'X-API-Key': key }));
    await authenticate(headers({ 'X-API-Key': wrong }));
    await authenticate(headers({ Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl' }));
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [
      key,
      key.slice(17),
      wrong.slice(17),
      'c2lnbmF0dXJl',
      'e30',
      record.hash,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('ApiKeyStore cache', () => {
  it('reads a key once per time-to-live, misses included', async () => {
    const { key: _key, record } = makeKey();
    const { executor, reads } = fakeExecutor([record]);
    let clock = 1_000_000;
    const store = new ApiKeyStore(executor, { cacheTtlMs: 5000, now: () => clock });
    await expect(store.find(record.id)).resolves.toEqual(record);
    await expect(store.find(record.id)).resolves.toEqual(record);
    await expect(store.find('0123456789ab')).resolves.toBeUndefined();
    await expect(store.find('0123456789ab')).resolves.toBeUndefined();
    expect(reads).toHaveLength(2);
    clock += 5000;
    await store.find(record.id);
    expect(reads).toHaveLength(3);
  });

  it('keeps at most cacheMaxEntries ids, dropping the oldest', async () => {
    const { executor, reads } = fakeExecutor();
    const store = new ApiKeyStore(executor, { cacheMaxEntries: 2 });
    for (const id of ['00000000000a', '00000000000b', '00000000000c', '00000000000a']) {
      await store.find(id);
    }
    expect(reads.map((query) => query.params['id'])).toEqual([
      '00000000000a',
      '00000000000b',
      '00000000000c',
      '00000000000a',
    ]);
  });
});
