import { LABELS, LINK_TYPES, type Label, type LinkType } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { labelOf } from './entities.js';
import { assertLabel, assertLinkType } from './importQueries.js';

/** One entity's stored properties and the id of the country it is OF (if any). */
export function entityWithCountry(label: Label, id: string): CypherQuery {
  assertLabel(label);
  return {
    cypher: `MATCH (n:${label} {id: $id}) OPTIONAL MATCH (n)-[:OF]->(c:Country) RETURN properties(n) AS props, c.id AS country`,
    params: { id },
  };
}

/** Removes an entity's OF links (before its country or nationality is set anew). */
export function deleteOfLinks(label: Label, id: string): CypherQuery {
  assertLabel(label);
  return { cypher: `MATCH (n:${label} {id: $id})-[r:OF]->() DELETE r`, params: { id } };
}

/** Deletes an entity with its links; no row when it does not exist. */
export function deleteEntity(label: Label, id: string): CypherQuery {
  assertLabel(label);
  return {
    cypher: `MATCH (n:${label} {id: $id}) OPTIONAL MATCH (n)-[r]-() WITH n, count(r) AS links DETACH DELETE n RETURN links`,
    params: { id },
  };
}

/** A link by id, whatever its type, through the per-type relationship id indexes. */
export function linkById(id: string): CypherQuery {
  const branches = LINK_TYPES.map(
    (type) => `MATCH (a)-[r:${type} {id: $id}]->(b) RETURN r, a, b, '${type}' AS type`,
  ).join(' UNION ');
  return {
    cypher:
      `CALL () { ${branches} } RETURN type, properties(r) AS link, ${labelOf('a')} AS startLabel, properties(a) AS start, ` +
      `${labelOf('b')} AS endLabel, properties(b) AS end`,
    params: { id, labels: [...LABELS] },
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
