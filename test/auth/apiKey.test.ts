import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from '../../src/auth/apiKey.js';
import { ROLES, roleAtLeast } from '../../src/auth/index.js';

describe('API key format', () => {
  it('generates lgk_<12 hex>_<43 base64url> keys whose id and hash are what is stored', () => {
    const { key, id, hash } = generateApiKey();
    expect(key).toMatch(/^lgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseApiKey(key);
    expect(parsed?.id).toBe(id);
    expect(parsed && Buffer.from(parsed.secret, 'base64url')).toHaveLength(32);
    expect(hash).toBe(
      createHash('sha256')
        .update(parsed?.secret ?? '')
        .digest('hex'),
    );
  });

  it('generates a different key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateApiKey().key));
    expect(keys.size).toBe(50);
  });

  it('splits by position, so a secret containing "_" survives', () => {
    const secret = 'a_b_c'.padEnd(43, '_');
    expect(parseApiKey(`lgk_0123456789ab_${secret}`)).toEqual({ id: '0123456789ab', secret });
  });

  it('refuses anything not shaped like a key', () => {
    const secret = 'x'.repeat(43);
    for (const raw of [
      '',
      `lgk_0123456789ab_${secret}x`,
      `lgk_0123456789ab_${'x'.repeat(42)}`,
      `lgk_0123456789AB_${secret}`,
      `lgk_0123456789a_${secret}`,
      `xyz_0123456789ab_${secret}`,
      `lgk_0123456789ab_${'x'.repeat(42)}=`,
      ` lgk_0123456789ab_${secret}`,
    ]) {
      expect(parseApiKey(raw), raw).toBeUndefined();
    }
  });
});

describe('API key hash', () => {
  it('is the SHA-256 of the secret in lower-case hex', () => {
    expect(hashSecret('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('matches its own secret only', () => {
    const hash = hashSecret('the secret');
    expect(secretMatches('the secret', hash)).toBe(true);
    expect(secretMatches('the secreT', hash)).toBe(false);
    expect(secretMatches('', hash)).toBe(false);
  });

  it('treats a malformed stored hash as no match instead of throwing', () => {
    expect(secretMatches('abc', 'ba78')).toBe(false);
    expect(secretMatches('abc', 'not hex at all')).toBe(false);
  });
});

describe('roles', () => {
  it('are ordered, each including the ones before it', () => {
    expect(ROLES).toEqual(['reader', 'analyst', 'editor', 'admin']);
    expect(roleAtLeast({ role: 'editor' }, 'analyst')).toBe(true);
    expect(roleAtLeast({ role: 'editor' }, 'editor')).toBe(true);
    expect(roleAtLeast({ role: 'editor' }, 'admin')).toBe(false);
    expect(roleAtLeast({ role: 'reader' }, 'analyst')).toBe(false);
    expect(roleAtLeast({ role: 'admin' }, 'reader')).toBe(true);
  });
});
