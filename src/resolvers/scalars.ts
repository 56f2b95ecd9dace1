import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { partialDateProblem } from '../model/index.js';
import { shown } from '../errors/index.js';

const PARTIAL_DATE_CONTRACT =
  'PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1949, 1949-10, 1949-10-01)';

function parsePartialDate(value: unknown): string {
  if (typeof value !== 'string') {
    throw new GraphQLError(
      `${PARTIAL_DATE_CONTRACT}; got ${shown(value)}, which is not a string.`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const problem = partialDateProblem(value);
  if (problem !== undefined) {
    throw new GraphQLError(`${PARTIAL_DATE_CONTRACT}; got "${value}": ${problem}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** `1949`, `1949-10` or `1949-10-01`, checked to the day (no month 13, no 30 February). */
export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description: 'A date at the precision a source gives: YYYY, YYYY-MM or YYYY-MM-DD.',
  serialize: (value) => parsePartialDate(value),
  parseValue: (value) => parsePartialDate(value),
  parseLiteral: (ast) =>
    parsePartialDate(ast.kind === Kind.STRING ? ast.value : `(a ${ast.kind} literal)`),
});

function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(
        ast.fields.map((field) => [field.name.value, literalValue(field.value)]),
      );
    case Kind.VARIABLE:
      throw new GraphQLError(
        'JSON literals cannot contain variables; pass the whole value as a variable.',
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
    default: {
      const unreachable: never = ast;
      return unreachable;
    }
  }
}

/** Any JSON value (the graph document of `importGraph`). */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => literalValue(ast),
});
