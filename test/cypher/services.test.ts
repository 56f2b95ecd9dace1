import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { listServices, servicesByIds, toServiceRecord } from '../../src/cypher/index.js';

describe('service queries', () => {
  it('batch lookups are one UNWIND over the ids, passed as a parameter', () => {
    const query = servicesByIds(['sis', 'cia']);
    expect(query.cypher).toBe(
      'UNWIND $ids AS id MATCH (s:Service {id: id}) RETURN s { .id, .name, .acronym, .kind } AS service',
    );
    expect(query.params).toEqual({ ids: ['sis', 'cia'] });
  });

  it('sends the page size as a Neo4j integer (a JS number would arrive as a float)', () => {
    const query = listServices(25);
    expect(query.cypher).toContain('LIMIT $first');
    expect(neo4j.isInt(query.params['first'])).toBe(true);
    expect(String(query.params['first'])).toBe('25');
  });

  it('reads a row into a record and refuses a row without a name', () => {
    expect(
      toServiceRecord({
        id: 'sis',
        name: 'Secret Intelligence Service',
        acronym: 'SIS',
        kind: null,
      }),
    ).toEqual({
      id: 'sis',
      name: 'Secret Intelligence Service',
      acronym: 'SIS',
      kind: null,
    });
    expect(() => toServiceRecord({ id: 'sis' })).toThrow(
      "expected string in 'service.name', got undefined",
    );
  });
});
