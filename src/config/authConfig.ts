import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  parseApiKeyRecords,
  type ApiKeyRecord,
  type AuthConfig,
  type JwtConfig,
} from '../auth/index.js';
// Types only: loadConfig.ts imports this file, and a runtime import back would be a cycle.
import type { Env, Parse, Read } from './loadConfig.js';

export type { AuthConfig, JwtConfig };

/** HS256 is as strong as its key; RFC 7518 asks for at least the hash's 256 bits. */
const MIN_SECRET_BYTES = 32;

const text: Parse<string> = (raw) => ({ ok: raw });

/** Same wording as the other true/false settings. */
const trueOrFalse: Parse<boolean> = (raw) =>
  raw === 'true' || raw === 'false' ? { ok: raw === 'true' } : { allowed: 'one of true, false' };

const JWT_KEY_VARIABLES = ['JWT_SECRET', 'JWT_SECRET_FILE', 'JWT_PUBLIC_KEY_FILE', 'JWT_JWKS_URL'];

const secretBytes: Parse<Uint8Array> = (raw) => {
  const bytes = new TextEncoder().encode(raw);
  return bytes.length >= MIN_SECRET_BYTES
    ? { ok: bytes }
    : { allowed: `at least ${MIN_SECRET_BYTES} bytes (this one has ${bytes.length})` };
};

const rsaPublicKeyPem: Parse<string> = (raw) => {
  const allowed = 'an RSA public key of at least 2048 bits in PEM (-----BEGIN PUBLIC KEY-----)';
  if (raw.includes('PRIVATE KEY')) return { allowed: `${allowed}, not a private key` };
  try {
    const key = createPublicKey(raw);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return key.asymmetricKeyType === 'rsa' && bits >= 2048 ? { ok: raw } : { allowed };
  } catch {
    return { allowed };
  }
};

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Keys fetched over plain HTTP could be swapped on the way, so only loopback may use it. */
const jwksUrl: Parse<string> = (raw) => {
  const allowed = 'an https:// URL (http:// only for localhost, 127.0.0.1 or [::1])';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed };
  }
  return url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))
    ? { ok: url.href }
    : { allowed };
};

/** The content of the file at the path, relative to the project root, trimmed. */
const readText = (projectRoot: string, file: string): { ok: string } | { allowed: string } => {
  try {
    return { ok: readFileSync(path.resolve(projectRoot, file), 'utf8').trim() };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { allowed: `a readable file (reading it failed with ${String(code ?? error)})` };
  }
};

/** Parses the content of the file named by the variable. */
const fileOf =
  <T>(projectRoot: string, parse: Parse<T>): Parse<T> =>
  (raw) => {
    const content = readText(projectRoot, raw);
    if (!('ok' in content)) return content;
    const result = parse(content.ok);
    return 'ok' in result ? result : { allowed: `a file holding ${result.allowed}` };
  };

/** API_KEYS and API_KEYS_FILE together; an id may appear once across both. */
function readApiKeys(env: Env, projectRoot: string, problems: string[]): ApiKeyRecord[] {
  const sources: { label: string; json: string }[] = [];
  const inline = env['API_KEYS']?.trim();
  if (inline) sources.push({ label: 'API_KEYS', json: inline });
  const file = env['API_KEYS_FILE']?.trim();
  if (file) {
    const content = readText(projectRoot, file);
    if ('ok' in content) sources.push({ label: `API_KEYS_FILE=${file}`, json: content.ok });
    else
      problems.push(
        `API_KEYS_FILE=${JSON.stringify(file)} is invalid: expected ${content.allowed}, e.g. API_KEYS_FILE=/run/secrets/api-keys.json`,
      );
  }
  const records: ApiKeyRecord[] = [];
  const seen = new Map<string, string>();
  for (const { label, json } of sources) {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      problems.push(
        `${label}: expected a JSON array of key records as printed by \`npm run keys -- create\` (${error instanceof Error ? error.message : String(error)})`,
      );
      continue;
    }
    const parsed = parseApiKeyRecords(value, label);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    parsed.records.forEach((record, index) => {
      const place = `${label} entry ${index}`;
      const first = seen.get(record.id);
      if (first === undefined) {
        seen.set(record.id, place);
        records.push(record);
      } else {
        problems.push(
          `API key id ${record.id} appears twice (${first} and ${place}): each key needs its own id`,
        );
      }
    });
  }
  return records;
}

/**
 * The `auth` section: anonymous access, static API keys and JWT verification. */
export function readAuth(
  env: Env,
  projectRoot: string,
  read: Read,
  problems: string[],
): AuthConfig {
  const anonymousRead = read('AUTH_ANONYMOUS_READ', false, trueOrFalse, 'false');
  const apiKeys = readApiKeys(env, projectRoot, problems);
  const isSet = (name: string): boolean => Boolean(env[name]?.trim());
  for (const [a, b] of [
    ['JWT_SECRET', 'JWT_SECRET_FILE'],
    ['JWT_PUBLIC_KEY_FILE', 'JWT_JWKS_URL'],
  ] as const) {
    if (isSet(a) && isSet(b)) problems.push(`${a} and ${b} are both set: set only one of them`);
  }
  const secret =
    read<Uint8Array | undefined>(
      'JWT_SECRET',
      undefined,
      secretBytes,
      '$(openssl rand -base64 48)',
      { secret: true },
    ) ??
    read<Uint8Array | undefined>(
      'JWT_SECRET_FILE',
      undefined,
      fileOf(projectRoot, secretBytes),
      '/run/secrets/jwt-secret',
    );
  const publicKeyPem = read<string | undefined>(
    'JWT_PUBLIC_KEY_FILE',
    undefined,
    fileOf(projectRoot, rsaPublicKeyPem),
    '/run/secrets/jwt-public.pem',
  );
  const jwks = read<string | undefined>(
    'JWT_JWKS_URL',
    undefined,
    jwksUrl,
    'https://login.example.org/.well-known/jwks.json',
  );
  const issuer = read<string | undefined>(
    'JWT_ISSUER',
    undefined,
    text,
    'https://login.example.org/',
  );
  const audience = read<string | undefined>('JWT_AUDIENCE', undefined, text, 'liaison-graph');
  if (!JWT_KEY_VARIABLES.some(isSet)) {
    for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE']) {
      if (isSet(name))
        problems.push(
          `${name} is set but no key verifies tokens: set one of ${JWT_KEY_VARIABLES.join(', ')}`,
        );
    }
  }
  const rs256 =
    publicKeyPem !== undefined
      ? { publicKeyPem }
      : jwks !== undefined
        ? { jwksUrl: jwks }
        : undefined;
  const jwt =
    secret === undefined && rs256 === undefined ? undefined : { secret, rs256, issuer, audience };
  const keyDir = read('LOCAL_ADMIN_KEY_DIR', '.liaison', text, '.liaison');
  const nobodyGetsIn = !anonymousRead && apiKeys.length === 0 && jwt === undefined;
  return {
    anonymousRead,
    apiKeys,
    jwt,
    localAdminKeyDir:
      nobodyGetsIn && env['NODE_ENV'] !== 'production'
        ? path.resolve(projectRoot, keyDir)
        : undefined,
  };
}
