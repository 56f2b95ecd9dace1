import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HISTORICAL_DIR, readGraphFiles, SECTION_NAMES } from '../../src/import/index.js';

/**
 * The historical dataset read as its YAML files say it (plain `yaml`, no schema): these checks
 * hold the data to the README's rules whatever the loader accepts, so a fact without a source,
 * an undocumented typology value or a penetration re-dated at a renaming fails here first.
 */

type Entry = Readonly<Record<string, unknown>>;

const DOCUMENTS_DIR = path.join(HISTORICAL_DIR, '..', 'documents');

const asList = (value: unknown): Entry[] =>
  Array.isArray(value) ? value.filter((v): v is Entry => typeof v === 'object' && v !== null) : [];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const dataset: Record<string, Entry[]> = Object.fromEntries(
  SECTION_NAMES.map((section) => [
    section,
    asList(parse(readFileSync(path.join(HISTORICAL_DIR, `${section}.yaml`), 'utf8'))),
  ]),
);
const section = (name: string): Entry[] => dataset[name] ?? [];

/** Link lists an entity may declare, each naming its far end under one key. */
const LINK_LISTS = [
  'serves',
  'postedTo',
  'agentOf',
  'parties',
  'conductedBy',
  'through',
  'participants',
  'targeted',
  'succeeded',
  'partOf',
] as const;

const ENTITY_SECTIONS = SECTION_NAMES.filter((name) => name !== 'sources');
const entityIds = new Set(
  ENTITY_SECTIONS.flatMap((name) => section(name).map((e) => text(e['id']) ?? '')),
);
const sourceIds = new Set(section('sources').map((s) => text(s['id']) ?? ''));

/** Every entity and every link it declares, with a readable place for failure messages. */
function factsWithPlaces(): { place: string; fact: Entry }[] {
  return ENTITY_SECTIONS.flatMap((name) =>
    section(name).flatMap((entity) => {
      const id = text(entity['id']) ?? '?';
      return [
        { place: `${name}.yaml ${id}`, fact: entity },
        ...LINK_LISTS.flatMap((list) =>
          asList(entity[list]).map((link, i) => ({
            place: `${name}.yaml ${id} ${list}[${i}]`,
            fact: link,
          })),
        ),
      ];
    }),
  );
}

describe('the historical dataset is sourced', () => {
  it('quotes every document verbatim at its cited lines (whitespace collapsed)', () => {
    // The loader's own check (readGraphFiles) throws an ImportError listing every bad quote.
    expect(() => readGraphFiles(HISTORICAL_DIR)).not.toThrow();
  });

  it('gives every entity and every link at least one citation of a registered source', () => {
    const problems: string[] = [];
    for (const { place, fact } of factsWithPlaces()) {
      const citations = asList(fact['sources']);
      if (citations.length === 0) problems.push(`${place}: no sources`);
      for (const citation of citations) {
        const source = text(citation['source']) ?? '';
        if (!sourceIds.has(source)) problems.push(`${place}: cites unknown source "${source}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('registers every source with its kind and the bibliographic fields the kind needs', () => {
    const problems: string[] = [];
    for (const source of section('sources')) {
      const id = text(source['id']) ?? '?';
      const kind = text(source['kind']);
      if (text(source['title']) === undefined) problems.push(`${id}: no title`);
      if (kind === 'DOCUMENT') {
        const file = text(source['file']);
        if (file === undefined || !existsSync(path.join(DOCUMENTS_DIR, file)))
          problems.push(`${id}: a DOCUMENT needs a file in seed/documents/`);
      } else if (kind === 'EXTERNAL') {
        if (text(source['publisher']) === undefined) problems.push(`${id}: no publisher`);
        if (text(source['url']) === undefined) problems.push(`${id}: no url`);
        if (source['file'] !== undefined) problems.push(`${id}: an EXTERNAL source has no file`);
      } else {
        problems.push(`${id}: kind is ${String(kind)}, expected DOCUMENT or EXTERNAL`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cites every source it registers', () => {
    const cited = new Set(
      factsWithPlaces().flatMap(({ fact }) =>
        asList(fact['sources']).map((citation) => text(citation['source'])),
      ),
    );
    expect([...sourceIds].filter((id) => !cited.has(id))).toEqual([]);
  });

  it('cites a document that supports the typology wherever a channel has a form', () => {
    const documents = new Set(
      section('sources')
        .filter((s) => s['kind'] === 'DOCUMENT')
        .map((s) => text(s['id'])),
    );
    const problems = section('channels')
      .filter((channel) => channel['form'] !== undefined)
      .filter(
        (channel) =>
          !asList(channel['sources']).some(
            (c) =>
              documents.has(text(c['source'])) &&
              Array.isArray(c['about']) &&
              (c['about'] as unknown[]).includes('form'),
          ),
      )
      .map((channel) => text(channel['id']));
    expect(problems).toEqual([]);
  });

  it('fills all four cells of the typology (transactional/relational x bilateral/multilateral)', () => {
    const cells = new Set(
      section('channels')
        .filter((channel) => channel['form'] !== undefined)
        .map((channel) => `${String(channel['form'])} ${String(channel['scope'])}`),
    );
    expect([...cells].sort()).toEqual([
      'RELATIONAL BILATERAL',
      'RELATIONAL MULTILATERAL',
      'TRANSACTIONAL BILATERAL',
      'TRANSACTIONAL MULTILATERAL',
    ]);
  });

  it('links only to ids the dataset defines', () => {
    const endKeys = ['service', 'organization', 'channel', 'officer', 'target'];
    const problems: string[] = [];
    for (const { place, fact } of factsWithPlaces()) {
      for (const key of endKeys) {
        const end = text(fact[key]);
        if (end !== undefined && !entityIds.has(end)) problems.push(`${place}: ${key} "${end}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('penetrations follow the recruitment, not the renaming', () => {
  const services = new Map(section('services').map((s) => [text(s['id']) ?? '', s]));
  /** Ids of the services that `id` succeeded, directly or through others. */
  const predecessors = (id: string, seen = new Set<string>()): Set<string> => {
    for (const link of asList(services.get(id)?.['succeeded'])) {
      const before = text(link['service']);
      if (before !== undefined && !seen.has(before)) {
        seen.add(before);
        predecessors(before, seen);
      }
    }
    return seen;
  };
  const year = (date: string | undefined): string | undefined => date?.slice(0, 4);

  it('never adds an agentOf entry to a successor from its founding (or undated) when the agent already served its predecessor', () => {
    const problems: string[] = [];
    for (const officer of section('officers')) {
      const entries = asList(officer['agentOf']).filter((e) => text(e['service']) !== undefined);
      for (const later of entries) {
        const successor = text(later['service']) ?? '';
        const earlier = entries.find((e) => predecessors(successor).has(text(e['service']) ?? ''));
        if (earlier === undefined) continue;
        const founded = year(text(services.get(successor)?.['from']));
        const from = year(text(later['from']));
        if (from === undefined || from === founded) {
          problems.push(
            `${String(officer['id'])}: agentOf ${successor} (from ${String(from)}) only carries ` +
              `over the ${String(earlier['service'])} recruitment; the SUCCEEDED chain does that`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('COVERAGE.md', () => {
  const file = path.join(HISTORICAL_DIR, 'COVERAGE.md');
  const coverage = existsSync(file) ? readFileSync(file, 'utf8') : '';
  /** The graph-ids column: the third cell of each table row, ids in backticks. */
  const citedIds = coverage
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .flatMap((line) => [...(line.split('|')[4] ?? '').matchAll(/`([^`]+)`/g)])
    .map((match) => match[1] ?? '');

  it('lists items with graph ids', () => {
    expect(citedIds.length).toBeGreaterThan(50);
  });

  it('names only ids that exist (entities, or links between existing entities)', () => {
    const missing = citedIds.filter((id) => {
      const parts = id.split('/');
      if (parts.length === 3)
        return !entityIds.has(parts[0] ?? '') || !entityIds.has(parts[2] ?? '');
      return !entityIds.has(id);
    });
    expect(missing).toEqual([]);
  });
});
