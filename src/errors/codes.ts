/** Every `extensions.code` a client can see. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** No credentials, or ones that do not verify. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known but its role does not allow the operation. */
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** The operation nests fields deeper than QUERY_MAX_DEPTH. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** The operation uses more aliases than QUERY_MAX_ALIASES. */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** The operation uses more directives than QUERY_MAX_DIRECTIVES. */
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  /** The query text has more tokens than QUERY_MAX_TOKENS. */
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  /** The operation's estimated cost is above QUERY_MAX_COST. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** `__schema` or `__type` asked of a server running with NODE_ENV=production. */
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes Apollo Server itself gives to requests it refuses before execution; each is a client
 * error (HTTP 400, or 200 for a persisted query to resend) and `formatError` passes them as they
 * are: GRAPHQL_PARSE_FAILED (the document does not parse), GRAPHQL_VALIDATION_FAILED (it does not
 * validate against the schema), BAD_USER_INPUT (a variable's value does not coerce to its type),
 * BAD_REQUEST (no query, a body or method Apollo does not take, a CSRF-suspect request),
 * PERSISTED_QUERY_NOT_FOUND / PERSISTED_QUERY_NOT_SUPPORTED (automatic persisted queries: an
 * unknown hash, or a version other than 1), OPERATION_RESOLUTION_FAILURE (operationName names no
 * operation of the document, or several operations and no name).
 */
export const APOLLO_CLIENT_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
