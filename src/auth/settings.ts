import type { ApiKeyRecord } from './apiKeyRecord.js';

/** How callers prove who they are (see `src/auth`). */
export interface AuthConfig {
  /** A request without credentials reads as an anonymous reader of UNCLASSIFIED data. */
  readonly anonymousRead: boolean;
  /** Keys from API_KEYS and API_KEYS_FILE, looked up before the keys stored in Neo4j. */
  readonly apiKeys: readonly ApiKeyRecord[];
  /** Bearer tokens; undefined when no verification key is set, and tokens are then refused. */
  readonly jwt: JwtConfig | undefined;
  /**
   * Where the local admin key lives (LOCAL_ADMIN_KEY_DIR, default `.liaison`), set only when
   * nothing else lets anyone in (no keys, no JWT key, no anonymous reads) and NODE_ENV is not
   * production; see `localAdminKey`.
   */
  readonly localAdminKeyDir: string | undefined;
}

/** How bearer tokens are verified: each key only with its own algorithm. */
export interface JwtConfig {
  /** HS256 shared secret (JWT_SECRET or JWT_SECRET_FILE), at least 32 bytes. */
  readonly secret: Uint8Array | undefined;
  /** RS256 public key: a PEM (JWT_PUBLIC_KEY_FILE's content) or a JWKS URL (JWT_JWKS_URL). */
  readonly rs256: { readonly publicKeyPem: string } | { readonly jwksUrl: string } | undefined;
  /** The `iss` a token must carry, when set. */
  readonly issuer: string | undefined;
  /** The `aud` a token must carry, when set. */
  readonly audience: string | undefined;
}
