import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { ApiError, IdTakenError } from './apiError.js';
import { ErrorCode } from './codes.js';

/**
 * The one place that turns a driver error into what a client sees. Cypher, parameters and
 * server messages stay in the log; the client gets a code and a sentence it can act on.
 */
export function fromNeo4jError(error: unknown, timeoutMs: number): ApiError | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  const code = error.code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || isRetryableError(error)) {
    return new ApiError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The database is unavailable right now; retry in a few seconds.',
    );
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new ApiError(
      ErrorCode.QUERY_TIMEOUT,
      `The query ran longer than the transaction timeout of ${timeoutMs} ms; narrow it (fewer hops, a shorter window, a smaller page).`,
      { limit: 'NEO4J_TX_TIMEOUT_MS', value: timeoutMs },
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new IdTakenError();
  if (code === 'Neo.ClientError.Statement.EntityNotFound') {
    // A concurrent write deleted what this one had found; the executor runs it again first.
    return new ApiError(
      ErrorCode.CONFLICT,
      'Something this request read was deleted by a concurrent write while it ran; retry.',
    );
  }
  return undefined;
}
