import { describe, expect, it } from 'vitest';
import { judgeResponse, knownBugOf, writeEffect, type Exchange } from '../../bench/fuzz/index.js';

const post = (requestBody: string, status: number, answer: unknown): Exchange => ({
  method: 'POST',
  search: '',
  requestBody,
  status,
  responseBody: typeof answer === 'string' ? answer : JSON.stringify(answer),
});

const refusal = (code: string, message = 'No.') => ({
  errors: [{ message, extensions: { code } }],
});

describe('judgeResponse', () => {
  it('accepts coded client errors, data, and messages that quote Cypher the request itself sent', () => {
    const hostile = "' }) MATCH (n) DETACH DELETE n //";
    const request = JSON.stringify({
      query: '{ search(text: $t) { score } }',
      variables: { t: hostile },
    });
    const quoted = refusal(
      'BAD_USER_INPUT',
      `'text' must be words; got ${JSON.stringify(hostile)}`,
    );
    expect(judgeResponse(post(request, 400, quoted)).problems).toEqual([]);
    expect(judgeResponse(post(request, 200, { data: { search: [] } }))).toMatchObject({
      codes: [],
      problems: [],
    });
    expect(judgeResponse(post('{}', 400, refusal('GRAPHQL_VALIDATION_FAILED'))).codes).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });

  it('flags a 5xx, a body that is not JSON, an uncoded error and INTERNAL_SERVER_ERROR', () => {
    expect(judgeResponse(post('{}', 503, refusal('SERVICE_UNAVAILABLE'))).problems).toEqual([
      'HTTP 503',
      'an error coded SERVICE_UNAVAILABLE',
    ]);
    expect(judgeResponse(post('{}', 400, 'Bad Request')).problems).toEqual([
      'HTTP 400 with a body that is not JSON',
    ]);
    expect(judgeResponse(post('{}', 200, { errors: [{ message: 'x' }] })).problems).toEqual([
      'an error without extensions.code: {"message":"x"}',
    ]);
    expect(judgeResponse(post('{}', 200, refusal('INTERNAL_SERVER_ERROR'))).problems).toEqual([
      'an error coded INTERNAL_SERVER_ERROR',
    ]);
  });

  it("flags the server's insides: stack frames, driver errors, Cypher the request did not send", () => {
    const leaks = [
      'TypeError: x is undefined\n    at order (/app/src/resolvers/queryResolvers.ts:16:18)',
      'Neo.ClientError.Statement.SyntaxError: Invalid input',
      'MATCH (s:Service {id: $id}) RETURN s',
    ];
    for (const message of leaks) {
      const { problems } = judgeResponse(
        post('{"query":"{ x }"}', 400, refusal('BAD_REQUEST', message)),
      );
      expect(problems, message).toHaveLength(1);
      expect(problems[0]).toMatch(/^the response shows server internals: /);
    }
  });
});

describe('writeEffect', () => {
  const mutation = (query: string) => JSON.stringify({ query });
  it('tells refused mutations from those that ran and from requests that wrote nothing', () => {
    const one = mutation('mutation { deleteService(id: "x") { id } }');
    const refused = { data: null, errors: [{ message: 'no', path: ['deleteService'] }] };
    expect(writeEffect('POST', '', one, refused)).toBe('refused');
    expect(writeEffect('POST', '', one, { data: { deleteService: { id: 'x' } } })).toBe('accepted');
    expect(writeEffect('POST', '', one, refusal('GRAPHQL_VALIDATION_FAILED'))).toBe('none');
    expect(writeEffect('POST', '', mutation('{ services { totalCount } }'), { data: {} })).toBe(
      'none',
    );
    // A nested field's error does not say the write was refused.
    const nested = { data: null, errors: [{ message: 'no', path: ['deleteService', 'id'] }] };
    expect(writeEffect('POST', '', one, nested)).toBe('accepted');
    const two = mutation(
      'mutation { a: deleteService(id: "x") { id } b: deleteService(id: "y") { id } }',
    );
    const secondFailed = { data: null, errors: [{ message: 'no', path: ['b'] }] };
    expect(writeEffect('POST', '', two, secondFailed)).toBe('accepted');
  });
});

describe('knownBugOf', () => {
  it('excuses nothing while no known bug is open: an internal error is a problem', () => {
    const internal = post('{"query":"{ services { totalCount } }"}', 200, {
      data: null,
      errors: [{ message: 'x', path: ['services'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    const judgement = judgeResponse(internal);
    expect(judgement.problems).not.toEqual([]);
    expect(knownBugOf(internal, judgement)).toBeUndefined();
  });
});
