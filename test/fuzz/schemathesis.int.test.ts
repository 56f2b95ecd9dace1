import { describe, expect, it } from 'vitest';
import { fuzzSchema, fuzzWithSchemathesis } from '../../bench/fuzz/index.js';
import { useTestApi } from '../support/testApi.js';
import { TEST_KEYS } from '../support/testKeys.js';

const api = useTestApi();
const seed = Number(process.env['FUZZ_SEED'] ?? 6_000_006);

describe('Schemathesis, an independent fuzzer, in GraphQL mode (the short run)', () => {
  it('finds no 5xx, no uncoded error and no refused request that changed the graph', async () => {
    const schema = fuzzSchema();
    const rootFields =
      Object.keys(schema.getQueryType()?.getFields() ?? {}).length +
      Object.keys(schema.getMutationType()?.getFields() ?? {}).length;
    // fuzzWithSchemathesis makes the Python environment first (once; ~15 s), never skipped:
    // without Python 3.11+ or PyPI this test fails and says which.
    const { counts, schemathesis } = await fuzzWithSchemathesis({
      database: api.database,
      apiUrl: api.server.url,
      schema,
      apiKey: TEST_KEYS.admin,
      maxExamples: 5,
      seed,
      killAfterSeconds: 100,
    });
    process.stdout.write(
      `Schemathesis ${schemathesis.version} (seed ${seed}): ${schemathesis.generated} test cases, ${counts.inputs} requests in ${schemathesis.seconds} s, errors by code ${JSON.stringify(counts.errorsByCode)}, known bugs ${JSON.stringify(counts.knownBugs)}\n`,
    );
    expect(counts.findings).toEqual([]);
    expect(schemathesis).toMatchObject({ killed: false, errors: [], failures: [], exitCode: 0 });
    expect(schemathesis.operationsTested).toBe(rootFields);
    expect(schemathesis.generated).toBeGreaterThan(100);
    expect(counts.inputs).toBeGreaterThanOrEqual(schemathesis.generated);
  }, 700_000);
});
