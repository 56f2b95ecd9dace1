import { Kind, OperationTypeNode, parse, visit, type DocumentNode } from 'graphql';
import { isRecord, type Exchange, type Judgement } from './judgeResponse.js';
import { graphQLRequestOf, operationOf } from './writeEffect.js';

/** A fault the fuzzers found that is not fixed yet, and how to recognise its responses. */
export interface KnownBug {
  readonly id: string;
  /** What is wrong, where, and what the answer should be. */
  readonly description: string;
  /** A request that shows it (POST body). */
  readonly example: string;
  /** True when this exchange's problems are this bug's and nothing else's. */
  matches(exchange: Exchange, judgement: Judgement): boolean;
}

/**
 * Faults found by fuzzing, recorded so that the fuzz tests keep every other check while they
 * stand. test/fuzz/knownBugs.int.test.ts asserts the correct answer to each example with
 * `it.fails`: fixing a bug makes that test fail until its entry here is removed.
 */
export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 'orderBy-null',
    description:
      'An explicit `orderBy: null` on services, officers, channels, operations, organizations or ' +
      "countries is answered 200 INTERNAL_SERVER_ERROR (TypeError: Cannot read properties of null (reading 'field') " +
      'in order(), src/resolvers/queryResolvers.ts:16); it should be BAD_USER_INPUT or the default order.',
    example: '{"query":"{ services(orderBy: null) { totalCount } }"}',
    matches: (exchange, judgement) =>
      onlyInternalErrors(judgement) && argumentIsNull(exchange, 'orderBy'),
  },
  {
    id: 'operation-not-resolved',
    description:
      'A document of several named operations without `operationName`, or an `operationName` that ' +
      'names none of its operations, is answered HTTP 500 INTERNAL_SERVER_ERROR (TypeError: Cannot read ' +
      "properties of undefined (reading 'operation') in compilable(), src/server/compiledExecutor.ts:31); " +
      'it should be 400 (Apollo: OPERATION_RESOLUTION_FAILURE, or GRAPHQL_VALIDATION_FAILED).',
    example: '{"query":"query A { __typename } query B { __typename }"}',
    matches: (exchange, judgement) =>
      onlyInternalErrors(judgement) &&
      withDocument(exchange, (document, name) => operationOf(document, name) === undefined),
  },
  {
    id: 'subscription',
    description:
      'A subscription operation is answered 200 INTERNAL_SERVER_ERROR ("Schema is not configured to ' +
      'execute subscription operation." from graphql-js execute, uncoded); the schema has no ' +
      'Subscription type, so it should be 400 GRAPHQL_VALIDATION_FAILED or BAD_REQUEST.',
    example: '{"query":"subscription { services { totalCount } }"}',
    matches: (exchange, judgement) =>
      onlyInternalErrors(judgement) &&
      withDocument(
        exchange,
        (document, name) =>
          operationOf(document, name)?.operation === OperationTypeNode.SUBSCRIPTION,
      ),
  },
  {
    id: 'persisted-query-version',
    description:
      'An automatic persisted query of a version other than 1 is answered 400 with ' +
      'INTERNAL_SERVER_ERROR: Apollo\'s "Unsupported persisted query version" error has no code, and ' +
      'formatError (src/server/formatError.ts) masks it; it should keep a client code ' +
      '(PERSISTED_QUERY_NOT_SUPPORTED or BAD_REQUEST) and its message.',
    example: '{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"x"}}}',
    matches: (exchange, judgement) =>
      onlyInternalErrors(judgement) && persistedQueryVersion(exchange) !== 1,
  },
  {
    id: 'delete-unlinked-entity',
    description:
      'Deleting an entity that has no links (e.g. deleteOrganization(id: "nato") on the historical ' +
      'dataset) is answered 200 INTERNAL_SERVER_ERROR and nothing is deleted: the OPTIONAL MATCH ' +
      'of deleteEntity (src/cypher/mutationQueries.ts) collects [null, null, null] for the missing ' +
      "link, and str() in src/import/mutateGraph.ts:218 throws \"expected string in 'removed.id', " +
      'got null". It should delete the entity (linksDeleted: 0).',
    example: '{"query":"mutation { deleteOrganization(id: \\"nato\\") { id linksDeleted } }"}',
    matches: (exchange, judgement) =>
      onlyInternalErrors(judgement) &&
      withDocument(exchange, (document, name) => {
        const operation = operationOf(document, name);
        return (
          operation?.operation === OperationTypeNode.MUTATION &&
          operation.selectionSet.selections.some(
            (s) => s.kind === Kind.FIELD && /^delete(?!Link)[A-Z]/.test(s.name.value),
          )
        );
      }),
  },
  {
    id: 'variable-error-limit',
    description:
      'A request whose variables have more than 50 coercion errors is answered 400 with 50 ' +
      'BAD_USER_INPUT errors and one INTERNAL_SERVER_ERROR: graphql-js adds "Too many errors ' +
      'processing variables, error limit reached. Execution aborted." without a code and ' +
      'formatError masks it; that last error should be BAD_USER_INPUT too.',
    example:
      '{"query":"query ($k: [ServiceKind!]) { services(filter: {kinds: $k}) { totalCount } }","variables":{"k":["NOPE", ... 51 times]}}',
    matches: (exchange, judgement) =>
      exchange.status === 400 &&
      onlyInternalErrors(judgement) &&
      judgement.codes.length > 50 &&
      judgement.codes.filter((c) => c !== 'BAD_USER_INPUT').length === 1,
  },
  {
    id: 'import-deep-json',
    description:
      'importGraph of a document with a value nested about 5,000 deep (e.g. {"sources": [[[...]]]}) ' +
      'is answered 200 INTERNAL_SERVER_ERROR: RangeError: Maximum call stack size exceeded in ' +
      'JSON.stringify at src/import/planGraph.ts:129, which quotes the refused value in the ' +
      'problem; it should be BAD_USER_INPUT (and the quote bounded). 2,000 deep is refused correctly.',
    example:
      '{"query":"mutation ($d: JSON!) { importGraph(document: $d) { totals { kind } } }","variables":{"d":{"sources":[[[... 5000 deep ...]]]}}}',
    matches: (exchange, judgement) =>
      onlyInternalErrors(judgement) &&
      nestingDepth(bodyMember(exchange, 'variables')) > 1_000 &&
      withDocument(exchange, (document, name) =>
        (operationOf(document, name)?.selectionSet.selections ?? []).some(
          (s) => s.kind === Kind.FIELD && s.name.value === 'importGraph',
        ),
      ),
  },
  {
    id: 'url-too-long',
    description:
      'A GET whose URL is over 16 KB (a long query in the query string) is answered 431 with an ' +
      "empty body by Node's HTTP parser, before the API sees it: no JSON, no code. A clientError " +
      'handler on the HTTP server could answer a coded error (e.g. BAD_REQUEST) instead.',
    example:
      'GET /graphql?query=%7B%20search(text%3A%20%22xxxx... 20 KB ...%22)%20%7B%20score%20%7D%20%7D',
    matches: (exchange, judgement) =>
      exchange.status === 431 &&
      exchange.responseBody === '' &&
      judgement.problems.every((p) => p === 'HTTP 431 with a body that is not JSON'),
  },
];

/** The known bug behind a response's problems, if one explains them all. */
export function knownBugOf(exchange: Exchange, judgement: Judgement): string | undefined {
  return KNOWN_BUGS.find((bug) => bug.matches(exchange, judgement))?.id;
}

/** Every problem is an INTERNAL_SERVER_ERROR or the 500 that carries it (no leak, nothing uncoded). */
function onlyInternalErrors(judgement: Judgement): boolean {
  return judgement.problems.every(
    (p) => p === 'an error coded INTERNAL_SERVER_ERROR' || p === 'HTTP 500',
  );
}

/** `test` of the request's parsed document and operation name; false without one. */
function withDocument(
  exchange: Exchange,
  test: (document: DocumentNode, operationName: string | undefined) => boolean,
): boolean {
  const request = graphQLRequestOf(exchange.method, exchange.search, exchange.requestBody);
  if (request === undefined) return false;
  try {
    return test(parse(request.query), request.operationName);
  } catch {
    return false;
  }
}

/** Whether some argument `name` of the request is null, inline or through a variable. */
function argumentIsNull(exchange: Exchange, name: string): boolean {
  const variables = bodyMember(exchange, 'variables');
  return withDocument(exchange, (document) => {
    let found = false;
    visit(document, {
      Argument(node) {
        if (node.name.value !== name) return;
        if (node.value.kind === Kind.NULL) found = true;
        if (node.value.kind === Kind.VARIABLE && isRecord(variables))
          found ||= variables[node.value.name.value] === null;
      },
    });
    return found;
  });
}

/** `extensions.persistedQuery.version` of a POST body, if it has one. */
function persistedQueryVersion(exchange: Exchange): unknown {
  const extensions = bodyMember(exchange, 'extensions');
  const persisted = isRecord(extensions) ? extensions['persistedQuery'] : undefined;
  return isRecord(persisted) ? persisted['version'] : 1;
}

function bodyMember(exchange: Exchange, name: string): unknown {
  try {
    const body: unknown = JSON.parse(exchange.requestBody);
    return isRecord(body) ? body[name] : undefined;
  } catch {
    return undefined;
  }
}

/** How deeply lists and objects nest in a JSON value (iteratively: the value may be very deep). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return deepest;
}
