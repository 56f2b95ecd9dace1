import {
  Kind,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { isRecord } from './judgeResponse.js';

/**
 * What a request may have done to the database, judged from the request and its answer:
 * `none` when no mutation ran (nothing executed, or a query), `refused` when every root field
 * of a mutation failed itself (an error whose path is that field), `accepted` otherwise.
 */
export type WriteEffect = 'none' | 'refused' | 'accepted';

/** The GraphQL request inside a POST body or a GET query string, if there is one. */
export function graphQLRequestOf(
  method: string,
  search: string,
  body: string,
): { query: string; operationName?: string } | undefined {
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    const query = params.get('query');
    return query === null
      ? undefined
      : { query, operationName: params.get('operationName') ?? undefined };
  }
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed) || typeof parsed['query'] !== 'string') return undefined;
    const name = parsed['operationName'];
    return { query: parsed['query'], operationName: typeof name === 'string' ? name : undefined };
  } catch {
    return undefined;
  }
}

/** The operation a request runs: the one named, or the only one. */
export function operationOf(
  document: DocumentNode,
  operationName: string | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName !== undefined) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** See `WriteEffect`. `answer` is the parsed response body. */
export function writeEffect(
  method: string,
  search: string,
  body: string,
  answer: unknown,
): WriteEffect {
  // Apollo answers with `data` only once execution has begun.
  if (!isRecord(answer) || !('data' in answer)) return 'none';
  const request = graphQLRequestOf(method, search, body);
  if (request === undefined) return 'accepted';
  let operation: OperationDefinitionNode | undefined;
  try {
    operation = operationOf(parse(request.query), request.operationName);
  } catch {
    return 'accepted';
  }
  if (operation === undefined) return 'accepted';
  if (operation.operation !== OperationTypeNode.MUTATION) return 'none';
  const errors = Array.isArray(answer['errors']) ? (answer['errors'] as unknown[]) : [];
  const failedRoots = new Set(
    errors.flatMap((e) => {
      const path = isRecord(e) ? e['path'] : undefined;
      return Array.isArray(path) && path.length === 1 ? [String(path[0])] : [];
    }),
  );
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return 'accepted';
    const key = selection.alias?.value ?? selection.name.value;
    if (!failedRoots.has(key)) return 'accepted';
  }
  return 'refused';
}
