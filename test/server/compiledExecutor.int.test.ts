import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { CypherQuery } from '../../src/neo4j/index.js';
import { compilable } from '../../src/server/compiledExecutor.js';
import { useTestApi } from '../support/testApi.js';
import { postRaw } from '../support/http.js';

const api = useTestApi();

/**
 * Queries the compiled executor serves, each with the variables it takes. The same text with
 * `@include(if: true)` on its root fields goes through graphql-js instead (see `compilable`),
 * so the two answers can be compared whole.
 */
const QUERIES: readonly {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The code of the one error expected, else none. */
  error?: string;
}[] = [
  {
    name: 'nested levels with fragments, inline fragments and aliases',
    query: `query Q($first: Int!) {
      services(first: $first, orderBy: { field: NAME }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...Svc
          members: channels { channel { id name parties { service { id ...Officers } } } }
        } }
      }
    }
    fragment Svc on Service { id name kind acronym country { code name } }
    fragment Officers on Service { officers { role officer { id name born } } }`,
    variables: { first: 4 },
  },
  {
    name: 'time arguments at and during, and the same field twice under aliases',
    query: `query Q($at: PartialDate, $from: PartialDate) {
      sis: service(id: "sis") {
        id
        in1950: channels(at: "1950") { channel { id } from to }
        at: channels(at: $at) { channel { id name } }
        since: officers(during: { from: $from }) { officer { id name } from to }
        all: officers { officer { id } }
      }
    }`,
    variables: { at: '1944', from: '1960' },
  },
  {
    name: 'abstract types, link properties and sources',
    query: `{
      node(id: "kim-philby") {
        __typename id
        ... on Officer {
          penetrations { kind confidence window { from to } service { id } organization { id }
            sources { source { id title } quote } }
          nationality { id }
        }
      }
      search(text: "Philby", first: 3) { score entity { __typename id name } }
    }`,
  },
  {
    name: 'a page of channels in descending order with their parties',
    query: `query Q($after: String) {
      channels(first: 2, after: $after, orderBy: { field: ID, direction: DESC }) {
        edges { node { id scope disciplines parties { role service { id name } } } }
        pageInfo { hasPreviousPage startCursor }
      }
    }`,
  },
  {
    name: 'errors in nested fields at their paths',
    query: `{ service(id: "sis") { id channels(at: "1950", during: { from: "1940" }) { channel { id } } } }`,
    error: 'BAD_USER_INPUT',
  },
];

async function answer(query: string, variables: Record<string, unknown> = {}) {
  return postRaw<unknown>(api.server.url, JSON.stringify({ query, variables }));
}

/** Inserts `@include(if: true)` after the first root field's arguments or name. */
function withDirective(query: string): string {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const root = operation?.selectionSet.selections[0];
  const end = root?.kind === Kind.FIELD ? (root.selectionSet?.loc?.start ?? 0) : 0;
  return `${query.slice(0, end)}@include(if: true) ${query.slice(end)}`;
}

/** Whether the first operation of `query` is compiled. */
function compiles(query: string): boolean {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return compilable(document, operation);
}

describe('the compiled executor answers exactly as graphql-js', () => {
  for (const { name, query, variables, error } of QUERIES) {
    it(name, async () => {
      const general = withDirective(query);
      expect(compiles(query)).toBe(true);
      expect(compiles(general)).toBe(false);
      const compiled = await answer(query, variables);
      const reference = await answer(general, variables);
      expect(compiled).toEqual(reference);
      expect(compiled.status).toBe(200);
      expect(compiled.errors?.map((e) => e.extensions?.['code'])).toEqual(
        error ? [error] : undefined,
      );
      expect(JSON.stringify(compiled.data).length).toBeGreaterThan(error ? 10 : 200);
    });
  }

  it('page cursors of the compiled path continue the pages of the general path', async () => {
    const query = `query Q($after: String) { services(first: 3, after: $after, orderBy: { field: ID }) {
      edges { node { id channels { channel { id } } } } pageInfo { endCursor } } }`;
    const first = await answer(withDirective(query));
    const after = (first.data as { services: { pageInfo: { endCursor: string } } }).services
      .pageInfo.endCursor;
    expect(await answer(query, { after })).toEqual(await answer(withDirective(query), { after }));
  });

  it('reports a variable of the wrong type in graphql-js words, with HTTP 400', async () => {
    const query = 'query Q($first: Int!) { services(first: $first) { edges { node { id } } } }';
    const compiled = await answer(query, { first: 'ten' });
    expect(compiled).toEqual(await answer(withDirective(query), { first: 'ten' }));
    expect(compiled.status).toBe(400);
    expect(compiled.errors?.[0]?.message).toBe(
      'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
    );
  });

  it('keeps the statements of a nested read: one per level', async () => {
    const statements: CypherQuery[] = [];
    const stop = api.database.executor.observe((query) => statements.push(query));
    try {
      const response = await answer(
        `{ services(first: 20) { edges { node { id channels { channel { id
            parties { service { id officers { officer { name } } } } } } } } } }`,
      );
      expect(response.errors).toBeUndefined();
    } finally {
      stop();
    }
    expect(statements).toHaveLength(4);
  });
});

describe('which operations are compiled', () => {
  const operation = compiles;

  it('compiles queries without introspection or @skip/@include', () => {
    expect(operation('{ services(first: 1) { edges { node { id } } } }')).toBe(true);
    expect(operation('{ __typename }')).toBe(true);
  });

  it('leaves mutations, introspection and conditional fields to graphql-js', () => {
    expect(operation('mutation { deleteEntity(id: "x") { deleted } }')).toBe(false);
    expect(operation('{ __schema { queryType { name } } }')).toBe(false);
    expect(operation('{ __type(name: "Service") { name } }')).toBe(false);
    expect(operation('query Q($a: Boolean!) { node(id: "sis") { id @skip(if: $a) } }')).toBe(false);
  });
});
