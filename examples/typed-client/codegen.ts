import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * A TypeScript front end's typed operations, from the published SDL (no running server needed):
 * every `graphql(...)` call under src/ becomes a typed document in src/gql/. Run from the
 * repository root: `npx graphql-codegen --config examples/typed-client/codegen.ts`.
 */
const config: CodegenConfig = {
  schema: 'docs/liaison-graph.graphql',
  documents: ['examples/typed-client/src/**/*.ts', '!examples/typed-client/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'examples/typed-client/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // Our custom scalars as they travel in JSON.
        scalars: { PartialDate: 'string', JSON: 'unknown' },
        // Relative imports with `.js`, as Node's ES modules (and tsconfig NodeNext) want them.
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
