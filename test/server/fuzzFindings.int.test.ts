import { describe, expect, it } from 'vitest';
import { headersFor, postRaw } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';

const api = useTestApi();
const post = (body: unknown) =>
  postRaw<Record<string, unknown>>(api.server.url, JSON.stringify(body));
const codes = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (response.errors ?? []).map((e) => e.extensions?.['code']);

/** Requests the fuzzers (npm run fuzz) once answered with an internal error or a 500. */
describe('requests the fuzzers found mishandled', () => {
  it('an explicit orderBy: null lists in the default order', async () => {
    const response = await post({
      query: '{ services(first: 2, orderBy: null) { edges { node { id } } } }',
    });
    expect(response.errors).toBeUndefined();
    const ordered = await post({ query: '{ services(first: 2) { edges { node { id } } } }' });
    expect(response.data).toEqual(ordered.data);
  });

  it('several operations without operationName are refused with OPERATION_RESOLUTION_FAILURE', async () => {
    const response = await post({ query: 'query A { __typename } query B { __typename }' });
    expect(response.status).toBeLessThan(500);
    expect(codes(response)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    const named = await post({ query: 'query A { __typename }', operationName: 'Z' });
    expect(named.status).toBeLessThan(500);
    expect(codes(named)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });

  it('a subscription is refused as a bad request (there are none)', async () => {
    const response = await post({ query: 'subscription { __typename }' });
    expect(response.status).toBeLessThan(500);
    expect(codes(response)).toEqual(['BAD_REQUEST']);
  });

  it('an unsupported persisted-query version is a bad request that says so', async () => {
    const response = await post({
      extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } },
    });
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      { message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('more bad variables than graphql-js reports are all BAD_USER_INPUT', async () => {
    const response = await post({
      query:
        'query ($d: [Discipline!]) { penetrationReach(agent: "kim-philby", disciplines: $d) { agent { id } } }',
      variables: { d: Array.from({ length: 60 }, (_, i) => `NOT_A_DISCIPLINE_${i}`) },
    });
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.length).toBeGreaterThan(50);
    expect(new Set(codes(response))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('a document nested too deep to show is refused with a short message', async () => {
    // Written out by hand: JSON.stringify itself cannot render 20,000 levels.
    const depth = 20_000;
    const response = await postRaw(
      api.server.url,
      `{"query":"mutation ($d: JSON!) { importGraph(document: $d) { totals { kind } } }","variables":{"d":{"sources":[${'['.repeat(depth)}"x"${']'.repeat(depth)}]}}}`,
    );
    expect(response.status).toBeLessThan(500);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message.length).toBeLessThan(1_000);
  });

  it('a GET whose URL exceeds what Node reads is refused in coded JSON, not a bare status line', async () => {
    const query = `{ search(text: "${'x'.repeat(20_000)}") { score } }`;
    const response = await fetch(`${api.server.url}?query=${encodeURIComponent(query)}`, {
      headers: headersFor(),
    });
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'The request line and headers exceed 16 KiB; send a long query in the body of a POST.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('a search text too long for Lucene is refused with the limits it must keep', async () => {
    const query = 'query ($t: String!) { search(text: $t) { score } }';
    const long = await post({ query, variables: { t: 'x'.repeat(1_001) } });
    expect(long.errors?.[0]).toMatchObject({
      message:
        "'text' takes at most 32 words of at most 100 characters each; got 1 words, the longest of 1001 characters.",
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const many = await post({ query, variables: { t: 'philby '.repeat(1_100) } });
    expect(codes(many)).toEqual(['BAD_USER_INPUT']);
    const fine = await post({ query, variables: { t: 'philby' } });
    expect(fine.errors).toBeUndefined();
  });

  it('brokers(limit: 0) names the limit argument it refuses', async () => {
    const response = await post({ query: '{ brokers(limit: 0) { entity { id } } }' });
    expect(response.errors?.[0]).toMatchObject({
      message: "'limit' must be from 1 to 500 (PAGE_MAX_SIZE); got 0.",
      extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
    });
  });

  it('an entity without links is deleted', async () => {
    const created = await post({
      query:
        'mutation { createOrganization(input: { id: "lonely", name: "Lonely", kind: TRIBAL_GROUP, sources: [{ source: "belfer-2009", section: "test" }] }) { id } }',
    });
    expect(created.errors).toBeUndefined();
    const deleted = await post({
      query: 'mutation { deleteOrganization(id: "lonely") { id linksDeleted } }',
    });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data).toEqual({ deleteOrganization: { id: 'lonely', linksDeleted: 0 } });
  });
});
