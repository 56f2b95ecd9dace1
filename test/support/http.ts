import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { TEST_KEYS } from './testKeys.js';

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

/** Whose credentials a request carries: a test key (the admin's by default), or none. */
export interface As {
  readonly key?: string | null;
  /** A bearer token instead of a key. */
  readonly token?: string;
}

/** Posts a typed operation to `url` over real HTTP, as a client would. */
export async function postGraphQL<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
  as: As = {},
): Promise<GraphQLResponse<TData>> {
  return postRaw<TData>(url, JSON.stringify({ query: print(document), variables }), as);
}

/** The headers of a JSON request with the credentials of `as`. */
export function headersFor(as: As = {}): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as.token !== undefined) headers['authorization'] = `Bearer ${as.token}`;
  else if (as.key !== null) headers['x-api-key'] = as.key ?? TEST_KEYS.admin;
  return headers;
}

/** Posts any body (malformed ones included) and parses the JSON answer. */
export async function postRaw<TData>(
  url: string,
  body: string,
  as: As = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: headersFor(as),
    body,
  });
  const json = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: response.status, ...json };
}
