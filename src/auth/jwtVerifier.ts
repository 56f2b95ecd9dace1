import { createPublicKey } from 'node:crypto';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JWSHeaderParameters,
  type JWTPayload,
} from 'jose';
import { RELEASABLE_TO_NONE } from '../audit/index.js';
import type { JwtConfig } from './settings.js';
import { CLASSIFICATIONS } from '../model/index.js';
import {
  isClassification,
  isNationality,
  isRole,
  MARKER_IS_NO_NATIONALITY,
  ROLES,
  type Caller,
} from './caller.js';

/** What a token proved: a caller, or why it was refused (a sentence a client may read). */
export type TokenVerdict = { ok: true; caller: Caller } | { ok: false; message: string };

/** Thrown when the keys cannot be fetched (JWKS down or malformed): the token is not at fault. */
export class KeySourceUnavailable extends Error {
  constructor(cause: unknown) {
    super('the JWKS that verifies bearer tokens could not be fetched', { cause });
    this.name = 'KeySourceUnavailable';
  }
}

/** Clocks of issuer and API may differ by this much, in seconds. */
const CLOCK_TOLERANCE_S = 30;

type Algorithm = 'HS256' | 'RS256';
type KeyFor = (header: JWSHeaderParameters) => Promise<CryptoKey | Uint8Array>;

/** A claim or header value as a client may see it quoted: JSON, cut short. */
const quote = (value: unknown): string => {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const at = (seconds: unknown): string =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : quote(seconds);

/**
 * The verification keys by algorithm. Each key is used with its own algorithm only: the HS256
 * secret never verifies an RS256 token nor the RSA key an HS256 one (the classic confusion where
 * a public key is taken as an HMAC secret), and `none` is never accepted.
 */
function keysByAlgorithm(config: JwtConfig): Map<Algorithm, KeyFor> {
  const keys = new Map<Algorithm, KeyFor>();
  const secret = config.secret;
  if (secret !== undefined) keys.set('HS256', () => Promise.resolve(secret));
  const rs256 = config.rs256;
  if (rs256 === undefined) return keys;
  if ('jwksUrl' in rs256) {
    const jwks = createRemoteJWKSet(new URL(rs256.jwksUrl), { timeoutDuration: 5000 });
    keys.set('RS256', async (header) => {
      try {
        return await jwks(header);
      } catch (error) {
        // No key for this "kid" is the token's fault; anything else (refused connection, not
        // 200, not JSON, timeout) is the key source's, and no token could pass now.
        if (error instanceof errors.JWKSNoMatchingKey) throw error;
        if (error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        throw new KeySourceUnavailable(error);
      }
    });
  } else {
    // PKCS#1 or SPKI in; SPKI out, which is what importSPKI reads.
    const spki = createPublicKey(rs256.publicKeyPem).export({ type: 'spki', format: 'pem' });
    const key = importSPKI(spki.toString(), 'RS256');
    keys.set('RS256', () => key);
  }
  return keys;
}

/** Why verification failed, in a client's words; rethrows what is not the token's fault. */
function refusal(error: unknown, config: JwtConfig): string {
  if (error instanceof errors.JWTExpired) {
    return `The bearer token expired at ${at(error.payload['exp'])}; obtain a new one.`;
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const value = error.payload[error.claim];
    const arrived = value === undefined ? 'has none' : `has ${quote(value)}`;
    switch (error.claim) {
      case 'iss':
        return `The bearer token's issuer ("iss") ${arrived}; this API accepts tokens issued by ${quote(config.issuer)} only.`;
      case 'aud':
        return `The bearer token's audience ("aud") ${arrived}; this API accepts tokens for ${quote(config.audience)} only.`;
      case 'nbf':
        return `The bearer token is not valid before ${at(value)}; check the issuer's clock.`;
      default:
        return `The bearer token's "${error.claim}" claim is not accepted (${error.message}).`;
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return "The bearer token's signature does not verify: it was not issued for this API, or it was altered.";
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return 'The bearer token\'s signing key (its "kid") is not among the keys this API trusts.';
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'The bearer token names no "kid", and more than one trusted key could have signed it.';
  }
  if (error instanceof errors.JOSEError) {
    return `The bearer token is not a valid JWT (${error.message}).`;
  }
  throw error;
}

/** The caller a verified token names, or every problem with its claims. */
function callerOf(payload: JWTPayload): TokenVerdict {
  const { sub, exp, role, clearance, nationality } = payload;
  const problems: string[] = [];
  const arrived = (value: unknown): string =>
    value === undefined ? 'is missing' : `is ${quote(value)}`;
  const subject = typeof sub === 'string' && sub.trim() !== '' ? sub : undefined;
  if (subject === undefined) problems.push(`"sub" ${arrived(sub)}, expected the caller's id`);
  if (exp === undefined) problems.push('"exp" is missing, expected an expiry: tokens must expire');
  if (!isRole(role)) problems.push(`"role" ${arrived(role)}, expected one of ${ROLES.join(', ')}`);
  if (!isClassification(clearance)) {
    problems.push(
      `"clearance" ${arrived(clearance)}, expected one of ${CLASSIFICATIONS.join(', ')}`,
    );
  }
  const hasNationality = nationality !== undefined && nationality !== null;
  if (hasNationality && !isNationality(nationality)) {
    const marker = nationality === RELEASABLE_TO_NONE ? ` (${MARKER_IS_NO_NATIONALITY})` : '';
    problems.push(
      `"nationality" ${arrived(nationality)}, expected an ISO 3166 alpha-3 code in upper case such as "GBR"${marker}`,
    );
  }
  if (
    subject === undefined ||
    !isRole(role) ||
    !isClassification(clearance) ||
    problems.length > 0
  ) {
    return {
      ok: false,
      message: `The bearer token's claims are not accepted: ${problems.join('; ')}.`,
    };
  }
  return {
    ok: true,
    caller: {
      subject,
      via: 'jwt',
      role,
      clearance,
      nationality: isNationality(nationality) ? nationality : null,
    },
  };
}

/**
 * Verifies bearer tokens with the configured keys: signature and algorithm first, then `exp`,
 * `nbf`, `iss` and `aud` (within 30 s of clock skew), then the claims that make the caller.
 * Resolves with a verdict; rejects with `KeySourceUnavailable` only when a JWKS cannot be read.
 */
export function createJwtVerifier(config: JwtConfig): (token: string) => Promise<TokenVerdict> {
  const keys = keysByAlgorithm(config);
  const accepted = [...keys.keys()].join(' or ');
  return async (token) => {
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      return {
        ok: false,
        message: 'The bearer token is not a JWT: expected three base64url parts separated by dots.',
      };
    }
    const alg = header.alg === 'HS256' || header.alg === 'RS256' ? header.alg : undefined;
    const keyFor = alg === undefined ? undefined : keys.get(alg);
    if (alg === undefined || keyFor === undefined) {
      return {
        ok: false,
        message: `The bearer token is signed with ${quote(header.alg ?? null)}; this API accepts ${accepted} tokens only.`,
      };
    }
    try {
      const { payload } = await jwtVerify(token, (protectedHeader) => keyFor(protectedHeader), {
        algorithms: [alg],
        clockTolerance: CLOCK_TOLERANCE_S,
        ...(config.issuer === undefined ? {} : { issuer: config.issuer }),
        ...(config.audience === undefined ? {} : { audience: config.audience }),
      });
      return callerOf(payload);
    } catch (error) {
      return { ok: false, message: refusal(error, config) };
    }
  };
}
