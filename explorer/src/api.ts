import type { TypedDocumentString } from './gql/graphql.js';

/** A GraphQL error as the API codes it, or a failure before GraphQL answered. */
export class ApiFailure extends Error {
  constructor(
    /** The API's `extensions.code`, or NETWORK_ERROR / BAD_RESPONSE for what happened on the way. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

interface GraphQLBody<TData> {
  data?: TData | null;
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

/**
 * Posts a typed operation to the API's /graphql on this origin as JSON with the credentials (a
 * JSON POST passes the API's CSRF prevention without extra headers). Resolves
 * with the data, or rejects with an ApiFailure carrying the first error's code and message.
 */
export async function execute<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  key: string,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(new URL('../graphql', window.location.href), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...credentials(key) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (error) {
    throw new ApiFailure(
      'NETWORK_ERROR',
      `The API did not answer (${String(error)}); is it still running?`,
    );
  }
  let body: GraphQLBody<TData>;
  try {
    body = (await response.json()) as GraphQLBody<TData>;
  } catch {
    throw new ApiFailure(
      'BAD_RESPONSE',
      `The API answered HTTP ${response.status} without a JSON body.`,
    );
  }
  const first = body.errors?.[0];
  if (first !== undefined) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'ERROR';
    const message = typeof first.message === 'string' ? first.message : 'no message';
    const more =
      body.errors !== undefined && body.errors.length > 1
        ? ` (+${body.errors.length - 1} more)`
        : '';
    throw new ApiFailure(code, `${message}${more}`);
  }
  if (body.data === undefined || body.data === null)
    throw new ApiFailure('BAD_RESPONSE', `The API answered HTTP ${response.status} with no data.`);
  return body.data;
}

/** An API key (`lgk_...`) goes in X-API-Key; anything else is taken for a bearer token. */
function credentials(key: string): Record<string, string> {
  return key.startsWith('lgk_') ? { 'x-api-key': key } : { authorization: `Bearer ${key}` };
}
