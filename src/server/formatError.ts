import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { APOLLO_CLIENT_CODES, ApiError, ErrorCode } from '../errors/index.js';
import { errorFields, type Logger } from '../log/index.js';

/**
 * The `ApiError` behind `error`: itself, or the one Apollo or graphql-js wrapped (a resolver's
 * error carries it as `originalError`, and so does Apollo's ValidationError around what a
 * validation rule reported, or the GraphQLError it makes of what a plugin threw).
 */
function apiErrorIn(error: unknown): ApiError | undefined {
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current instanceof ApiError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * The last stop of every error: our `ApiError`s and Apollo's client errors pass with their code;
 * anything else is logged in full and reaches the client only as INTERNAL_SERVER_ERROR with a
 * generic message. No stack trace, Cypher or server message ever leaves the process.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const apiError = apiErrorIn(error);
    if (apiError) {
      return {
        message: apiError.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: apiError.extensions,
      };
    }
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && APOLLO_CLIENT_CODES.has(code)) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Apollo refuses some malformed requests (an unsupported persisted-query version) with a
    // 4xx and no code of their own: they are the client's, and their message says why.
    if (isClientStatus(httpStatusOf(error)) && codeOf(error) === undefined)
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_REQUEST } };
    log.error('unexpected error in a request', { ...errorFields(original), path: formatted.path });
    return {
      message:
        'Internal error; it has been logged. Retry, or report it with the time of the request.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** The code an error was made with (Apollo's formatted copy fills a missing one in). */
const codeOf = (error: unknown): unknown =>
  (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;

/** The HTTP status Apollo attached to an error of its own (`extensions.http.status`), if any. */
function httpStatusOf(error: unknown): number | undefined {
  const http = (error as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions
    ?.http;
  return typeof http?.status === 'number' ? http.status : undefined;
}

const isClientStatus = (status: number | undefined): boolean =>
  status !== undefined && status >= 400 && status < 500;
