import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** A GraphQL response as it arrives over HTTP. */
export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: readonly {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

/** Posts a typed operation to `url` over real HTTP, as a client would. */
export async function postGraphQL<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<GraphQLResponse<TData>> {
  return postRaw<TData>(url, JSON.stringify({ query: print(document), variables }));
}

/** Posts any body (malformed ones included) and parses the JSON answer. */
export async function postRaw<TData>(url: string, body: string): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const json = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: response.status, ...json };
}
