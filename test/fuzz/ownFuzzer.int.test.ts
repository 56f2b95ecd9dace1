import { describe, expect, it } from 'vitest';
import { fuzzSchema, knownIds, runOwnFuzzer } from '../../bench/fuzz/index.js';
import { useTestApi } from '../support/testApi.js';
import { TEST_KEYS } from '../support/testKeys.js';

const api = useTestApi();

/** FUZZ_SEED replays another run; the default keeps `npm test` repeatable. */
const seed = Number(process.env['FUZZ_SEED'] ?? 6_000_006);
const INPUTS = 400;

describe('our own fuzzer (the short run; `npm run fuzz` is the long one)', () => {
  it(`answers ${INPUTS} generated requests with coded client errors only and no refused request changes the graph`, async () => {
    const counts = await runOwnFuzzer({
      url: api.server.url,
      schema: fuzzSchema(),
      ids: await knownIds(api.database),
      keys: { admin: TEST_KEYS.admin, reader: TEST_KEYS.reader },
      maxBodyBytes: 1_000_000,
      count: INPUTS,
      seed,
      database: api.database,
    });
    process.stdout.write(
      `fuzz (seed ${seed}): ${counts.inputs} inputs, errors by code ${JSON.stringify(counts.errorsByCode)}, known bugs ${JSON.stringify(counts.knownBugs)}\n`,
    );
    expect(counts.findings).toEqual([]);
    expect(counts.inputs).toBe(INPUTS);
    // Every layer was reached: HTTP, credentials, parsing, validation, resolvers, writes.
    expect(Object.keys(counts.errorsByCode)).toEqual(
      expect.arrayContaining([
        'BAD_REQUEST',
        'PAYLOAD_TOO_LARGE',
        'UNAUTHENTICATED',
        'GRAPHQL_PARSE_FAILED',
        'GRAPHQL_VALIDATION_FAILED',
        'BAD_USER_INPUT',
        'FORBIDDEN',
        'NOT_FOUND',
      ]),
    );
    expect(counts.answeredWithoutErrors).toBeGreaterThan(0);
    expect(counts.refusedWrites).toBeGreaterThan(10);
    expect(counts.graphComparisons).toBeGreaterThan(counts.refusedWrites);
  }, 180_000);
});
