import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS, type LimitsConfig } from '../../src/config/index.js';
import { ApiError } from '../../src/errors/index.js';
import { loadTypeDefs } from '../../src/graphql/index.js';
import { resolvers } from '../../src/resolvers/index.js';
import { limitRules } from '../../src/server/limits/index.js';
import { nativeGraphQL } from '../../src/server/nativeGraphQL.js';

const { parse, specifiedRules, validate } = nativeGraphQL;
const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });

const limits: LimitsConfig = {
  ...DEFAULT_QUERY_LIMITS,
  maxDepth: 4,
  maxAliases: 2,
  maxDirectives: 2,
};

/** What Apollo's validation would report, as code, message and details. */
function refusals(query: string, production = false) {
  return validate(schema, parse(query), [...specifiedRules, ...limitRules(limits, production)]).map(
    (error) => {
      expect(error).toBeInstanceOf(ApiError);
      return { message: error.message, extensions: error.extensions };
    },
  );
}

/** `service { channels { channel { parties { ... } } } }` down to `levels` levels. */
const nested = (levels: number): string => {
  const steps = ['service(id: "sis")', 'channels', 'channel', 'parties', 'service', 'officers'];
  const open = steps.slice(0, levels - 1);
  return `{ ${open.map((s) => `${s} {`).join(' ')} id ${'}'.repeat(open.length)} }`;
};

describe('depth (QUERY_MAX_DEPTH)', () => {
  it('accepts a query exactly as deep as the limit', () => {
    expect(refusals(nested(4))).toEqual([]);
  });

  it('refuses one level deeper with QUERY_TOO_DEEP, the limit and the depth found', () => {
    expect(refusals(nested(5))).toEqual([
      {
        message:
          'The query nests fields 5 levels deep; the server allows 4 (QUERY_MAX_DEPTH). Ask for fewer levels, or fetch the deeper part in a second query from the ids this one returns.',
        extensions: { code: 'QUERY_TOO_DEEP', limit: 'QUERY_MAX_DEPTH', value: 4, found: 5 },
      },
    ]);
  });

  it('counts no level for a fragment, inline or named', () => {
    const query = `query { node(id: "sis") { ... on Service { ...Parties } } }
      fragment Parties on Service { channels { channel { id } } }`;
    expect(refusals(query)).toEqual([]);
  });
});

describe('aliases (QUERY_MAX_ALIASES)', () => {
  it('accepts as many aliases as the limit, and __typename aliases for free', () => {
    expect(
      refusals('{ a: service(id: "a") { id } b: service(id: "b") { t: __typename } }'),
    ).toEqual([]);
  });

  it('refuses one alias more with TOO_MANY_ALIASES, the limit and the count found', () => {
    expect(
      refusals(
        '{ a: service(id: "a") { id } b: service(id: "b") { id } c: service(id: "c") { id } }',
      ),
    ).toEqual([
      {
        message:
          'The query has 3 aliased fields; the server allows 2 (QUERY_MAX_ALIASES). Ask for fewer in one request, or split it into several.',
        extensions: { code: 'TOO_MANY_ALIASES', limit: 'QUERY_MAX_ALIASES', value: 2, found: 3 },
      },
    ]);
  });

  it('counts the aliases inside fragments', () => {
    const query = `{ a: service(id: "a") { ...F } } fragment F on Service { b: id c: name }`;
    expect(refusals(query).map((r) => r.extensions['found'])).toEqual([3]);
  });
});

describe('directives (QUERY_MAX_DIRECTIVES)', () => {
  it('accepts as many directives as the limit', () => {
    expect(
      refusals('{ service(id: "a") { id @skip(if: false) name @include(if: true) } }'),
    ).toEqual([]);
  });

  it('refuses one directive more with TOO_MANY_DIRECTIVES', () => {
    expect(
      refusals(
        '{ service(id: "a") { id @skip(if: false) name @include(if: true) acronym @skip(if: true) } }',
      ),
    ).toEqual([
      {
        message:
          'The query has 3 directives; the server allows 2 (QUERY_MAX_DIRECTIVES). Use fewer @skip/@include, or split the query.',
        extensions: {
          code: 'TOO_MANY_DIRECTIVES',
          limit: 'QUERY_MAX_DIRECTIVES',
          value: 2,
          found: 3,
        },
      },
    ]);
  });
});

describe('introspection', () => {
  it('is answered outside production', () => {
    expect(refusals('{ __schema { queryType { name } } }')).toEqual([]);
  });

  it('is refused in production with INTROSPECTION_DISABLED naming NODE_ENV', () => {
    expect(refusals('{ __type(name: "Service") { name } }', true)).toEqual([
      {
        message:
          'Introspection (__type) is turned off on this server (NODE_ENV=production); read the schema published with the API (schema/*.graphql) instead.',
        extensions: { code: 'INTROSPECTION_DISABLED' },
      },
    ]);
  });

  it('still answers __typename in production', () => {
    expect(refusals('{ __typename service(id: "a") { __typename } }', true)).toEqual([]);
  });
});

describe('the default limits', () => {
  it("let the deepest of the project's operations through (NestedParties, 10 levels)", () => {
    const query = `query NestedParties($first: Int) { services(first: $first) { edges { node { id
      channels { channel { id parties { service { id officers { officer { name } } } } } } } } } }`;
    expect(
      validate(schema, parse(query), [
        ...specifiedRules,
        ...limitRules(DEFAULT_QUERY_LIMITS, true),
      ]),
    ).toEqual([]);
  });
});
