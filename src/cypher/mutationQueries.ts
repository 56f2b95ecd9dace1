import type { Visibility } from '../visibility/index.js';
import { LABELS, LINK_TYPES, type Label, type LinkType } from '../model/index.js';
import type { CypherQuery, Plain } from '../neo4j/index.js';
import { labelOf } from './entities.js';
import { mapOf, str } from './fields.js';
import type { LinkRecord } from './records.js';
import { assertLabel, assertLinkType } from './importQueries.js';

/** One visible entity's stored properties and the id of the visible country it is OF (if any). */
export function entityWithCountry(label: Label, id: string, v: Visibility): CypherQuery {
  assertLabel(label);
  return {
    cypher:
      `MATCH (n:${label} {id: $id}) WHERE ${v.node('n')} ` +
      `OPTIONAL MATCH (n)-[r:OF]->(c:Country) WHERE ${v.rel('r')} AND ${v.node('c')} RETURN properties(n) AS props, c.id AS country`,
    params: { id, ...v.params },
  };
}

/** Removes an entity's visible OF links (before its country or nationality is set anew). */
export function deleteOfLinks(label: Label, id: string, v: Visibility): CypherQuery {
  assertLabel(label);
  return {
    cypher: `MATCH (n:${label} {id: $id})-[r:OF]->(c) WHERE ${v.rel('r')} AND ${v.node('c')} DELETE r`,
    params: { id, ...v.params },
  };
}

/**
 * Deletes a visible entity with its links, unless some link or neighbour of it is hidden from
 * the caller (then nothing is deleted and `hidden` says so); no row when the entity does not
 * exist or is hidden. `removed` lists the entity and its links as `[id, classification,
 * releasableTo, other end's properties]`, and `entity` is the entity's properties, for the
 * audit log (a link is marked by its ends as well).
 */
export function deleteEntity(label: Label, id: string, v: Visibility): CypherQuery {
  assertLabel(label);
  return {
    cypher:
      `MATCH (n:${label} {id: $id}) WHERE ${v.node('n')} ` +
      `OPTIONAL MATCH (n)-[r]-(m) ` +
      `WITH n, count(r) AS links, count(CASE WHEN r IS NOT NULL AND NOT coalesce(${v.rel('r')} AND ${v.node('m')}, false) THEN 1 END) AS hidden, ` +
      'collect(CASE WHEN r IS NULL THEN null ELSE [r.id, r.classification, r.releasableTo, properties(m)] END) AS linkMarks ' +
      'WITH n, properties(n) AS entity, links, hidden, [[n.id, n.classification, n.releasableTo, null]] + linkMarks AS removed ' +
      'FOREACH (_ IN CASE WHEN hidden = 0 THEN [1] ELSE [] END | DETACH DELETE n) RETURN entity, links, hidden, removed',
    params: { id, ...v.params },
  };
}

/**
 * A link by id, whatever its type, through the per-type relationship id indexes; with `v`, only
 * when the caller sees the link and both its ends.
 */
export function linkById(id: string, v?: Visibility): CypherQuery {
  const seen = v ? ` WHERE ${v.rel('r')} AND ${v.node('a')} AND ${v.node('b')}` : '';
  const branches = LINK_TYPES.map(
    (type) => `MATCH (a)-[r:${type} {id: $id}]->(b)${seen} RETURN r, a, b, '${type}' AS type`,
  ).join(' UNION ');
  return {
    cypher:
      `CALL () { ${branches} } RETURN type, properties(r) AS link, ${labelOf('a')} AS startLabel, properties(a) AS start, ` +
      `${labelOf('b')} AS endLabel, properties(b) AS end`,
    params: { id, labels: [...LABELS], ...v?.params },
  };
}

/** A row of linkById as the link record resolvers take. */
export function linkRecordOf(row: Readonly<Record<string, Plain>>): LinkRecord {
  const type = str(row['type'], 'type');
  assertLinkType(type);
  const startLabel = str(row['startLabel'], 'startLabel');
  const endLabel = str(row['endLabel'], 'endLabel');
  assertLabel(startLabel);
  assertLabel(endLabel);
  return {
    type,
    props: mapOf(row['link'], 'link'),
    start: { label: startLabel, props: mapOf(row['start'], 'start') },
    end: { label: endLabel, props: mapOf(row['end'], 'end') },
  };
}

/** Replaces a link's properties. */
export function setLinkProps(type: LinkType, id: string, props: object): CypherQuery {
  assertLinkType(type);
  return { cypher: `MATCH ()-[r:${type} {id: $id}]->() SET r = $props`, params: { id, props } };
}

/** Deletes a link by id. */
export function deleteLinkById(type: LinkType, id: string): CypherQuery {
  assertLinkType(type);
  return {
    cypher: `MATCH ()-[r:${type} {id: $id}]->() DELETE r RETURN count(*) AS deleted`,
    params: { id },
  };
}
