import { defineConfig } from 'vitest/config';

/**
 * Two tiers (STYLE.md, rule 10): `unit` needs no database; `int` runs against a real Neo4j
 * that `test/support/globalSetup.ts` provides once for the run. Integration files share that
 * one database and reset it, so they run one file at a time.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
