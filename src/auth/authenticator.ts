import type { AuthConfig } from './settings.js';
import { ApiError, ErrorCode } from '../errors/index.js';
import { errorFields, type Logger } from '../log/index.js';
import type { Executor } from '../neo4j/index.js';
import { API_KEY_FORMAT, parseApiKey, secretMatches } from './apiKey.js';
import type { ApiKeyRecord } from './apiKeyRecord.js';
import { ApiKeyStore, type ApiKeyStoreOptions } from './apiKeyStore.js';
import { ANONYMOUS_CALLER, type Caller } from './caller.js';
import { createJwtVerifier, KeySourceUnavailable } from './jwtVerifier.js';

/** Request headers by name, case-insensitively: Fetch `Headers`, Apollo's `HeaderMap` or alike. */
export interface HeaderReader {
  get(name: string): string | null | undefined;
}

/** A caller, or why the request is refused (a sentence a client may read). */
export type AuthResult =
  | { ok: true; caller: Caller }
  | { ok: false; code: typeof ErrorCode.UNAUTHENTICATED; message: string };

export interface Authenticator {
  /**
   * Establishes who sent the request. Resolves with a refusal for missing or bad credentials;
   * rejects with an `ApiError` (SERVICE_UNAVAILABLE) only when a key store cannot be read.
   */
  readonly authenticate: (headers: HeaderReader) => Promise<AuthResult>;
  /** The keys stored in Neo4j; revoking through it takes effect at once in this process. */
  readonly apiKeys: ApiKeyStore;
}

const API_KEY_HOWTO = 'an API key as "Authorization: ApiKey <key>" or "X-API-Key: <key>"';

/**
 * Unknown id and wrong secret get this same message, so that guessing cannot tell which key
 * ids exist; the log records which it was.
 */
const KEY_NOT_RECOGNISED =
  'The API key is not recognised: check that it was copied whole, or ask an administrator for a new one.';

/** Compared against when the id names no key, so that a miss costs what a match costs. */
const NO_KEY_HASH = '0'.repeat(64);

/**
 * Creates the authenticator: API keys from the configuration first, then from Neo4j; bearer
 * tokens when a JWT key is configured; anonymous readers when `AUTH_ANONYMOUS_READ=true`.
 * Neither keys nor tokens are ever logged, only key ids and reasons.
 */
export function createAuthenticator(
  config: AuthConfig,
  executor: Executor,
  log: Logger,
  storeOptions?: ApiKeyStoreOptions,
): Authenticator {
  const apiKeys = new ApiKeyStore(executor, storeOptions);
  const configuredKeys = new Map(config.apiKeys.map((record) => [record.id, record]));
  const verifyToken = config.jwt === undefined ? undefined : createJwtVerifier(config.jwt);
  const authLog = log.child({ component: 'auth' });

  const refuse = (message: string): AuthResult => ({
    ok: false,
    code: ErrorCode.UNAUTHENTICATED,
    message,
  });

  const byApiKey = async (raw: string): Promise<AuthResult> => {
    const parsed = parseApiKey(raw);
    if (parsed === undefined) {
      return refuse(
        `The API key is malformed: expected ${API_KEY_FORMAT}, as printed by \`npm run keys -- create\`.`,
      );
    }
    const record: ApiKeyRecord | undefined =
      configuredKeys.get(parsed.id) ?? (await apiKeys.find(parsed.id));
    const matches = secretMatches(parsed.secret, record?.hash ?? NO_KEY_HASH);
    if (record === undefined || !matches) {
      authLog.info('API key refused', {
        keyId: parsed.id,
        reason: record === undefined ? 'unknown id' : 'wrong secret',
      });
      return refuse(KEY_NOT_RECOGNISED);
    }
    if (record.revokedAt !== undefined) {
      authLog.info('API key refused', { keyId: record.id, reason: 'revoked' });
      return refuse(
        `The API key was revoked at ${record.revokedAt}; ask an administrator for a new one.`,
      );
    }
    return {
      ok: true,
      caller: {
        subject: record.id,
        via: 'api-key',
        role: record.role,
        clearance: record.clearance,
        nationality: record.nationality,
      },
    };
  };

  const byToken = async (token: string): Promise<AuthResult> => {
    if (verifyToken === undefined) {
      return refuse(
        `This API does not accept bearer tokens (no JWT key is configured); send ${API_KEY_HOWTO}.`,
      );
    }
    try {
      const verdict = await verifyToken(token);
      if (verdict.ok) return verdict;
      authLog.info('bearer token refused', { reason: verdict.message });
      return refuse(verdict.message);
    } catch (error) {
      if (!(error instanceof KeySourceUnavailable)) throw error;
      authLog.warn('JWKS unavailable', errorFields(error.cause));
      throw new ApiError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The keys that verify bearer tokens cannot be fetched right now; retry in a few seconds.',
      );
    }
  };

  const howTo = `send ${API_KEY_HOWTO}${verifyToken === undefined ? '' : ', or a JWT as "Authorization: Bearer <token>"'}`;

  const authenticate = async (headers: HeaderReader): Promise<AuthResult> => {
    const authorization = headers.get('authorization')?.trim() ?? '';
    const xApiKey = headers.get('x-api-key')?.trim() ?? '';
    if (authorization !== '' && xApiKey !== '') {
      return refuse(
        'Send one credential: an Authorization header or an X-API-Key header, not both.',
      );
    }
    if (xApiKey !== '') return byApiKey(xApiKey);
    if (authorization === '') {
      return config.anonymousRead
        ? { ok: true, caller: ANONYMOUS_CALLER }
        : refuse(`Authentication required: ${howTo}.`);
    }
    const [scheme = '', credential, ...rest] = authorization.split(/\s+/);
    if (credential === undefined || rest.length > 0) {
      return refuse(
        `The Authorization header is malformed: expected "<scheme> <credential>"; ${howTo}.`,
      );
    }
    switch (scheme.toLowerCase()) {
      case 'apikey':
        return byApiKey(credential);
      case 'bearer':
        return byToken(credential);
      default: {
        // Only a plain scheme word is repeated back; anything else could be a pasted secret.
        const shown = /^[A-Za-z][A-Za-z0-9-]{0,19}$/.test(scheme) ? `"${scheme}" ` : '';
        return refuse(`The Authorization scheme ${shown}is not accepted; ${howTo}.`);
      }
    }
  };

  return { authenticate, apiKeys };
}
