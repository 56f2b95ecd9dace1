import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  base64url,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/auth/index.js';
import type { JwtConfig } from '../../src/config/index.js';
import { ApiError } from '../../src/errors/index.js';
import { authConfig, capturingLog, fakeExecutor, headers } from './authFixtures.js';

const SECRET = new TextEncoder().encode('a shared secret of well over thirty-two bytes');
const CLAIMS = { role: 'analyst', clearance: 'SECRET', nationality: 'GBR' };
const now = (): number => Math.floor(Date.now() / 1000);

let rsa: { publicKey: CryptoKey; privateKey: CryptoKey };
let otherRsa: { publicKey: CryptoKey; privateKey: CryptoKey };
let publicKeyPem: string;
let jwksServer: Server;
let jwksUrl: string;

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  otherRsa = await generateKeyPair('RS256', { extractable: true });
  publicKeyPem = await exportSPKI(rsa.publicKey);
  const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((request, response) => {
    if (request.url !== '/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
});

afterAll(async () => {
  await new Promise((resolve) => jwksServer.close(resolve));
});

/** A signed token; claims default to a valid analyst, `exp` to five minutes ahead. */
async function token(
  key: CryptoKey | Uint8Array,
  alg: 'HS256' | 'RS256',
  claims: JWTPayload = {},
  header: { kid?: string } = {},
): Promise<string> {
  return new SignJWT({ sub: 'alice', exp: now() + 300, ...CLAIMS, ...claims })
    .setProtectedHeader({ alg, ...header })
    .sign(key);
}

/** Authenticates `Authorization: Bearer <jwt>` with only this JWT configuration. */
async function bearer(jwt: Partial<JwtConfig>, credential: string) {
  const { executor } = fakeExecutor();
  const config: JwtConfig = {
    secret: undefined,
    rs256: undefined,
    issuer: undefined,
    audience: undefined,
    ...jwt,
  };
  const authenticator = createAuthenticator(
    authConfig({ jwt: config }),
    executor,
    capturingLog().log,
  );
  return authenticator.authenticate(headers({ Authorization: `Bearer ${credential}` }));
}

const refused = (message: string) => ({ ok: false, code: 'UNAUTHENTICATED', message });

describe('bearer tokens: HS256', () => {
  it('makes the caller from sub, role, clearance and nationality', async () => {
    await expect(bearer({ secret: SECRET }, await token(SECRET, 'HS256'))).resolves.toEqual({
      ok: true,
      caller: {
        subject: 'alice',
        via: 'jwt',
        role: 'analyst',
        clearance: 'SECRET',
        nationality: 'GBR',
      },
    });
  });

  it('takes a token without nationality as a caller without one', async () => {
    const result = await bearer(
      { secret: SECRET },
      await token(SECRET, 'HS256', { nationality: undefined }),
    );
    expect(result.ok && result.caller.nationality).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = new TextEncoder().encode('another shared secret, also long enough');
    await expect(bearer({ secret: SECRET }, await token(other, 'HS256'))).resolves.toEqual(
      refused(
        "The bearer token's signature does not verify: it was not issued for this API, or it was altered.",
      ),
    );
  });

  it('says when the token expired, and allows 30 s of clock skew', async () => {
    const exp = now() - 120;
    await expect(
      bearer({ secret: SECRET }, await token(SECRET, 'HS256', { exp })),
    ).resolves.toEqual(
      refused(
        `The bearer token expired at ${new Date(exp * 1000).toISOString()}; obtain a new one.`,
      ),
    );
    const justExpired = await token(SECRET, 'HS256', { exp: now() - 10 });
    expect((await bearer({ secret: SECRET }, justExpired)).ok).toBe(true);
  });

  it('refuses a token not valid yet', async () => {
    const nbf = now() + 600;
    await expect(
      bearer({ secret: SECRET }, await token(SECRET, 'HS256', { nbf })),
    ).resolves.toEqual(
      refused(
        `The bearer token is not valid before ${new Date(nbf * 1000).toISOString()}; check the issuer's clock.`,
      ),
    );
  });

  it('checks the issuer and audience when they are configured', async () => {
    const config = { secret: SECRET, issuer: 'https://login.example.org/', audience: 'liaison' };
    const good = await token(SECRET, 'HS256', {
      iss: 'https://login.example.org/',
      aud: 'liaison',
    });
    expect((await bearer(config, good)).ok).toBe(true);
    await expect(
      bearer(
        config,
        await token(SECRET, 'HS256', { iss: 'https://evil.example/', aud: 'liaison' }),
      ),
    ).resolves.toEqual(
      refused(
        `The bearer token's issuer ("iss") has "https://evil.example/"; this API accepts tokens issued by "https://login.example.org/" only.`,
      ),
    );
    await expect(bearer(config, await token(SECRET, 'HS256', { aud: 'liaison' }))).resolves.toEqual(
      refused(
        `The bearer token's issuer ("iss") has none; this API accepts tokens issued by "https://login.example.org/" only.`,
      ),
    );
    await expect(
      bearer(
        config,
        await token(SECRET, 'HS256', { iss: 'https://login.example.org/', aud: 'other' }),
      ),
    ).resolves.toEqual(
      refused(
        `The bearer token's audience ("aud") has "other"; this API accepts tokens for "liaison" only.`,
      ),
    );
  });

  it('names every missing or invalid claim', async () => {
    const jwt = await new SignJWT({ role: 'superuser', nationality: 'gb' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(SECRET);
    await expect(bearer({ secret: SECRET }, jwt)).resolves.toEqual(
      refused(
        `The bearer token's claims are not accepted: "sub" is missing, expected the caller's id; "exp" is missing, expected an expiry: tokens must expire; "role" is "superuser", expected one of reader, analyst, editor, admin; "clearance" is missing, expected one of UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP_SECRET; "nationality" is "gb", expected an ISO 3166 alpha-3 code in upper case such as "GBR".`,
      ),
    );
  });

  it('refuses a bad role alone with its reason', async () => {
    await expect(
      bearer({ secret: SECRET }, await token(SECRET, 'HS256', { role: 'root' })),
    ).resolves.toEqual(
      refused(
        `The bearer token's claims are not accepted: "role" is "root", expected one of reader, analyst, editor, admin.`,
      ),
    );
  });

  it('refuses what is not a JWT', async () => {
    await expect(bearer({ secret: SECRET }, 'not.a-jwt')).resolves.toEqual(
      refused('The bearer token is not a JWT: expected three base64url parts separated by dots.'),
    );
  });
});

describe('bearer tokens: algorithms', () => {
  it('never accepts alg "none"', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(
      JSON.stringify({ sub: 'mallory', exp: now() + 300, ...CLAIMS }),
    );
    await expect(bearer({ secret: SECRET }, `${header}.${payload}.`)).resolves.toEqual(
      refused('The bearer token is signed with "none"; this API accepts HS256 tokens only.'),
    );
  });

  it('refuses an RS256 token when only the HS256 secret is configured', async () => {
    await expect(bearer({ secret: SECRET }, await token(rsa.privateKey, 'RS256'))).resolves.toEqual(
      refused('The bearer token is signed with "RS256"; this API accepts HS256 tokens only.'),
    );
  });

  it('refuses an HS256 token made with the RSA public key as secret (algorithm confusion)', async () => {
    const forged = await token(new TextEncoder().encode(publicKeyPem), 'HS256');
    await expect(bearer({ rs256: { publicKeyPem } }, forged)).resolves.toEqual(
      refused('The bearer token is signed with "HS256"; this API accepts RS256 tokens only.'),
    );
  });

  it('uses each configured key with its own algorithm only', async () => {
    const both = { secret: SECRET, rs256: { publicKeyPem } };
    expect((await bearer(both, await token(SECRET, 'HS256'))).ok).toBe(true);
    expect((await bearer(both, await token(rsa.privateKey, 'RS256'))).ok).toBe(true);
    const forged = await token(new TextEncoder().encode(publicKeyPem), 'HS256');
    await expect(bearer(both, forged)).resolves.toEqual(
      refused(
        "The bearer token's signature does not verify: it was not issued for this API, or it was altered.",
      ),
    );
  });

  it('refuses HS384 even with the right secret', async () => {
    const jwt = await new SignJWT({ sub: 'alice', exp: now() + 300, ...CLAIMS })
      .setProtectedHeader({ alg: 'HS384' })
      .sign(SECRET);
    await expect(bearer({ secret: SECRET }, jwt)).resolves.toEqual(
      refused('The bearer token is signed with "HS384"; this API accepts HS256 tokens only.'),
    );
  });
});

describe('bearer tokens: RS256', () => {
  it('verifies with a PEM public key', async () => {
    const result = await bearer({ rs256: { publicKeyPem } }, await token(rsa.privateKey, 'RS256'));
    expect(result).toEqual({
      ok: true,
      caller: {
        subject: 'alice',
        via: 'jwt',
        role: 'analyst',
        clearance: 'SECRET',
        nationality: 'GBR',
      },
    });
  });

  it('refuses a token signed by another RSA key', async () => {
    await expect(
      bearer({ rs256: { publicKeyPem } }, await token(otherRsa.privateKey, 'RS256')),
    ).resolves.toEqual(
      refused(
        "The bearer token's signature does not verify: it was not issued for this API, or it was altered.",
      ),
    );
  });

  it('verifies with the keys of a JWKS URL, chosen by kid', async () => {
    const jwt = await token(rsa.privateKey, 'RS256', { role: 'editor' }, { kid: 'key-1' });
    const result = await bearer({ rs256: { jwksUrl } }, jwt);
    expect(result.ok && result.caller).toEqual({
      subject: 'alice',
      via: 'jwt',
      role: 'editor',
      clearance: 'SECRET',
      nationality: 'GBR',
    });
  });

  it('refuses a token whose kid the JWKS does not hold', async () => {
    const jwt = await token(otherRsa.privateKey, 'RS256', {}, { kid: 'key-2' });
    await expect(bearer({ rs256: { jwksUrl } }, jwt)).resolves.toEqual(
      refused(`The bearer token's signing key (its "kid") is not among the keys this API trusts.`),
    );
  });

  it('answers SERVICE_UNAVAILABLE, not UNAUTHENTICATED, when the JWKS cannot be fetched', async () => {
    const jwt = await token(rsa.privateKey, 'RS256', {}, { kid: 'key-1' });
    const down = jwksUrl.replace('/jwks.json', '/missing.json');
    const failure = await bearer({ rs256: { jwksUrl: down } }, jwt).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message:
        'The keys that verify bearer tokens cannot be fetched right now; retry in a few seconds.',
    });
  });
});
