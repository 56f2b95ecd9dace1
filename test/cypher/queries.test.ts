import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createLinks, linksOf, listEntities, luceneQuery } from '../../src/cypher/index.js';

describe('Cypher builders', () => {
  it('batch a relationship field into one UNWIND over the parent ids, labels fixed by the spec', () => {
    const query = linksOf(
      { label: 'Service', type: 'PARTY_TO', direction: 'OUT', other: ['LiaisonChannel'] },
      ['sis', 'cia'],
    );
    expect(query.cypher).toMatch(
      /^UNWIND \$ids AS id MATCH \(n:Service \{id: id\}\)-\[r:PARTY_TO\]->\(m\) WHERE \(m:LiaisonChannel\) WITH id, r, m ORDER BY .* RETURN id, collect\(\[properties\(r\), properties\(m\)\]\) AS links$/,
    );
    expect(query.params['ids']).toEqual(['sis', 'cia']);
    expect(query.cypher).not.toContain('$windowFrom');
  });

  it('project a relationship field through key parameters, never keys in the Cypher text', () => {
    const query = linksOf(
      { label: 'Officer', type: 'AGENT_OF', direction: 'OUT', other: ['Service', 'Organization'] },
      ['kim-philby'],
      undefined,
      { other: ['id', 'name'], link: [] },
    );
    expect(query.cypher).toContain(
      'collect([[k IN $linkKeys | r[k]], [k IN $otherKeys | m[k]], [l IN labels(m) WHERE l IN $labels][0]])',
    );
    expect(query.cypher).not.toContain('name');
    expect(query.params).toMatchObject({ otherKeys: ['id', 'name'], linkKeys: [] });
  });

  it('filter a relationship field by a window through parameters, operation links by the operation', () => {
    const query = linksOf(
      { label: 'Service', type: 'CONDUCTED', direction: 'OUT', other: ['Operation'] },
      ['sis'],
      { fromDay: '1949-01-01', toDay: '1951-12-31' },
    );
    expect(query.cypher).toContain('coalesce(r.validFrom, m.validFrom) <= $windowTo');
    expect(query.params).toMatchObject({ windowFrom: '1949-01-01', windowTo: '1951-12-31' });
  });

  it('page with a keyset, never an offset, and ask for one row more than the page', () => {
    const query = listEntities('Service', {
      filter: { text: 'intel' },
      field: 'NAME',
      direction: 'ASC',
      first: 10,
      after: { key: 'central intelligence agency', id: 'cia' },
    });
    expect(query.cypher).not.toMatch(/SKIP/);
    expect(query.cypher).toContain(
      'WHERE key > $afterKey OR (key = $afterKey AND n.id > $afterId)',
    );
    expect(neo4j.isInt(query.params['limit'])).toBe(true);
    expect(String(query.params['limit'])).toBe('11');
    expect(query.params['text']).toBe('intel');
  });

  it('refuse a label or type outside the allow-list', () => {
    expect(() => createLinks('PARTY_TO', 'Service', 'Person' as never, [])).toThrow(
      'not a graph label: Person',
    );
    expect(() => createLinks('KNOWS' as never, 'Service', 'Service', [])).toThrow(
      'not a link type: KNOWS',
    );
  });

  it('escape Lucene syntax in search text so any input means only its words', () => {
    expect(luceneQuery('Philby')).toBe('(Philby OR Philby*)');
    expect(luceneQuery('kim "philby" OR (x)')).toBe(
      '(kim OR kim*) AND (\\"philby\\" OR \\"philby\\"*) AND (\\(x\\) OR \\(x\\)*)',
    );
    expect(luceneQuery('philby ( *')).toBe('(philby OR philby*)');
    expect(luceneQuery('  ')).toBeUndefined();
    expect(luceneQuery('" ( *')).toBeUndefined();
  });
});
