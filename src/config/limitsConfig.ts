// Types only: loadConfig.ts imports this file, and a runtime import back would be a cycle.
import type { Parse, Read } from './loadConfig.js';

/**
 * How large one GraphQL request may be, checked before anything runs (see `src/server/limits`).
 * The defaults leave room above the largest operations the project's clients send (the nested
 * read of bench:nested is 10 levels deep and costs ~345,000 for 100 services).
 */
export interface LimitsConfig {
  /** Most levels of nested fields (fragments add none), QUERY_MAX_DEPTH. */
  readonly maxDepth: number;
  /** Most aliased fields in one operation (`__typename` is free), QUERY_MAX_ALIASES. */
  readonly maxAliases: number;
  /** Most directives (`@skip`, `@include`) in one operation, QUERY_MAX_DIRECTIVES. */
  readonly maxDirectives: number;
  /** Most lexical tokens in the query text; parsing stops at the first one over, QUERY_MAX_TOKENS. */
  readonly maxTokens: number;
  /** Highest estimated cost of an operation (see `estimateCost`), QUERY_MAX_COST. */
  readonly maxCost: number;
  /** Largest page of a list (`first`, and `brokers`' `limit`), PAGE_MAX_SIZE. */
  readonly maxPageSize: number;
}

export const DEFAULT_QUERY_LIMITS: LimitsConfig = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2_000,
  maxCost: 1_000_000,
  maxPageSize: 500,
};

/** The `limits` section; `integer` is loadConfig's parser of whole numbers in a range. */
export function readLimits(
  read: Read,
  integer: (min: number, max: number) => Parse<number>,
): LimitsConfig {
  const d = DEFAULT_QUERY_LIMITS;
  return {
    maxDepth: read('QUERY_MAX_DEPTH', d.maxDepth, integer(1, 100), String(d.maxDepth)),
    maxAliases: read('QUERY_MAX_ALIASES', d.maxAliases, integer(0, 1_000), String(d.maxAliases)),
    maxDirectives: read(
      'QUERY_MAX_DIRECTIVES',
      d.maxDirectives,
      integer(0, 1_000),
      String(d.maxDirectives),
    ),
    maxTokens: read('QUERY_MAX_TOKENS', d.maxTokens, integer(100, 1_000_000), String(d.maxTokens)),
    maxCost: read('QUERY_MAX_COST', d.maxCost, integer(1, 1_000_000_000), String(d.maxCost)),
    maxPageSize: read('PAGE_MAX_SIZE', d.maxPageSize, integer(1, 10_000), String(d.maxPageSize)),
  };
}
