import { describe, expect, it } from 'vitest';
import { judgeResponse, KNOWN_BUGS, sendRequest } from '../../bench/fuzz/index.js';
import { useTestApi } from '../support/testApi.js';
import { headersFor } from '../support/http.js';

const api = useTestApi();

/** Sends a request as the admin and lists what is wrong with the answer (nothing, when fixed). */
async function problemsOf(body: string | undefined, method = 'POST', search = '') {
  const answer = await sendRequest(`${api.server.url}${search}`, method, headersFor(), body);
  return judgeResponse({
    method,
    search,
    requestBody: body ?? '',
    status: answer.status,
    responseBody: answer.body,
  }).problems;
}

const post = (query: string, variables?: unknown) =>
  problemsOf(JSON.stringify({ query, variables }));

/**
 * The faults the fuzzers found (bench/fuzz/knownBugs.ts), each asserting the answer it should
 * get. They fail today, which `it.fails` expects: when one is fixed its test fails, and the
 * entry in KNOWN_BUGS and the `.fails` here are to be removed.
 */
const cases: Record<string, () => Promise<unknown>> = {
  'search-long-text': async () => {
    const query = 'query ($t: String!) { search(text: $t) { score } }';
    expect(await post(query, { t: 'x'.repeat(1_001) })).toEqual([]);
  },
};

describe('known bugs found by fuzzing (each should be fixed; see bench/fuzz/knownBugs.ts)', () => {
  it('has a case here for every entry of KNOWN_BUGS', () => {
    expect(Object.keys(cases).sort()).toEqual(KNOWN_BUGS.map((bug) => bug.id).sort());
  });
  for (const [id, run] of Object.entries(cases)) {
    it.fails(`${id}: answered within the contract once fixed`, run);
  }
});
