import { describe, expect, it } from 'vitest';
import { judgeResponse, KNOWN_BUGS } from '../../bench/fuzz/index.js';
import { sendRequest } from '../../bench/fuzz/sendRequest.js';
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
const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

/**
 * The faults the fuzzers found (bench/fuzz/knownBugs.ts), each asserting the answer it should
 * get. They fail today, which `it.fails` expects: when one is fixed its test fails, and the
 * entry in KNOWN_BUGS and the `.fails` here are to be removed.
 */
const cases: Record<string, () => Promise<unknown>> = {
  'orderBy-null': async () => {
    expect(await post('{ services(orderBy: null) { totalCount } }')).toEqual([]);
  },
  'operation-not-resolved': async () => {
    expect(await post('query A { __typename } query B { __typename }')).toEqual([]);
  },
  subscription: async () => {
    expect(await post('subscription { services { totalCount } }')).toEqual([]);
  },
  'persisted-query-version': async () => {
    const body = { extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } };
    expect(await problemsOf(JSON.stringify(body))).toEqual([]);
  },
  'delete-unlinked-entity': async () => {
    expect(await post('mutation { deleteOrganization(id: "nato") { id linksDeleted } }')).toEqual(
      [],
    );
  },
  'variable-error-limit': async () => {
    const query = 'query ($k: [ServiceKind!]) { services(filter: { kinds: $k }) { totalCount } }';
    expect(await post(query, { k: Array<string>(51).fill('NOPE') })).toEqual([]);
  },
  'import-deep-json': async () => {
    const query = 'mutation ($d: JSON!) { importGraph(document: $d) { totals { kind } } }';
    expect(await post(query, { d: { sources: nested(5_000) } })).toEqual([]);
  },
  'url-too-long': async () => {
    const query = `{ search(text: "${'x'.repeat(20_000)}") { score } }`;
    const search = `?query=${encodeURIComponent(query)}`;
    expect(await problemsOf(undefined, 'GET', search)).toEqual([]);
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
