import { makeExecutableSchema } from '@graphql-tools/schema';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/index.js';
import { resolvers } from '../../src/resolvers/index.js';
import { costRefusal, operationCost, type Cost } from '../../src/server/limits/index.js';
import { nativeGraphQL } from '../../src/server/nativeGraphQL.js';

const { Kind, parse } = nativeGraphQL;
const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });

/** The cost of the document's first operation with `variables`. */
function costOf(query: string, variables: Record<string, unknown> = {}): Cost {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return operationCost(schema, document, operation, variables);
}

const estimated = (cost: number): Cost => ({ kind: 'estimated', cost });

describe('the cost estimate', () => {
  it('counts 1 per field', () => {
    // service 1 + id 1 + name 1
    expect(costOf('{ service(id: "sis") { id name } }')).toEqual(estimated(3));
  });

  it('counts a list without a page size as 10 entries', () => {
    // service 1 + channels (1 + 10 x (id 1))
    expect(costOf('{ service(id: "sis") { channels { id } } }')).toEqual(estimated(12));
  });

  it("counts a page by its 'first', the edges inside it once", () => {
    // services 1 + 20 x (edges 1 + node 1 + id 1)
    expect(costOf('{ services(first: 20) { edges { node { id } } } }')).toEqual(estimated(61));
  });

  it("takes 'first' from the variables, and the schema's default page size without one", () => {
    const query = 'query ($first: Int) { services(first: $first) { edges { node { id } } } }';
    expect(costOf(query, { first: 200 })).toEqual(estimated(601));
    expect(costOf(query)).toEqual(estimated(151));
  });

  it("counts 'limit' as a page size too", () => {
    // brokers 1 + 20 x (agents 1)
    expect(costOf('{ brokers(limit: 20) { agents } }')).toEqual(estimated(21));
  });

  it('multiplies nested lists: NestedParties at first 50 costs 116,701', () => {
    const query = `query ($first: Int) { services(first: $first) { edges { node { id
      channels { channel { id parties { service { id officers { officer { name } } } } } } } } } }`;
    expect(costOf(query, { first: 50 })).toEqual(estimated(116_701));
  });

  it('leaves variables that do not coerce to execution, which reports them', () => {
    const query = 'query ($first: Int) { services(first: $first) { totalCount } }';
    expect(costOf(query, { first: 'many' })).toEqual({ kind: 'bad-variables' });
  });

  it('stops weighing after 10,000 selections, as when each fragment spreads the next twice', () => {
    const bomb = (levels: number): string =>
      `{ service(id: "sis") { ...B0 } } ` +
      Array.from({ length: levels }, (_, i) =>
        i + 1 < levels
          ? `fragment B${i} on Service { ...B${i + 1} ...B${i + 1} }`
          : `fragment B${i} on Service { id }`,
      ).join(' ');
    // service 1 + 2^7 spreads of { id }
    expect(costOf(bomb(8))).toEqual(estimated(129));
    expect(costOf(bomb(20))).toEqual({ kind: 'too-many-selections' });
  });
});

describe('costRefusal', () => {
  it('accepts a cost equal to the limit', () => {
    expect(costRefusal(estimated(1000), 1000)).toBeUndefined();
  });

  it('refuses one over with QUERY_TOO_COSTLY, the limit, the cost and how it is counted', () => {
    const refusal = costRefusal(estimated(1001), 1000);
    expect(refusal?.message).toBe(
      "The query's estimated cost is 1001; the server allows 1000 (QUERY_MAX_COST). Every field costs 1 and a list multiplies what each entry selects by its page size (first or limit, else 10): ask for smaller pages or fewer nested lists, or split the query.",
    );
    expect(refusal?.extensions).toEqual({
      code: 'QUERY_TOO_COSTLY',
      limit: 'QUERY_MAX_COST',
      value: 1000,
      found: 1001,
    });
  });

  it('refuses a query too large to weigh with QUERY_TOO_COSTLY', () => {
    const refusal = costRefusal({ kind: 'too-many-selections' }, 1000);
    expect(refusal?.message).toBe(
      'The query has more than 10000 selections to weigh once its fragments are spread, so its cost cannot be held under 1000 (QUERY_MAX_COST). Spread fragments fewer times, or split the query.',
    );
    expect(refusal?.extensions).toEqual({
      code: 'QUERY_TOO_COSTLY',
      limit: 'QUERY_MAX_COST',
      value: 1000,
    });
  });

  it('leaves bad variables to execution', () => {
    expect(costRefusal({ kind: 'bad-variables' }, 1000)).toBeUndefined();
  });
});
