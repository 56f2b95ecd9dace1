import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/import/graphDocument.js';
import { firstDay, lastDay } from '../../src/model/index.js';
import {
  ChannelDetailDocument,
  ChannelPageDocument,
  ChannelPostingsDocument,
  CountryDetailDocument,
  CountryPageDocument,
  EntityNodeDocument,
  EntitySourcesDocument,
  OfficerDetailDocument,
  OfficerPageDocument,
  OfficerPenetrationsDocument,
  OperationDetailDocument,
  OperationPageDocument,
  OrganizationPageDocument,
  PenetrationPageDocument,
  SearchDocument,
  ServiceDetailDocument,
  ServicePageDocument,
} from '../generated/operations.js';
import { useTestApi } from '../support/testApi.js';
import { postGraphQL, postRaw, type GraphQLResponse } from '../support/http.js';
import {
  codeUnitOrder,
  entry,
  idsByName,
  penetrations,
  readHistorical,
} from './historicalDataset.js';

const api = useTestApi();
const doc = readHistorical();

/** Runs an operation over HTTP and returns its data, failing on any error. */
async function query<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const response = await postGraphQL(api.server.url, document, variables);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  if (response.data === undefined || response.data === null) throw new Error('no data');
  return response.data;
}

/** Runs an operation that must fail with exactly one error; returns the response and that error. */
async function refused<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<{
  response: GraphQLResponse<TData>;
  error: NonNullable<GraphQLResponse<TData>['errors']>[number];
}> {
  const response = await postGraphQL(api.server.url, document, variables);
  expect(response.errors).toHaveLength(1);
  const error = response.errors?.[0];
  if (error === undefined) throw new Error('no error');
  return { response, error };
}

/** The member of a `node` union with the given `__typename`, or a failed test. */
function as<T extends { __typename: string }, N extends T['__typename']>(
  value: T | null | undefined,
  typename: N,
): Extract<T, { __typename: N }> {
  if (value?.__typename !== typename)
    throw new Error(`expected a ${typename}, got ${JSON.stringify(value)}`);
  return value as Extract<T, { __typename: N }>;
}

/** What the API answers for citations as the YAML declares them. */
function expectedCitations(citations: readonly Citation[]) {
  return citations.map((citation) => {
    const source = entry(doc.sources, citation.source);
    return {
      lines: 'lines' in citation ? [...citation.lines] : null,
      quote: 'quote' in citation ? citation.quote : null,
      section: 'section' in citation ? citation.section : null,
      source: {
        id: source.id,
        title: source.title,
        author: source.author ?? null,
        date: source.date ?? null,
        publisher: source.publisher ?? null,
        url: source.url ?? null,
        file: source.file ?? null,
      },
    };
  });
}

/** Relationship fields list links by start date (unknown first), then the other end's id. */
function linkOrder<T>(
  rows: readonly T[],
  from: (row: T) => string | undefined,
  id: (row: T) => string,
): T[] {
  const key = (row: T): string => {
    const start = from(row);
    return start === undefined ? '' : firstDay(start);
  };
  return [...rows].sort((a, b) => codeUnitOrder(key(a), key(b)) || codeUnitOrder(id(a), id(b)));
}

/** A page of any connection. */
interface Page<E> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly E[];
}

/** Follows `endCursor` from the first page to the last; returns the edges of each page. */
async function collectPages<E>(
  fetchPage: (after: string | null) => Promise<Page<E>>,
): Promise<E[][]> {
  const pages: E[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    pages.push([...page.edges]);
    if (!page.pageInfo.hasNextPage) return pages;
    if (page.pageInfo.endCursor === null)
      throw new Error('a page with a next page has no endCursor');
    if (pages.length > 1000) throw new Error('paging does not end');
    after = page.pageInfo.endCursor;
  }
}

const philby = entry(doc.officers, 'kim-philby');
const serviceIdsBy = (keep: (s: (typeof doc.services)[number]) => boolean): string[] =>
  idsByName(doc.services.filter(keep));

describe('node(id)', () => {
  it.each([
    ['kim-philby', 'Officer', entry(doc.officers, 'kim-philby').name],
    ['sis', 'Service', entry(doc.services, 'sis').name],
    ['sis-cia', 'LiaisonChannel', entry(doc.channels, 'sis-cia').name],
    ['albania-infiltration', 'Operation', entry(doc.operations, 'albania-infiltration').name],
    ['gbr', 'Country', entry(doc.countries, 'gbr').name],
    ['al-qaeda', 'Organization', entry(doc.organizations, 'al-qaeda').name],
  ] as const)('resolves %s to a %s', async (id, typename, name) => {
    const { node } = await query(EntityNodeDocument, { id });
    expect(node).toEqual({
      __typename: typename,
      id,
      name,
      classification: 'UNCLASSIFIED',
      releasableTo: [],
    });
  });

  it('answers null for an id nothing has', async () => {
    expect(await query(EntityNodeDocument, { id: 'no-such-entity' })).toEqual({ node: null });
  });

  it('service(id) answers null for an entity that is not a service', async () => {
    expect(await query(ServiceDetailDocument, { id: 'kim-philby' })).toEqual({ service: null });
  });

  it('answers null for a source id, which is not an entity', async () => {
    expect(await query(EntityNodeDocument, { id: 'wp-kim-philby' })).toEqual({ node: null });
  });
});

describe('relationship fields', () => {
  it("give Philby's nationality, service, posting, penetrations and operation as the YAML declares them", async () => {
    const officer = as((await query(OfficerDetailDocument, { id: 'kim-philby' })).node, 'Officer');
    expect(officer.name).toBe(philby.name);
    expect(officer.aliases).toEqual(philby.aliases);
    expect(officer.born).toBe(philby.born);
    expect(officer.died).toBe(philby.died);
    expect(officer.nationality).toEqual({ id: 'gbr', code: 'GBR' });
    expect(philby.nationality).toBe('gbr');

    expect(officer.services).toEqual(
      (philby.serves ?? []).map((s) => ({
        id: `kim-philby/SERVES/${s.service}`,
        type: 'SERVES',
        role: s.role ?? null,
        from: s.from ?? null,
        to: s.to ?? null,
        officer: { id: 'kim-philby' },
        service: { id: s.service },
      })),
    );

    const posting = philby.postedTo?.[0];
    expect(philby.postedTo).toHaveLength(1);
    expect(posting).toMatchObject({ channel: 'sis-cia', from: '1949', to: '1951' });
    expect(officer.postings).toEqual([
      {
        id: 'kim-philby/POSTED_TO/sis-cia',
        type: 'POSTED_TO',
        post: posting?.post,
        from: '1949',
        to: '1951',
        officer: { id: 'kim-philby' },
        channel: { id: 'sis-cia', name: entry(doc.channels, 'sis-cia').name },
        sources: expectedCitations(posting?.sources ?? []).map(({ source, ...rest }) => ({
          ...rest,
          source: { id: source.id, file: source.file, url: source.url },
        })),
      },
    ]);

    const declared = penetrations(doc).filter((p) => p.agent === 'kim-philby');
    // One recruitment, by the NKVD; the MGB and KGB carried it on by SUCCEEDED, not by AGENT_OF.
    expect(declared.map((p) => [p.end, p.from, p.to])).toEqual([['nkvd', '1934', '1963-01']]);
    expect(officer.penetrations).toEqual(
      declared.map((p) => ({
        id: p.id,
        type: 'AGENT_OF',
        kind: p.kind,
        confidence: p.confidence,
        from: p.from,
        to: p.to,
        window: { from: p.from, to: p.to },
        agent: { id: 'kim-philby' },
        service: { id: p.end, acronym: entry(doc.services, p.end).acronym ?? null },
        organization: null,
      })),
    );

    const operations = doc.operations.flatMap((op) =>
      (op.participants ?? [])
        .filter((p) => p.officer === 'kim-philby')
        .map((p) => ({ role: p.role ?? null, operation: { id: op.id } })),
    );
    expect(operations.map((o) => o.operation.id)).toEqual(['albania-infiltration']);
    expect(officer.operations).toEqual(operations);
  });

  it('give an insider penetration its organization and no service', async () => {
    const officer = as(
      (await query(OfficerDetailDocument, { id: 'chelsea-manning' })).node,
      'Officer',
    );
    expect(officer.penetrations).toEqual([
      expect.objectContaining({
        id: 'chelsea-manning/AGENT_OF/wikileaks',
        kind: 'INSIDER',
        service: null,
        organization: { id: 'wikileaks' },
      }),
    ]);
  });

  it('give sis-cia its parties (SIS and CIA), its posting and the operations run through it', async () => {
    const yaml = entry(doc.channels, 'sis-cia');
    const channel = as(
      (await query(ChannelDetailDocument, { id: 'sis-cia' })).node,
      'LiaisonChannel',
    );
    expect([yaml.scope, yaml.form]).toEqual(['BILATERAL', 'RELATIONAL']);
    expect(channel).toMatchObject({
      name: yaml.name,
      aliases: yaml.aliases,
      scope: 'BILATERAL',
      form: 'RELATIONAL',
      structure: null,
      disciplines: yaml.disciplines,
      sharing: null,
      thirdPartyRule: null,
      from: null,
      to: null,
    });
    expect(channel.parties.map((p) => p.service.id).sort()).toEqual(['cia', 'sis']);
    expect(channel.parties).toEqual(
      linkOrder(
        yaml.parties ?? [],
        (p) => p.from,
        (p) => p.service,
      ).map((p) => ({
        id: `${p.service}/PARTY_TO/sis-cia`,
        type: 'PARTY_TO',
        role: p.role ?? null,
        from: p.from ?? null,
        to: p.to ?? null,
        service: { id: p.service, acronym: entry(doc.services, p.service).acronym ?? null },
        channel: { id: 'sis-cia' },
      })),
    );
    expect(channel.postings).toEqual([
      { id: 'kim-philby/POSTED_TO/sis-cia', officer: { id: 'kim-philby' } },
    ]);
    const through = doc.operations.filter((op) =>
      (op.through ?? []).some((t) => t.channel === 'sis-cia'),
    );
    expect(channel.operations).toEqual(
      linkOrder(
        through,
        (op) => op.from,
        (op) => op.id,
      ).map((op) => ({
        id: `${op.id}/THROUGH/sis-cia`,
        operation: { id: op.id },
        channel: { id: 'sis-cia' },
      })),
    );
    expect(channel.operations.map((o) => o.operation.id)).toContain('albania-infiltration');
  });

  it('give albania-infiltration the services that conducted it, its channel, people and target', async () => {
    const yaml = entry(doc.operations, 'albania-infiltration');
    const operation = as(
      (await query(OperationDetailDocument, { id: 'albania-infiltration' })).node,
      'Operation',
    );
    expect(operation).toMatchObject({
      name: yaml.name,
      codename: 'VALUABLE',
      aliases: yaml.aliases,
      summary: yaml.summary,
      outcome: yaml.outcome,
      from: '1949',
      to: '1954',
    });
    // CONDUCTED links have no window of their own: all share the operation's, so by service id.
    expect(operation.conductedBy).toEqual(
      [...(yaml.conductedBy ?? [])]
        .sort((a, b) => codeUnitOrder(a.service, b.service))
        .map((c) => ({
          id: `${c.service}/CONDUCTED/albania-infiltration`,
          type: 'CONDUCTED',
          role: c.role ?? null,
          service: { id: c.service },
          operation: { id: 'albania-infiltration' },
        })),
    );
    expect(operation.conductedBy.map((c) => c.service.id)).toContain('sis');
    expect(operation.channels).toEqual([
      { id: 'albania-infiltration/THROUGH/sis-cia', type: 'THROUGH', channel: { id: 'sis-cia' } },
    ]);
    expect(operation.participants).toEqual(
      [...(yaml.participants ?? [])]
        .sort((a, b) => codeUnitOrder(a.officer, b.officer))
        .map((p) => ({ role: p.role ?? null, officer: { id: p.officer } })),
    );
    expect(operation.targets).toEqual([
      {
        id: 'albania-infiltration/TARGETED/alb',
        target: { __typename: 'Country', id: 'alb' },
      },
    ]);
  });

  it('give a targeted service and country as Target members of their own type', async () => {
    const operation = as(
      (await query(OperationDetailDocument, { id: 'penkovsky-handling' })).node,
      'Operation',
    );
    expect(operation.targets.map((t) => t.target)).toEqual([
      { __typename: 'Service', id: 'gru' },
      { __typename: 'Country', id: 'sun' },
    ]);
  });

  it('agree in both directions: Service.channels and LiaisonChannel.parties name the same links', async () => {
    const service = (await query(ServiceDetailDocument, { id: 'sis' })).service;
    const declared = doc.channels
      .filter((c) => (c.parties ?? []).some((p) => p.service === 'sis'))
      .map((c) => c.id);
    expect(declared).toEqual(expect.arrayContaining(['sis-cia', 'five-eyes']));
    expect(service?.channels.map((c) => c.channel.id).sort()).toEqual([...declared].sort());
    for (const membership of service?.channels ?? []) {
      expect(membership.service).toEqual({ id: 'sis' });
      const channel = as(
        (await query(ChannelDetailDocument, { id: membership.channel.id })).node,
        'LiaisonChannel',
      );
      const party = channel.parties.find((p) => p.service.id === 'sis');
      expect(party).toMatchObject({ id: membership.id, role: membership.role });
    }
  });

  it('agree in both directions for officers, agents, operations and successions of a service', async () => {
    const sis = (await query(ServiceDetailDocument, { id: 'sis' })).service;
    expect(sis).toMatchObject({
      name: 'Secret Intelligence Service',
      acronym: 'SIS',
      aliases: ['MI6'],
      kind: 'FOREIGN_INTELLIGENCE',
      from: '1909',
      to: null,
      country: { id: 'gbr', code: 'GBR' },
    });
    const servedBy = doc.officers.filter((o) => (o.serves ?? []).some((s) => s.service === 'sis'));
    expect(sis?.officers.map((e) => e.officer.id).sort()).toEqual(servedBy.map((o) => o.id).sort());
    expect(sis?.agents.map((p) => p.id).sort()).toEqual(
      penetrations(doc)
        .filter((p) => p.end === 'sis')
        .map((p) => p.id)
        .sort(),
    );
    expect(sis?.operations.map((c) => c.operation.id).sort()).toEqual(
      doc.operations
        .filter((op) => (op.conductedBy ?? []).some((c) => c.service === 'sis'))
        .map((op) => op.id)
        .sort(),
    );
    for (const agent of sis?.agents ?? []) {
      const officer = as(
        (await query(OfficerDetailDocument, { id: agent.agent.id })).node,
        'Officer',
      );
      expect(officer.penetrations.map((p) => p.id)).toContain(agent.id);
    }

    const mgb = (await query(ServiceDetailDocument, { id: 'mgb' })).service;
    expect(mgb?.predecessors).toEqual([
      {
        id: 'mgb/SUCCEEDED/nkvd',
        from: entry(doc.services, 'mgb').succeeded?.[0]?.from,
        successor: { id: 'mgb' },
        predecessor: { id: 'nkvd' },
      },
    ]);
    expect(mgb?.successors).toEqual([
      {
        id: 'kgb/SUCCEEDED/mgb',
        from: entry(doc.services, 'kgb').succeeded?.find((s) => s.service === 'mgb')?.from,
        successor: { id: 'kgb' },
        predecessor: { id: 'mgb' },
      },
    ]);
  });

  it('give a country its services, organizations, nationals and the operations that targeted it', async () => {
    const gbr = as((await query(CountryDetailDocument, { id: 'gbr' })).node, 'Country');
    const byId = (ids: string[]) => ids.sort(codeUnitOrder).map((id) => ({ id }));
    expect(gbr).toEqual({
      __typename: 'Country',
      id: 'gbr',
      name: entry(doc.countries, 'gbr').name,
      code: 'GBR',
      services: byId(doc.services.filter((s) => s.country === 'gbr').map((s) => s.id)),
      organizations: byId(doc.organizations.filter((o) => o.country === 'gbr').map((o) => o.id)),
      nationals: byId(doc.officers.filter((o) => o.nationality === 'gbr').map((o) => o.id)),
      targetedBy: [],
    });
    const sun = as((await query(CountryDetailDocument, { id: 'sun' })).node, 'Country');
    const targeting = doc.operations.filter((op) =>
      (op.targeted ?? []).some((t) => t.target === 'sun'),
    );
    expect(sun.targetedBy).toEqual(
      linkOrder(
        targeting,
        (op) => op.from,
        (op) => op.id,
      ).map((op) => ({
        operation: { id: op.id },
      })),
    );
  });
});

describe('time arguments of relationship fields', () => {
  // Hanssen approached Soviet intelligence twice: the GRU (1979 to 1981) and the KGB (1985-10
  // to his arrest on 2001-02-18), so his penetrations are two windows with a gap between them.
  const hanssenPenetrations = async (variables: {
    at?: string;
    during?: { from?: string; to?: string };
  }): Promise<string[]> => {
    const { node } = await query(OfficerPenetrationsDocument, {
      id: 'robert-hanssen',
      ...variables,
    });
    return as(node, 'Officer').penetrations.map((p) => p.service?.id ?? '');
  };
  const channelPostings = async (
    id: string,
    variables: { at?: string; during?: { from?: string; to?: string } },
  ): Promise<string[]> => {
    const { node } = await query(ChannelPostingsDocument, { id, ...variables });
    return as(node, 'LiaisonChannel').postings.map((p) => p.officer.id);
  };

  it("reads Hanssen's two penetrations from the YAML", () => {
    expect(
      (entry(doc.officers, 'robert-hanssen').agentOf ?? []).map((a) => [a.service, a.from, a.to]),
    ).toEqual([
      ['gru', '1979', '1981'],
      ['kgb', '1985-10', '2001-02-18'],
    ]);
  });

  it('at: "1980" keeps only the penetration in force that year (the GRU)', async () => {
    expect(await hanssenPenetrations({})).toEqual(['gru', 'kgb']);
    expect(await hanssenPenetrations({ at: '1980' })).toEqual(['gru']);
    expect(await hanssenPenetrations({ at: '1990' })).toEqual(['kgb']);
    expect(await hanssenPenetrations({ at: '1983' })).toEqual([]);
  });

  it('at a month keeps every penetration whose window covers part of it', async () => {
    // The KGB window ends on 2001-02-18: it covers part of February 2001, and not the 19th.
    expect(await hanssenPenetrations({ at: '2001-02' })).toEqual(['kgb']);
    expect(await hanssenPenetrations({ at: '2001-02-18' })).toEqual(['kgb']);
    expect(await hanssenPenetrations({ at: '2001-02-19' })).toEqual([]);
    // "to: 1981" may be any day of 1981, so December 1981 is covered and January 1982 is not.
    expect(await hanssenPenetrations({ at: '1981-12' })).toEqual(['gru']);
    expect(await hanssenPenetrations({ at: '1982-01' })).toEqual([]);
    // "from: 1985-10" may be any day of October 1985: its first day is covered, September not.
    expect(await hanssenPenetrations({ at: '1985-10-01' })).toEqual(['kgb']);
    expect(await hanssenPenetrations({ at: '1985-09' })).toEqual([]);
  });

  it('during: a window keeps the links overlapping it, open ends included', async () => {
    expect(await hanssenPenetrations({ during: { from: '1981', to: '1985-10' } })).toEqual([
      'gru',
      'kgb',
    ]);
    expect(await hanssenPenetrations({ during: { from: '1982', to: '1985-09' } })).toEqual([]);
    expect(await hanssenPenetrations({ during: { from: '1982' } })).toEqual(['kgb']);
    expect(await hanssenPenetrations({ during: { to: '1985-09' } })).toEqual(['gru']);
    expect(await hanssenPenetrations({ during: { to: '1985-10' } })).toEqual(['gru', 'kgb']);
    expect(await hanssenPenetrations({ during: { from: '2001-02-19' } })).toEqual([]);
  });

  it("LiaisonChannel.postings during 1952-1960 excludes Philby's 1949-51 posting", async () => {
    expect(await channelPostings('sis-cia', {})).toEqual(['kim-philby']);
    expect(await channelPostings('sis-cia', { during: { from: '1952', to: '1960' } })).toEqual([]);
    expect(await channelPostings('sis-cia', { during: { from: '1951', to: '1960' } })).toEqual([
      'kim-philby',
    ]);
  });

  it('LiaisonChannel.postings during a window keeps open-ended postings and drops later ones', async () => {
    const all = entry(doc.officers, 'john-scali').postedTo?.[0];
    expect(all).toMatchObject({ channel: 'us-soviet-1962', from: '1962-10' });
    expect(
      await channelPostings('us-soviet-1962', { during: { from: '1961', to: '1962-09' } }),
    ).toEqual(['georgi-bolshakov', 'robert-f-kennedy']);
    const declared = doc.officers.flatMap((o) =>
      (o.postedTo ?? [])
        .filter((p) => p.channel === 'us-soviet-1962')
        .map((p) => ({ officer: o.id, from: p.from })),
    );
    expect(await channelPostings('us-soviet-1962', { at: '1962-10-27' })).toEqual(
      linkOrder(
        declared,
        (p) => p.from,
        (p) => p.officer,
      ).map((p) => p.officer),
    );
    expect(await channelPostings('us-soviet-1962', { at: '1962-10-27' })).toEqual([
      'georgi-bolshakov',
      'robert-f-kennedy',
      'aleksandr-feklisov',
      'john-scali',
    ]);
  });

  it('refuses a window that ends before it starts with BAD_USER_INPUT', async () => {
    const { response, error } = await refused(ChannelPostingsDocument, {
      id: 'sis-cia',
      during: { from: '1960', to: '1952' },
    });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ node: null });
    expect(error).toEqual({
      message: "'during' ends (1952) before it starts (1960); give from <= to.",
      path: ['node', 'postings'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'during' },
    });
  });

  it('refuses at and during together with BAD_USER_INPUT', async () => {
    const { error } = await refused(OfficerPenetrationsDocument, {
      id: 'kim-philby',
      at: '1950',
      during: { from: '1949', to: '1951' },
    });
    expect(error).toEqual({
      message: "Give either 'at' (one date) or 'during' (a window), not both.",
      path: ['node', 'penetrations'],
      extensions: { code: 'BAD_USER_INPUT', arguments: ['at', 'during'] },
    });
  });
});

describe('PartialDate', () => {
  it('refuses month 13 in a variable with BAD_USER_INPUT and the reason', async () => {
    const { response, error } = await refused(OfficerPenetrationsDocument, {
      id: 'kim-philby',
      at: '1949-13',
    });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(error.message).toContain('month 13 is not 01-12');
    expect(error.message).toBe(
      'Variable "$at" got invalid value "1949-13"; Expected type "PartialDate". PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1949, 1949-10, 1949-10-01); got "1949-13": month 13 is not 01-12.',
    );
  });

  it('refuses 30 February inside a window variable', async () => {
    const { error } = await refused(ChannelPostingsDocument, {
      id: 'sis-cia',
      during: { from: '1949-02-30' },
    });
    expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('got "1949-02-30": day 30 is not 01-28 in 1949-02.');
  });

  it('refuses a malformed literal in the operation text', async () => {
    const response = await postRaw(
      api.server.url,
      JSON.stringify({
        query:
          '{ node(id: "kim-philby") { ... on Officer { penetrations(at: "1949-13") { id } } } }',
      }),
    );
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.message).toContain(
      'PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1949, 1949-10, 1949-10-01); got "1949-13": month 13 is not 01-12.',
    );
  });
});

describe('sources', () => {
  it.each([
    ['kim-philby', philby.sources],
    ['sis', entry(doc.services, 'sis').sources],
    ['sis-cia', entry(doc.channels, 'sis-cia').sources],
    ['albania-infiltration', entry(doc.operations, 'albania-infiltration').sources],
    ['pira', entry(doc.organizations, 'pira').sources],
  ] as const)('of %s resolve to their Source records', async (id, citations) => {
    const { node } = await query(EntitySourcesDocument, { id });
    expect(node?.sources).toEqual(expectedCitations(citations));
  });

  it('give documents a file, lines and a quote, and references a url and a section', async () => {
    const { node } = await query(EntitySourcesDocument, { id: 'kim-philby' });
    expect(node?.sources).toEqual([
      expect.objectContaining({
        lines: [331, 334],
        quote: expect.stringContaining('Philby’s recruitment by the KGB') as unknown,
        section: null,
        source: expect.objectContaining({
          id: 'liaison-benefits-risks',
          file: '001_5218ed9ecd2f1255.txt',
          url: null,
        }) as unknown,
      }),
      expect.objectContaining({
        lines: null,
        quote: null,
        section: 'Lead section',
        source: expect.objectContaining({
          id: 'wp-kim-philby',
          title: 'Kim Philby',
          url: 'https://en.wikipedia.org/wiki/Kim_Philby',
          file: null,
        }) as unknown,
      }),
    ]);
  });
});

describe('connections', () => {
  it('count every entry of each list as the YAML files do', async () => {
    const counts = {
      services: (await query(ServicePageDocument, { first: 1 })).services.totalCount,
      officers: (await query(OfficerPageDocument, { first: 1 })).officers.totalCount,
      channels: (await query(ChannelPageDocument, { first: 1 })).channels.totalCount,
      operations: (await query(OperationPageDocument, { first: 1 })).operations.totalCount,
      organizations: (await query(OrganizationPageDocument, { first: 1 })).organizations.totalCount,
      countries: (await query(CountryPageDocument, { first: 1 })).countries.totalCount,
      penetrations: (await query(PenetrationPageDocument, { first: 1 })).penetrations.totalCount,
    };
    expect(counts).toEqual({
      services: doc.services.length,
      officers: doc.officers.length,
      channels: doc.channels.length,
      operations: doc.operations.length,
      organizations: doc.organizations.length,
      countries: doc.countries.length,
      penetrations: penetrations(doc).length,
    });
  });

  it('list each kind of entity in name order by default', async () => {
    const first = 500;
    expect(
      (await query(OfficerPageDocument, { first })).officers.edges.map((e) => e.node.id),
    ).toEqual(idsByName(doc.officers));
    expect(
      (await query(ChannelPageDocument, { first })).channels.edges.map((e) => e.node.id),
    ).toEqual(idsByName(doc.channels));
    expect(
      (await query(OperationPageDocument, { first })).operations.edges.map((e) => e.node.id),
    ).toEqual(idsByName(doc.operations));
    expect(
      (await query(OrganizationPageDocument, { first })).organizations.edges.map((e) => e.node.id),
    ).toEqual(idsByName(doc.organizations));
    expect(
      (await query(CountryPageDocument, { first })).countries.edges.map((e) => e.node.id),
    ).toEqual(idsByName(doc.countries));
  });

  it('page through every service exactly once, in name order, with first: 7', async () => {
    const pages = await collectPages(async (after) => {
      const { services } = await query(ServicePageDocument, { first: 7, after });
      expect(services.totalCount).toBe(doc.services.length);
      expect(services.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(services.pageInfo.startCursor).toBe(services.edges[0]?.cursor);
      expect(services.pageInfo.endCursor).toBe(services.edges.at(-1)?.cursor);
      return services;
    });
    expect(pages.map((page) => page.length)).toEqual([
      ...Array<number>(Math.floor(doc.services.length / 7)).fill(7),
      ...(doc.services.length % 7 === 0 ? [] : [doc.services.length % 7]),
    ]);
    const seen = pages.flat().map((e) => e.node.id);
    expect(seen).toEqual(idsByName(doc.services));
    expect(new Set(seen).size).toBe(doc.services.length);
  });

  it('order by id descending, and page that order by its own cursors', async () => {
    const descending = doc.services.map((s) => s.id).sort((a, b) => codeUnitOrder(b, a));
    const orderBy = { field: 'ID', direction: 'DESC' } as const;
    const all = (await query(ServicePageDocument, { first: 500, orderBy })).services;
    expect(all.edges.map((e) => e.node.id)).toEqual(descending);
    expect(all.pageInfo.hasNextPage).toBe(false);

    const firstPage = (await query(ServicePageDocument, { first: 10, orderBy })).services;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = (
      await query(ServicePageDocument, { first: 10, orderBy, after: firstPage.pageInfo.endCursor })
    ).services;
    expect(secondPage.edges.map((e) => e.node.id)).toEqual(descending.slice(10, 20));
  });

  it('order operations by start date, unknown starts last, across pages', async () => {
    const key = (from: string | undefined): string => (from === undefined ? '~' : firstDay(from));
    const expected = [...doc.operations]
      .sort((a, b) => codeUnitOrder(key(a.from), key(b.from)) || codeUnitOrder(a.id, b.id))
      .map((op) => op.id);
    const pages = await collectPages(
      async (after) =>
        (await query(OperationPageDocument, { first: 4, after, orderBy: { field: 'FROM' } }))
          .operations,
    );
    const seen = pages.flat().map((e) => e.node.id);
    expect(seen).toEqual(expected);
    // The dataset has operations without a start; they must come after every dated one.
    expect(entry(doc.operations, seen.at(-1) ?? '').from).toBeUndefined();
    expect(entry(doc.operations, seen[0] ?? '').from).toBeDefined();
  });

  it('filter services by kind', async () => {
    const { services } = await query(ServicePageDocument, {
      first: 500,
      filter: { kinds: ['SIGINT'] },
    });
    const expected = serviceIdsBy((s) => s.kind === 'SIGINT');
    expect(expected.length).toBeGreaterThan(0);
    expect(services.edges.map((e) => e.node.id)).toEqual(expected);
    expect(services.totalCount).toBe(expected.length);
    expect(services.edges.every((e) => e.node.kind === 'SIGINT')).toBe(true);
  });

  it('filter services by country', async () => {
    const { services } = await query(ServicePageDocument, {
      first: 500,
      filter: { country: 'gbr' },
    });
    const expected = serviceIdsBy((s) => s.country === 'gbr');
    expect(services.edges.map((e) => e.node.id)).toEqual(expected);
    expect(services.totalCount).toBe(expected.length);
    expect(services.edges.every((e) => e.node.country?.id === 'gbr')).toBe(true);
  });

  it('filter services by text, case-insensitively, in names, acronyms and aliases', async () => {
    const matches = (needle: string) =>
      serviceIdsBy((s) =>
        [s.name, s.acronym ?? '', ...(s.aliases ?? [])].some((t) =>
          t.toLowerCase().includes(needle),
        ),
      );
    const intelligence = await query(ServicePageDocument, {
      first: 500,
      filter: { text: 'INTELLIGENCE' },
    });
    expect(intelligence.services.edges.map((e) => e.node.id)).toEqual(matches('intelligence'));
    expect(intelligence.services.totalCount).toBe(matches('intelligence').length);
    const mi6 = await query(ServicePageDocument, { first: 500, filter: { text: 'mi6' } });
    expect(mi6.services.edges.map((e) => e.node.id)).toEqual(['sis']);
  });

  it('filter services that existed during a window (unknown dates count as possible)', async () => {
    const window = { from: '1950', to: '1950' };
    const { services } = await query(ServicePageDocument, {
      first: 500,
      filter: { during: window },
    });
    const expected = serviceIdsBy(
      (s) =>
        (s.to === undefined || lastDay(s.to) >= '1950-01-01') &&
        (s.from === undefined || firstDay(s.from) <= '1950-12-31'),
    );
    expect(services.edges.map((e) => e.node.id)).toEqual(expected);
    expect(expected).toContain('mgb');
    expect(expected).not.toContain('kgb');
  });

  it('filter channels by scope and by the country of a party', async () => {
    const multilateral = await query(ChannelPageDocument, {
      first: 500,
      filter: { scope: 'MULTILATERAL' },
    });
    const expected = idsByName(doc.channels.filter((c) => c.scope === 'MULTILATERAL'));
    expect(multilateral.channels.edges.map((e) => e.node.id)).toEqual(expected);
    expect(multilateral.channels.totalCount).toBe(expected.length);

    const british = new Set(doc.services.filter((s) => s.country === 'gbr').map((s) => s.id));
    const withBritishParty = idsByName(
      doc.channels.filter((c) => (c.parties ?? []).some((p) => british.has(p.service))),
    );
    const gbr = await query(ChannelPageDocument, { first: 500, filter: { country: 'gbr' } });
    expect(gbr.channels.edges.map((e) => e.node.id)).toEqual(withBritishParty);
  });

  it('filter officers and operations by text in names, aliases and codenames', async () => {
    const officers = await query(OfficerPageDocument, { first: 500, filter: { text: 'Philby' } });
    expect(officers.officers.edges.map((e) => e.node.id)).toEqual(['kim-philby']);
    const operations = await query(OperationPageDocument, {
      first: 500,
      filter: { text: 'valuable' },
    });
    expect(operations.operations.edges.map((e) => e.node.id)).toEqual(['albania-infiltration']);
  });

  it('filter organizations by kind', async () => {
    const { organizations } = await query(OrganizationPageDocument, {
      first: 500,
      filter: { kinds: ['MEDIA'] },
    });
    expect(organizations.edges.map((e) => e.node.id)).toEqual(
      idsByName(doc.organizations.filter((o) => o.kind === 'MEDIA')),
    );
  });

  it("filter penetrations by agent: Hanssen's two, ordered by start", async () => {
    const { penetrations: page } = await query(PenetrationPageDocument, {
      filter: { agent: 'robert-hanssen' },
    });
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e) => e.node)).toEqual(
      penetrations(doc)
        .filter((p) => p.agent === 'robert-hanssen')
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          confidence: p.confidence,
          from: p.from,
          to: p.to,
          agent: { id: 'robert-hanssen' },
          service: { id: p.end },
          organization: null,
        })),
    );
    expect(page.edges.map((e) => [e.node.service?.id, e.node.from])).toEqual([
      ['gru', '1979'],
      ['kgb', '1985-10'],
    ]);
  });

  it('filter penetrations by kind: insiders end at organizations', async () => {
    const { penetrations: page } = await query(PenetrationPageDocument, {
      filter: { kinds: ['INSIDER'] },
    });
    const expected = penetrations(doc).filter((p) => p.kind === 'INSIDER');
    expect(page.totalCount).toBe(expected.length);
    expect(page.edges.map((e) => [e.node.id, e.node.organization?.id, e.node.service])).toEqual(
      expected.map((p) => [p.id, p.end, null]),
    );
  });

  it('page through every penetration in start order, unknown starts last', async () => {
    const pages = await collectPages(
      async (after) => (await query(PenetrationPageDocument, { first: 5, after })).penetrations,
    );
    expect(pages.length).toBe(Math.ceil(penetrations(doc).length / 5));
    const seen = pages.flat().map((e) => e.node.id);
    expect(seen).toEqual(penetrations(doc).map((p) => p.id));
  });
});

describe('bad connection arguments', () => {
  it.each([0, 501])(
    'refuses first: %i with BAD_USER_INPUT and the allowed range',
    async (first) => {
      const { response, error } = await refused(ServicePageDocument, { first });
      expect(response.data).toBeNull();
      expect(error).toEqual({
        message: `'first' must be from 1 to 500 (PAGE_MAX_SIZE); got ${first}.`,
        path: ['services'],
        extensions: {
          code: 'BAD_USER_INPUT',
          limit: 'PAGE_MAX_SIZE',
          argument: 'first',
          min: 1,
          max: 500,
        },
      });
    },
  );

  it('refuses a garbage cursor with BAD_USER_INPUT', async () => {
    const { error } = await refused(ServicePageDocument, { after: 'not-a-cursor' });
    expect(error).toEqual({
      message:
        "'after' is not a cursor of this list; pass the 'endCursor' or an edge 'cursor' of a previous page. Got \"not-a-cursor\".",
      path: ['services'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
  });

  it('refuses a cursor of the name order used with the id order', async () => {
    const byName = await query(ServicePageDocument, { first: 2 });
    const { error } = await refused(ServicePageDocument, {
      first: 2,
      after: byName.services.pageInfo.endCursor,
      orderBy: { field: 'ID' },
    });
    expect(error).toEqual({
      message:
        "'after' is a cursor of another list or ordering (Service:NAME:ASC); this list is ordered by Service:ID:ASC. Start again without 'after'.",
      path: ['services'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
  });

  it('refuses a service cursor on the officers list', async () => {
    const services = await query(ServicePageDocument, { first: 2 });
    const { error } = await refused(OfficerPageDocument, {
      first: 2,
      after: services.services.pageInfo.endCursor,
    });
    expect(error.message).toBe(
      "'after' is a cursor of another list or ordering (Service:NAME:ASC); this list is ordered by Officer:NAME:ASC. Start again without 'after'.",
    );
  });
});

describe('search', () => {
  it('ranks Kim Philby first for "philby"', async () => {
    const { search } = await query(SearchDocument, { text: 'philby' });
    expect(search[0]?.entity).toEqual({
      __typename: 'Officer',
      id: 'kim-philby',
      name: 'Kim Philby',
    });
    expect(search[0]?.score).toBeGreaterThan(0);
    const scores = search.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds a word by its prefix', async () => {
    const { search } = await query(SearchDocument, { text: 'phil' });
    expect(search.map((hit) => hit.entity.id)).toContain('kim-philby');
  });

  it('finds SIS by its alias MI6', async () => {
    const { search } = await query(SearchDocument, { text: 'MI6' });
    expect(search[0]?.entity).toEqual({
      __typename: 'Service',
      id: 'sis',
      name: 'Secret Intelligence Service',
    });
  });

  it('treats Lucene syntax as plain words instead of failing', async () => {
    const response = await postGraphQL(api.server.url, SearchDocument, { text: 'kim" OR (' });
    expect(response.errors).toBeUndefined();
    expect(Array.isArray(response.data?.search)).toBe(true);
    const quoted = await query(SearchDocument, { text: 'philby"' });
    expect(quoted.search[0]?.entity.id).toBe('kim-philby');
  });

  // Regression guard for src/cypher/search.ts: `luceneQuery` escapes "(" or "*" into a required
  // clause that no analysed token can match, so one stray symbol empties the whole result.
  it.each(['philby (', 'philby *', 'kim" OR ('])(
    'finds Kim Philby for %j: a word made only of Lucene punctuation is ignored, not required',
    async (text) => {
      const { search } = await query(SearchDocument, { text });
      expect(search.map((hit) => hit.entity.id)).toContain('kim-philby');
    },
  );

  it('limits the hits to first', async () => {
    const { search } = await query(SearchDocument, { text: 'intelligence', first: 3 });
    expect(search).toHaveLength(3);
  });

  it.each(['', '   ', 'OR'])(
    'refuses text %j that has no word with BAD_USER_INPUT',
    async (text) => {
      const { error } = await refused(SearchDocument, { text });
      expect(error).toEqual({
        message: `'text' must contain at least one word to search for; got ${JSON.stringify(text)}.`,
        path: ['search'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'text' },
      });
    },
  );

  it('refuses first: 101 with the search range', async () => {
    const { error } = await refused(SearchDocument, { text: 'philby', first: 101 });
    expect(error.message).toBe("'first' must be from 1 to 100; got 101.");
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      min: 1,
      max: 100,
    });
  });
});
