import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/index.js';
import {
  CreateLinkDocument,
  CreateServiceDocument,
  ImportGraphDocument,
  ServiceDocument,
} from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';

const cite = [{ source: 'ref', section: 'p. 1' }];

const api = useTestApi((database) =>
  importDocument(database.executor, {
    sources: [{ id: 'ref', title: 'A test reference' }],
    services: [{ id: 'sis', name: 'Secret Intelligence Service', kind: 'SIGINT', sources: cite }],
    officers: [{ id: 'kim', name: 'Kim', sources: cite }],
  }),
);

const ONE_LINE = 'expected text without control characters (U+0000 to U+001F, U+007F to U+009F)';
const LINES = `${ONE_LINE} other than tab and line feed`;

const importGraph = (document: unknown) =>
  postGraphQL(api.server.url, ImportGraphDocument, { document });

const exists = async (id: string): Promise<boolean> =>
  (await postGraphQL(api.server.url, ServiceDocument, { id })).data?.service != null;

describe('importGraph', () => {
  it('refuses a service succeeding itself, at the field, writing nothing', async () => {
    const response = await importGraph({
      services: [
        {
          id: 'mi6',
          name: 'MI6',
          kind: 'FOREIGN_INTELLIGENCE',
          sources: cite,
          succeeded: [
            { service: 'sis', sources: cite },
            { service: 'mi6', sources: cite },
          ],
        },
      ],
    });
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          file: 'services',
          entry: 0,
          id: 'mi6',
          field: 'succeeded[1].service',
          message:
            'a service cannot succeed itself: expected the id of the service it succeeded; got "mi6"',
        },
      ],
    });
    expect(await exists('mi6')).toBe(false);
  });

  it('refuses control characters in every free-text field, each problem naming its field', async () => {
    const response = await importGraph({
      sources: [{ id: 'ref2', title: 'Title\u0007', author: 'A\u001bB' }],
      services: [
        {
          id: 'nul',
          name: 'Bad\u0000Name',
          aliases: ['ok', 'two\nlines'],
          acronym: 'X\u007f',
          notes: 'bell\u0007',
          kind: 'SIGINT',
          sources: [{ source: 'ref', section: 'p.\u0085 1' }],
        },
      ],
      officers: [
        {
          id: 'off',
          name: 'Officer',
          sources: cite,
          serves: [{ service: 'sis', post: 'He\rad', sources: cite, id: 'x\u0000y' }],
        },
      ],
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const problems = response.errors?.[0]?.extensions?.['problems'] as {
      field: string;
      message: string;
    }[];
    expect(problems.map((p) => [p.field, p.message.split('; got ')[0]])).toEqual([
      ['title', ONE_LINE],
      ['author', ONE_LINE],
      ['name', ONE_LINE],
      ['aliases[1]', ONE_LINE],
      ['notes', LINES],
      ['sources[0].section', ONE_LINE],
      ['acronym', ONE_LINE],
      ['serves[0].id', ONE_LINE],
      ['serves[0].post', ONE_LINE],
    ]);
    expect(problems.find((p) => p.field === 'name')?.message).toBe(
      `${ONE_LINE}; got "Bad\\u0000Name"`,
    );
    expect(await exists('nul')).toBe(false);
  });

  it('accepts tabs and line feeds in notes, and trims the ends of a name', async () => {
    const response = await importGraph({
      services: [
        {
          id: 'multi',
          name: ' Multi \n',
          notes: 'first line\n\tsecond line',
          kind: 'SIGINT',
          sources: cite,
        },
      ],
    });
    expect(response.errors).toBeUndefined();
    const read = await postGraphQL(api.server.url, ServiceDocument, { id: 'multi' });
    expect(read.data?.service?.name).toBe('Multi');
  });
});

describe('createService and createLink', () => {
  it('refuse a NUL in a service name (BAD_USER_INPUT at the field)', async () => {
    const response = await postGraphQL(api.server.url, CreateServiceDocument, {
      input: { id: 'nul-svc', name: 'A\u0000B', kind: 'SIGINT', sources: cite },
    });
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          file: 'input',
          entry: 0,
          id: 'nul-svc',
          field: 'name',
          message: `${ONE_LINE}; got "A\\u0000B"`,
        },
      ],
    });
    expect(await exists('nul-svc')).toBe(false);
  });

  it("refuse a control character in a link's post (BAD_USER_INPUT at the field)", async () => {
    const response = await postGraphQL(api.server.url, CreateLinkDocument, {
      input: { type: 'SERVES', start: 'kim', end: 'sis', post: 'Head\u001b[2J', sources: cite },
    });
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [{ file: 'input', field: 'post', message: ONE_LINE }],
    });
  });
});
