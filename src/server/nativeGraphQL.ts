import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';

/**
 * graphql-js as Node itself loads it, the build the schema's objects come from (Apollo and
 * @graphql-tools load it natively). An `import` here can get the other build (ESM vs
 * CommonJS) under the test runner, whose type checks reject the schema's types as foreign.
 */
export const nativeGraphQL = createRequire(import.meta.url)('graphql') as typeof GraphQL;
