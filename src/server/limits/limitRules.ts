import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ASTVisitor, ValidationContext } from 'graphql';
import type { LimitsConfig } from '../../config/index.js';
import { ApiError, ErrorCode } from '../../errors/index.js';

/** A graphql-js validation rule, as Apollo's `validationRules` takes them. */
export type ValidationRule = (context: ValidationContext) => ASTVisitor;

/** What graphql-armor's counters accept; each package declares the same fields. */
interface ArmorCounterOptions {
  n?: number;
  propagateOnRejection?: boolean;
  onAccept?: ((context: ValidationContext | null, details: unknown) => void)[];
}

/** One count per operation, refused with `code` above `max`. */
interface Limit {
  readonly code: ErrorCode;
  /** The setting, e.g. QUERY_MAX_DEPTH. */
  readonly setting: string;
  readonly max: number;
  readonly message: (found: number, max: number) => string;
}

/**
 * A graphql-armor counter that decides nothing itself: it is given no limit (`n: Infinity`), so
 * it hands every operation's count to `onAccept`, and the refusal is made here, where it gets
 * our code, the setting's name and the count that arrived (armor's own error is one generic
 * sentence with the numbers inside).
 */
function measured(
  counter: (options: ArmorCounterOptions) => ValidationRule,
  limit: Limit,
): ValidationRule {
  return counter({
    n: Number.POSITIVE_INFINITY,
    propagateOnRejection: false,
    onAccept: [
      (context, details) => {
        const found = (details as { n?: unknown } | null)?.n;
        if (context === null || typeof found !== 'number' || found <= limit.max) return;
        context.reportError(
          new ApiError(limit.code, limit.message(found, limit.max), {
            limit: limit.setting,
            value: limit.max,
            found,
          }),
        );
      },
    ],
  });
}

/** Refuses `__schema` and `__type`, naming the setting that turned them off. */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name !== '__schema' && name !== '__type') return;
    context.reportError(
      new ApiError(
        ErrorCode.INTROSPECTION_DISABLED,
        `Introspection (${name}) is turned off on this server (NODE_ENV=production); read the schema published with the API (schema/*.graphql) instead.`,
      ),
    );
  },
});

/**
 * The limits Apollo checks while it validates a new document, before anything runs: depth (a
 * fragment adds no level), aliases (`__typename` is free) and directives per operation, each
 * refused with its own code and HTTP 400; in production, introspection too.
 */
export function limitRules(limits: LimitsConfig, production: boolean): ValidationRule[] {
  const rules = [
    measured((options) => maxDepthRule({ ...options, flattenFragments: true }), {
      code: ErrorCode.QUERY_TOO_DEEP,
      setting: 'QUERY_MAX_DEPTH',
      max: limits.maxDepth,
      message: (found, max) =>
        `The query nests fields ${found} levels deep; the server allows ${max} (QUERY_MAX_DEPTH). Ask for fewer levels, or fetch the deeper part in a second query from the ids this one returns.`,
    }),
    measured(maxAliasesRule, {
      code: ErrorCode.TOO_MANY_ALIASES,
      setting: 'QUERY_MAX_ALIASES',
      max: limits.maxAliases,
      message: (found, max) =>
        `The query has ${found} aliased fields; the server allows ${max} (QUERY_MAX_ALIASES). Ask for fewer in one request, or split it into several.`,
    }),
    measured(maxDirectivesRule, {
      code: ErrorCode.TOO_MANY_DIRECTIVES,
      setting: 'QUERY_MAX_DIRECTIVES',
      max: limits.maxDirectives,
      message: (found, max) =>
        `The query has ${found} directives; the server allows ${max} (QUERY_MAX_DIRECTIVES). Use fewer @skip/@include, or split the query.`,
    }),
  ];
  return production ? [noIntrospection, ...rules] : rules;
}
