import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** Where the API is and the credential it wants (an API key; a Bearer token works as well). */
export interface Endpoint {
  readonly url: string;
  readonly apiKey: string;
}

/** A GraphQL error as the API sends it: a message and a stable code in `extensions.code`. */
export class LiaisonError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(`${code}: ${message}`);
  }
}

interface Answer<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs a typed document: the variables are checked against the operation's own types at compile
 * time, and the answer comes back typed. A POST with JSON, which the API's CSRF prevention lets
 * through; any GraphQL error becomes a LiaisonError carrying its code.
 */
export async function request<TResult, TVariables>(
  endpoint: Endpoint,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': endpoint.apiKey },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const answer = (await response.json()) as Answer<TResult>;
  const [first] = answer.errors ?? [];
  if (first) {
    throw new LiaisonError(first.extensions?.code ?? 'UNKNOWN', first.message, response.status);
  }
  if (answer.data == null)
    throw new LiaisonError('NO_DATA', 'the answer has no data', response.status);
  return answer.data;
}
