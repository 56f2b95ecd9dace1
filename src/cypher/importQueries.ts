import { int } from 'neo4j-driver';
import { LABELS, LINK_TYPES, type Label, type LinkType } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';

/** Labels and types reach Cypher text only through these checks, never from input. */
export function assertLabel(label: string): asserts label is Label {
  if (!(LABELS as readonly string[]).includes(label))
    throw new Error(`not a graph label: ${label}`);
}
export function assertLinkType(type: string): asserts type is LinkType {
  if (!(LINK_TYPES as readonly string[]).includes(type))
    throw new Error(`not a link type: ${type}`);
}

const ANY_ENTITY = LABELS.map((label) => `n:${label}`).join(' OR ');

/** Deletes every entity and source node with their links (used by `seed --reset`). */
export function deleteGraph(): CypherQuery {
  return { cypher: `MATCH (n) WHERE ${ANY_ENTITY} OR n:Source DETACH DELETE n`, params: {} };
}

/**
 * Deletes every entity and source node with their links, committing every `batch` nodes (for
 * graphs too big for one transaction; run it with `Executor.autoCommit`). Rerunning finishes an
 * interrupted run.
 */
export function deleteGraphInBatches(batch: number): CypherQuery {
  return {
    cypher: `MATCH (n) WHERE ${ANY_ENTITY} OR n:Source CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS`,
    params: { batch: int(batch) },
  };
}

/**
 * The label and marking of each given id that exists, through the unique-id indexes (one row
 * per hit); writers check the marking against what they may see.
 */
export function labelsOfIds(ids: readonly string[]): CypherQuery {
  const branches = LABELS.map(
    (label) =>
      `MATCH (n:${label} {id: id}) RETURN '${label}' AS label, n.classification AS classification, n.releasableTo AS releasableTo`,
  ).join(' UNION ');
  return {
    cypher: `UNWIND $ids AS id CALL (id) { ${branches} } RETURN id, label, classification, releasableTo`,
    params: { ids },
  };
}

/**
 * The label of each given id that names an entity, through the unique `Entity.id` index (one
 * seek per id, no lock): the bulk loader's one lookup per chunk, for a store no one else writes.
 */
export function entityLabels(ids: readonly string[]): CypherQuery {
  return {
    cypher:
      "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label",
    params: { ids },
  };
}

/** Which of the given source ids exist. */
export function existingSources(ids: readonly string[]): CypherQuery {
  return {
    cypher: 'UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id',
    params: { ids },
  };
}

/**
 * Creates nodes that must be new: an id already taken, or taken meanwhile by a concurrent
 * writer, fails the statement on the unique `Entity.id` constraint (a CONFLICT), whatever the
 * timing.
 */
export function createNodes(
  label: Label,
  rows: readonly { id: string; props: object }[],
): CypherQuery {
  assertLabel(label);
  return {
    cypher: `UNWIND $rows AS row CREATE (n:${label}:Entity) SET n = row.props, n.id = row.id`,
    params: { rows },
  };
}

/**
 * Replaces the properties of nodes the caller has locked (`lockEntities`); answers how many it
 * found, so a shortfall is noticed.
 */
export function replaceNodes(
  label: Label,
  rows: readonly { id: string; props: object }[],
): CypherQuery {
  assertLabel(label);
  return {
    cypher: `UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n = row.props, n.id = row.id RETURN count(n) AS written`,
    params: { rows },
  };
}

/** Creates or replaces source records by id. */
export function upsertSources(rows: readonly { id: string; props: object }[]): CypherQuery {
  return {
    cypher: 'UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row.props, s.id = row.id',
    params: { rows },
  };
}

/** Node counts per label and link counts per type. */
export function countGraph(): CypherQuery {
  const nodeCounts = [...LABELS, 'Source'].map(
    (label) => `CALL () { MATCH (n:${label}) RETURN count(n) AS \`${label}\` }`,
  );
  const linkCounts = LINK_TYPES.map(
    (type) => `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS \`${type}\` }`,
  );
  const keys = [...LABELS, 'Source', ...LINK_TYPES].map((k) => `\`${k}\`: \`${k}\``).join(', ');
  return {
    cypher: `${[...nodeCounts, ...linkCounts].join(' ')} RETURN {${keys}} AS counts`,
    params: {},
  };
}

/**
 * Which of the given link ids exist (with their markings), through the relationship id index of the type (named in a
 * hint: a plan cached while the type had no links would otherwise scan every link of it).
 */
export function existingLinkIds(type: LinkType, ids: readonly string[]): CypherQuery {
  assertLinkType(type);
  return {
    cypher: `UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() USING INDEX r:${type}(id) RETURN id, r.classification AS classification, r.releasableTo AS releasableTo`,
    params: { ids },
  };
}

/**
 * Creates links that do not exist yet between existing nodes; answers how many were written, so
 * the caller can tell rows whose ends are missing (MATCH drops them silently).
 */
export function createLinks(
  type: LinkType,
  startLabel: Label,
  endLabel: Label,
  rows: readonly { id: string; start: string; end: string; props: object }[],
): CypherQuery {
  assertLinkType(type);
  assertLabel(startLabel);
  assertLabel(endLabel);
  return {
    cypher:
      `UNWIND $rows AS row MATCH (a:${startLabel} {id: row.start}) MATCH (b:${endLabel} {id: row.end}) ` +
      `CREATE (a)-[r:${type}]->(b) SET r = row.props, r.id = row.id RETURN count(r) AS written`,
    params: { rows },
  };
}

/** Replaces the properties of existing links, found by id. */
export function replaceLinkProps(
  type: LinkType,
  rows: readonly { id: string; props: object }[],
): CypherQuery {
  assertLinkType(type);
  return {
    cypher: `UNWIND $rows AS row MATCH ()-[r:${type} {id: row.id}]->() SET r = row.props, r.id = row.id RETURN count(r) AS written`,
    params: { rows },
  };
}

/** Deletes links of one type by id. */
export function deleteLinksByIds(type: LinkType, ids: readonly string[]): CypherQuery {
  assertLinkType(type);
  return {
    cypher: `UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() DELETE r`,
    params: { ids },
  };
}

/**
 * The OF links (country or nationality) of these entities, each with the entity's id and the
 * link's and the country's properties, so the caller can tell which the writer may see.
 */
export function ofLinksOf(entityIds: readonly string[]): CypherQuery {
  return {
    cypher:
      'UNWIND $ids AS id MATCH (n:Entity {id: id})-[r:OF]->(c) ' +
      'RETURN n.id AS entity, r.id AS id, properties(r) AS link, properties(c) AS country',
    params: { ids: entityIds },
  };
}
