import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/index.js';
import { AuditLogDocument, ServicePageDocument } from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';

const cite = [{ source: 'ref', section: 'p. 1' }];
/** The longest name a service may have, in characters of three bytes each in UTF-8. */
const LONGEST_NAME = '諜'.repeat(300);

const api = useTestApi((database) =>
  importDocument(database.executor, {
    sources: [{ id: 'ref', title: 'A test reference' }],
    services: [
      { id: 'long', name: LONGEST_NAME, kind: 'SIGINT', sources: cite },
      { id: 'short', name: '龥', kind: 'SIGINT', sources: cite },
    ],
  }),
);

const HUGE = 'A'.repeat(500_000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('a bad after cursor is refused without being echoed whole', () => {
  const asks = {
    services: () => postGraphQL(api.server.url, ServicePageDocument, { first: 1, after: HUGE }),
    auditLog: () => postGraphQL(api.server.url, AuditLogDocument, { first: 1, after: HUGE }),
  };

  it.each(Object.keys(asks) as (keyof typeof asks)[])(
    'answers a 500 KB cursor on %s with a short BAD_USER_INPUT',
    async (field) => {
      const [error] = (await asks[field]()).errors ?? [];
      expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after', max: 4096 });
      expect(error?.message).toBe(
        `'after' is not a cursor of this list: cursors are at most 4096 characters; pass the 'endCursor' or an edge 'cursor' of a previous page. Got "${'A'.repeat(119)}… (500002 characters).`,
      );
      expect(error?.message.length).toBeLessThan(300);
    },
  );

  it('does not repeat a forged ordering: a cursor naming none is not a cursor', async () => {
    const forged = base64url(['S'.repeat(2500), '龥', 'short']);
    const response = await postGraphQL(api.server.url, ServicePageDocument, { after: forged });
    const [error] = response.errors ?? [];
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error?.message).toMatch(/^'after' is not a cursor of this list; pass the 'endCursor'/);
    expect(error?.message.length).toBeLessThan(300);
  });

  it('still reads the cursor of the longest name a service may have', async () => {
    const first = await postGraphQL(api.server.url, ServicePageDocument, { first: 1 });
    const cursor = first.data?.services.pageInfo.endCursor ?? '';
    expect(first.data?.services.edges.map((e) => e.node.id)).toEqual(['long']);
    expect(cursor.length).toBeGreaterThan(1200);
    const next = await postGraphQL(api.server.url, ServicePageDocument, { after: cursor });
    expect(next.errors).toBeUndefined();
    expect(next.data?.services.edges.map((e) => e.node.id)).toEqual(['short']);
  });
});
