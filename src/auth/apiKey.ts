import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `lgk_<id>_<secret>`: the prefix lets secret scanners and people recognise it,
 * the id (12 lower-case hex characters, 48 random bits) names the stored record without
 * revealing anything, and the secret is 32 random bytes in base64url (43 characters). The
 * secret may itself contain `_`, so the key is split by position, never on `_`.
 */
const API_KEY_PATTERN = /^lgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** The shape of a key id, for records read from files and from the database. */
export const API_KEY_ID_PATTERN = /^[0-9a-f]{12}$/;

/** The shape of a stored hash: SHA-256 in lower-case hex. */
export const API_KEY_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** How an API key looks, for messages. */
export const API_KEY_FORMAT = 'lgk_<12 hex characters>_<43 base64url characters>';

/** A freshly generated key: `key` is shown once; only `id` and `hash` are kept. */
export interface NewApiKey {
  readonly key: string;
  readonly id: string;
  readonly hash: string;
}

/** Generates a key from the operating system's random source. */
export function generateApiKey(): NewApiKey {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `lgk_${id}_${secret}`, id, hash: hashSecret(secret) };
}

/** Splits a presented key into id and secret; undefined when it is not shaped like a key. */
export function parseApiKey(raw: string): { id: string; secret: string } | undefined {
  const match = API_KEY_PATTERN.exec(raw);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { id: match[1], secret: match[2] };
}

/**
 * SHA-256 of the secret, in hex. A slow password hash (bcrypt, scrypt, argon2) exists to make
 * guessing low-entropy passwords expensive after a leak; this secret is 256 random bits, so a
 * stolen hash cannot be reversed by guessing whatever the hash costs, and a fast hash keeps every
 * request's check cheap.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `hash`, compared in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const expected = Buffer.from(hash, 'hex');
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  // A malformed stored hash decodes to a different length; timingSafeEqual would throw on it.
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
