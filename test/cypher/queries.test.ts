import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { SEE_ALL, visibilityFor } from '../../src/context/index.js';
import { createLinks, linksOf, listEntities, searchCandidates } from '../../src/cypher/index.js';

describe('Cypher builders', () => {
  it('batch a relationship field into one UNWIND over the parent ids, labels fixed by the spec', () => {
    const query = linksOf(
      { label: 'Service', type: 'PARTY_TO', direction: 'OUT', other: ['LiaisonChannel'] },
      ['sis', 'cia'],
      SEE_ALL,
    );
    expect(query.cypher).toMatch(
      /^UNWIND \$ids AS id MATCH \(n:Service \{id: id\}\)-\[r:PARTY_TO\]->\(m\) WHERE \(m:LiaisonChannel\) AND true AND true WITH id, r, m ORDER BY .* RETURN id, collect\(\[properties\(r\), properties\(m\)\]\) AS links$/,
    );
    expect(query.params['ids']).toEqual(['sis', 'cia']);
    expect(query.cypher).not.toContain('$windowFrom');
  });

  it('project a relationship field through key parameters, never keys in the Cypher text', () => {
    const query = linksOf(
      { label: 'Officer', type: 'AGENT_OF', direction: 'OUT', other: ['Service', 'Organization'] },
      ['kim-philby'],
      SEE_ALL,
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
      SEE_ALL,
      { from: '1949-01-01', to: '1951-12-31' },
    );
    expect(query.cypher).toContain('coalesce(r.validFrom, m.validFrom) <= $windowTo');
    expect(query.params).toMatchObject({ windowFrom: '1949-01-01', windowTo: '1951-12-31' });
  });

  it('page with a keyset, never an offset, and ask for one row more than the page', () => {
    const query = listEntities(
      'Service',
      {
        filter: { text: 'intel' },
        field: 'NAME',
        direction: 'ASC',
        first: 10,
        after: { key: 'central intelligence agency', id: 'cia' },
      },
      SEE_ALL,
    );
    expect(query.cypher).not.toMatch(/SKIP/);
    expect(query.cypher).toContain(
      'WHERE key > $afterKey OR (key = $afterKey AND n.id > $afterId)',
    );
    expect(neo4j.isInt(query.params['limit'])).toBe(true);
    expect(String(query.params['limit'])).toBe('11');
    expect(query.params['text']).toBe('intel');
  });

  it("put the caller's view inside every read, as parameters: links, their other ends, lists", () => {
    const view = visibilityFor({ clearance: 'SECRET', nationality: 'GBR' });
    const links = linksOf(
      { label: 'Service', type: 'PARTY_TO', direction: 'OUT', other: ['LiaisonChannel'] },
      ['sis'],
      view,
    );
    expect(links.cypher).toContain(
      '(r.classification IN $visClassifications AND (r.releasableTo IS NULL OR size(r.releasableTo) = 0 OR $visNationality IN r.releasableTo))',
    );
    expect(links.cypher).toContain('(m.classification IN $visClassifications');
    expect(links.params).toMatchObject({
      visClassifications: ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET'],
      visNationality: 'GBR',
    });
    const list = listEntities(
      'LiaisonChannel',
      { filter: { country: 'usa' }, field: 'NAME', direction: 'ASC', first: 5 },
      view,
    );
    // The country filter crosses links and nodes too: each of them must be visible.
    expect(list.cypher).toContain('WHERE (p.classification IN $visClassifications');
    expect(list.cypher).toContain('(s.classification IN $visClassifications');
    expect(list.cypher).toContain('(c.classification IN $visClassifications');
    expect(list.cypher).not.toContain('GBR');
  });

  it('refuse a label or type outside the allow-list', () => {
    expect(() => createLinks('PARTY_TO', 'Service', 'Person' as never, [])).toThrow(
      'not a graph label: Person',
    );
    expect(() => createLinks('KNOWS' as never, 'Service', 'Service', [])).toThrow(
      'not a link type: KNOWS',
    );
  });

  it('pass the search query as a parameter, visible candidates only, with their stored fields', () => {
    const query = searchCandidates(
      '(philby OR philby*)',
      visibilityFor({ clearance: 'SECRET', nationality: 'GBR' }),
    );
    expect(query.cypher).toBe(
      "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh() CALL db.index.fulltext.queryNodes('entity_terms', $query) YIELD node AS n " +
        'WHERE (n.classification IN $visClassifications AND (n.releasableTo IS NULL OR size(n.releasableTo) = 0 OR $visNationality IN n.releasableTo)) ' +
        'RETURN n.id AS id, n.searchText AS text',
    );
    expect(query.params).toEqual({
      query: '(philby OR philby*)',
      visClassifications: ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET'],
      visNationality: 'GBR',
    });
  });
});
