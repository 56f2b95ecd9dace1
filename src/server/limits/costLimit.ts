import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ApiError, ErrorCode } from '../../errors/index.js';
import { nativeGraphQL } from '../nativeGraphQL.js';

const { getNullableType, getVariableValues, isListType } = nativeGraphQL;

/** Entries a list without a page size is taken to hold (an entity's links, a path's nodes). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Selections the estimate may visit. A fragment is weighed once per spread, so a few nested
 * fragments spread twice each could make the estimate itself exponential; past this many the
 * query is refused as too costly instead of weighed.
 */
export const MAX_WEIGHED_SELECTIONS = 10_000;

/** `first` or `limit` when the field has one (defaults applied, variables resolved). */
function pageSize(args: Readonly<Record<string, unknown>>): number | undefined {
  const size = args['first'] ?? args['limit'];
  return typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : undefined;
}

/**
 * Every field costs 1 plus what it selects; a field with a page size (`first`, `limit`) counts
 * its selection once per entry, and any other list once per ASSUMED_LIST_SIZE entries. The
 * `edges` of a connection were already counted by the connection's `first`.
 */
export const estimateCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const size = pageSize(args);
  if (size !== undefined) return 1 + size * childComplexity;
  const isList = isListType(getNullableType(field.type));
  if (isList && !type.name.endsWith('Connection')) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

/** The estimate of one operation, or why there is none. */
export type Cost =
  | { readonly kind: 'estimated'; readonly cost: number }
  /** Its variables do not coerce: execution reports them, in graphql-js's words. */
  | { readonly kind: 'bad-variables' }
  /** More than MAX_WEIGHED_SELECTIONS selections to weigh. */
  | { readonly kind: 'too-many-selections' };

/** Estimates `operation` of `document` with `estimateCost` and the request's variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): Cost {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return { kind: 'bad-variables' };
  try {
    const cost = getComplexity({
      schema,
      query: document,
      variables: { ...variables },
      ...(operation.name ? { operationName: operation.name.value } : {}),
      estimators: [estimateCost],
      maxQueryNodes: MAX_WEIGHED_SELECTIONS,
    });
    return { kind: 'estimated', cost };
  } catch {
    // Variables coerce and the document is valid, so the one thing left to throw is the cap
    // on selections weighed.
    return { kind: 'too-many-selections' };
  }
}

/** The refusal of an operation that costs more than `maxCost`, if it does. */
export function costRefusal(cost: Cost, maxCost: number): ApiError | undefined {
  switch (cost.kind) {
    case 'bad-variables':
      return undefined;
    case 'too-many-selections':
      return new ApiError(
        ErrorCode.QUERY_TOO_COSTLY,
        `The query has more than ${MAX_WEIGHED_SELECTIONS} selections to weigh once its fragments are spread, so its cost cannot be held under ${maxCost} (QUERY_MAX_COST). Spread fragments fewer times, or split the query.`,
        { limit: 'QUERY_MAX_COST', value: maxCost },
      );
    case 'estimated':
      return cost.cost <= maxCost
        ? undefined
        : new ApiError(
            ErrorCode.QUERY_TOO_COSTLY,
            `The query's estimated cost is ${cost.cost}; the server allows ${maxCost} (QUERY_MAX_COST). Every field costs 1 and a list multiplies what each entry selects by its page size (first or limit, else ${ASSUMED_LIST_SIZE}): ask for smaller pages or fewer nested lists, or split the query.`,
            { limit: 'QUERY_MAX_COST', value: maxCost, found: cost.cost },
          );
    default: {
      const unexpected: never = cost;
      return unexpected;
    }
  }
}

/**
 * Refuses an operation whose estimated cost is over `maxCost` with QUERY_TOO_COSTLY and HTTP
 * 400. It runs once the operation is known, on every request, since the cost depends on the
 * variables (`first: $first`), which validation (cached by Apollo per document) cannot see.
 */
export function costLimit<TContext extends object>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operation, request, response }) => {
          if (!operation) return Promise.resolve();
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          const refusal = costRefusal(cost, maxCost);
          if (!refusal) return Promise.resolve();
          // Apollo answers 500 to an error thrown here unless a status is already set.
          response.http.status = 400;
          return Promise.reject(refusal);
        },
      }),
  };
}
