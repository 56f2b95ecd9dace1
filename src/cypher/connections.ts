import { int } from 'neo4j-driver';
import type { Visibility } from '../visibility/index.js';
import type { Label } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { assertLabel } from './importQueries.js';
import { overlaps, windowParams } from './window.js';
import type { Interval } from '../model/index.js';

/** Conditions a list query can apply; each is optional. */
export interface EntityListFilter {
  readonly text?: string;
  readonly kinds?: readonly string[];
  readonly country?: string;
  readonly scope?: string;
  readonly disciplines?: readonly string[];
  readonly window?: Interval;
}

export type SortField = 'NAME' | 'ID' | 'FROM';
export type SortDirection = 'ASC' | 'DESC';

/** A keyset position: the sort key and id of the last entry seen. */
export interface Keyset {
  readonly key: string;
  readonly id: string;
}

/** The sort key of a node, a string for every field; unknown start dates sort last either way. */
function sortKey(field: SortField, direction: SortDirection): string {
  switch (field) {
    case 'NAME':
      return 'toLower(n.name)';
    case 'ID':
      return 'n.id';
    case 'FROM':
      return `coalesce(n.validFrom, '${direction === 'ASC' ? '~' : ''}')`;
    default: {
      const unreachable: never = field;
      throw new Error(`unknown sort field ${String(unreachable)}`);
    }
  }
}

function whereClause(
  label: Label,
  filter: EntityListFilter,
  v: Visibility,
): { conditions: string[]; params: Record<string, unknown> } {
  const conditions: string[] = [v.node('n')];
  const params: Record<string, unknown> = { ...v.params };
  if (filter.text !== undefined) {
    conditions.push(
      "(toLower(n.name) CONTAINS $text OR toLower(coalesce(n.acronym, '')) CONTAINS $text OR toLower(coalesce(n.aliasesText, '')) CONTAINS $text OR toLower(coalesce(n.codename, '')) CONTAINS $text)",
    );
    params['text'] = filter.text.toLowerCase();
  }
  if (filter.kinds !== undefined) {
    conditions.push('n.kind IN $kinds');
    params['kinds'] = filter.kinds;
  }
  if (filter.scope !== undefined) {
    conditions.push('n.scope = $scope');
    params['scope'] = filter.scope;
  }
  if (filter.disciplines !== undefined) {
    conditions.push('any(d IN n.disciplines WHERE d IN $disciplines)');
    params['disciplines'] = filter.disciplines;
  }
  if (filter.country !== undefined) {
    conditions.push(
      label === 'LiaisonChannel'
        ? `EXISTS { MATCH (n)<-[p:PARTY_TO]-(s:Service)-[o:OF]->(c:Country {id: $country}) WHERE ${v.rel('p')} AND ${v.node('s')} AND ${v.rel('o')} AND ${v.node('c')} }`
        : `EXISTS { MATCH (n)-[o:OF]->(c:Country {id: $country}) WHERE ${v.rel('o')} AND ${v.node('c')} }`,
    );
    params['country'] = filter.country;
  }
  if (filter.window !== undefined) {
    conditions.push(overlaps('n.validFrom', 'n.validTo'));
    Object.assign(params, windowParams(filter.window));
  }
  return { conditions, params };
}

/**
 * One page of entities of a label: filtered, ordered by the sort key then id, after a keyset
 * position (no offsets: a page costs the same wherever it is). Asks for one row more than
 * `first` to learn whether another page follows.
 */
export function listEntities(
  label: Label,
  options: {
    filter: EntityListFilter;
    field: SortField;
    direction: SortDirection;
    first: number;
    after?: Keyset;
  },
  v: Visibility,
): CypherQuery {
  assertLabel(label);
  const { conditions, params } = whereClause(label, options.filter, v);
  const key = sortKey(options.field, options.direction);
  const cmp = options.direction === 'ASC' ? '>' : '<';
  const keyset = options.after
    ? `WHERE key ${cmp} $afterKey OR (key = $afterKey AND n.id ${cmp} $afterId) `
    : '';
  return {
    cypher:
      `MATCH (n:${label}) WHERE ${conditions.join(' AND ')} ` +
      `WITH n, ${key} AS key ${keyset}` +
      `RETURN properties(n) AS props, key ORDER BY key ${options.direction}, n.id ${options.direction} LIMIT $limit`,
    params: {
      ...params,
      limit: int(options.first + 1),
      ...(options.after ? { afterKey: options.after.key, afterId: options.after.id } : {}),
    },
  };
}

/** How many visible entities of a label match the filter. */
export function countEntities(label: Label, filter: EntityListFilter, v: Visibility): CypherQuery {
  assertLabel(label);
  const { conditions, params } = whereClause(label, filter, v);
  return {
    cypher: `MATCH (n:${label}) WHERE ${conditions.join(' AND ')} RETURN count(n) AS total`,
    params,
  };
}

/** Conditions on penetrations (AGENT_OF links). */
export interface PenetrationListFilter {
  readonly agent?: string;
  readonly service?: string;
  readonly kinds?: readonly string[];
  readonly confidence?: string;
  readonly window?: Interval;
}

function penetrationWhere(
  filter: PenetrationListFilter,
  v: Visibility,
): {
  conditions: string[];
  params: Record<string, unknown>;
} {
  const conditions = ['(h:Service OR h:Organization)', v.node('a'), v.rel('r'), v.node('h')];
  const params: Record<string, unknown> = { ...v.params };
  if (filter.agent !== undefined) {
    conditions.push('a.id = $agent');
    params['agent'] = filter.agent;
  }
  if (filter.service !== undefined) {
    conditions.push('h:Service AND h.id = $service');
    params['service'] = filter.service;
  }
  if (filter.kinds !== undefined) {
    conditions.push('r.kind IN $kinds');
    params['kinds'] = filter.kinds;
  }
  if (filter.confidence !== undefined) {
    conditions.push('r.confidence = $confidence');
    params['confidence'] = filter.confidence;
  }
  if (filter.window !== undefined) {
    conditions.push(overlaps('r.validFrom', 'r.validTo'));
    Object.assign(params, windowParams(filter.window));
  }
  return { conditions, params };
}

/** One page of penetrations ordered by start (unknown last) then id, after a keyset position. */
export function listPenetrations(
  options: {
    filter: PenetrationListFilter;
    first: number;
    after?: Keyset;
  },
  v: Visibility,
): CypherQuery {
  const { conditions, params } = penetrationWhere(options.filter, v);
  const keyset = options.after
    ? 'WHERE key > $afterKey OR (key = $afterKey AND r.id > $afterId) '
    : '';
  return {
    cypher:
      `MATCH (a:Officer)-[r:AGENT_OF]->(h) WHERE ${conditions.join(' AND ')} ` +
      `WITH a, r, h, coalesce(r.validFrom, '~') AS key ${keyset}` +
      `RETURN properties(r) AS link, properties(a) AS agent, CASE WHEN h:Service THEN 'Service' ELSE 'Organization' END AS otherLabel, ` +
      `properties(h) AS other, key ORDER BY key, r.id LIMIT $limit`,
    params: {
      ...params,
      limit: int(options.first + 1),
      ...(options.after ? { afterKey: options.after.key, afterId: options.after.id } : {}),
    },
  };
}

/** How many visible penetrations match the filter. */
export function countPenetrations(filter: PenetrationListFilter, v: Visibility): CypherQuery {
  const { conditions, params } = penetrationWhere(filter, v);
  return {
    cypher: `MATCH (a:Officer)-[r:AGENT_OF]->(h) WHERE ${conditions.join(' AND ')} RETURN count(r) AS total`,
    params,
  };
}
