import { GraphQLError } from 'graphql';
import { ErrorCode } from './codes.js';

/**
 * An error a client may see: its message states the contract, what arrived and the fix, and
 * `extensions.code` is one of `ErrorCode`. Anything else thrown inside a resolver is hidden
 * behind INTERNAL_SERVER_ERROR by `formatError`.
 */
export class ApiError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, { extensions: { ...details, code } });
    this.name = 'ApiError';
  }
}

/** A value outside what the schema or the domain allows. */
export const badInput = (message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(ErrorCode.BAD_USER_INPUT, message, details);

/** An id that names nothing. */
export const notFound = (message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(ErrorCode.NOT_FOUND, message, details);

/**
 * A write refused by a unique-id constraint: a concurrent writer created the id first (or it
 * was taken already). Retryable where the write is an upsert, which would then replace it.
 */
export class IdTakenError extends ApiError {
  constructor() {
    super(
      ErrorCode.CONFLICT,
      'An id this write creates is already taken (another write created it first). Read it and update it, or choose another id.',
    );
    this.name = 'IdTakenError';
  }
}
