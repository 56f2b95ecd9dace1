import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { isRecord, type Exchange, type Judgement } from './judgeResponse.js';
import { graphQLRequestOf } from './writeEffect.js';

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
 * `it.fails`: fixing a bug makes that test fail until its entry here is removed. Those fixed so
 * far (orderBy: null, unresolved operation names, subscriptions, persisted-query versions, the
 * 51st variable error, deeply nested imports, deleting an unlinked entity) are regression tests
 * in test/server/fuzzFindings.int.test.ts, as is a GET URL over 16 KiB.
 */
export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 'search-long-text',
    description:
      'search(text:) with a word of more than 1,000 characters, or about 1,100 words, is answered ' +
      '200 INTERNAL_SERVER_ERROR: the full-text procedure fails in Lucene ("input automaton is too ' +
      'large: 1001", "IndexSearcher$TooManyClauses: maxClauseCount is set to 1024"; src/neo4j/' +
      'executor.ts logs it). It should be BAD_USER_INPUT stating how long a text may be.',
    example:
      '{"query":"query ($t: String!) { search(text: $t) { score } }","variables":{"t":"x... (1,001 x)"}}',
    matches: (exchange, judgement) =>
      onlyInternalErrors(judgement) && (searchText(exchange)?.length ?? 0) > 1_000,
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

function bodyMember(exchange: Exchange, name: string): unknown {
  try {
    const body: unknown = JSON.parse(exchange.requestBody);
    return isRecord(body) ? body[name] : undefined;
  } catch {
    return undefined;
  }
}

/** The `text` of the request's `search` field (inline or through its variable), if it has one. */
function searchText(exchange: Exchange): string | undefined {
  const variables = bodyMember(exchange, 'variables');
  let text: string | undefined;
  withDocument(exchange, (document) => {
    visit(document, {
      Field(field) {
        if (field.name.value !== 'search') return;
        const argument = field.arguments?.find((a) => a.name.value === 'text');
        if (argument?.value.kind === Kind.STRING) text = argument.value.value;
        if (argument?.value.kind === Kind.VARIABLE && isRecord(variables)) {
          const value = variables[argument.value.name.value];
          if (typeof value === 'string') text = value;
        }
      },
    });
    return true;
  });
  return text;
}
