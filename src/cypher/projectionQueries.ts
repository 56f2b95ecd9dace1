import type { CypherQuery } from '../neo4j/index.js';

/**
 * What the in-memory projection (src/projection) holds: the nodes and links a path query
 * crosses. Everything else (countries, sources, citations' text) is read from Neo4j as before.
 */
export const PROJECTED_LABELS = [
  'Officer',
  'Service',
  'Organization',
  'LiaisonChannel',
  'Operation',
] as const;
export type ProjectedLabel = (typeof PROJECTED_LABELS)[number];

export const PROJECTED_TYPES = [
  'AGENT_OF',
  'SERVES',
  'POSTED_TO',
  'TOOK_PART',
  'PARTY_TO',
  'CONDUCTED',
  'THROUGH',
  'PART_OF',
] as const;
export type ProjectedType = (typeof PROJECTED_TYPES)[number];

/** A node as a positional row: see `NODE_COLUMNS`. */
const nodeColumns = (n: string): string =>
  `${n}.id, ${n}.validFrom, ${n}.validTo, ${n}.innerFrom, ${n}.innerTo, ` +
  `${n}.classification, ${n}.releasableTo, ${n}.sourceIds, ` +
  `${n}.sharing, ${n}.thirdPartyRule, ${n}.disciplines`;

/** A link as a positional row: see `LINK_COLUMNS`. */
const linkColumns = (r: string, a: string, b: string): string =>
  `${a}.id, ${b}.id, ${r}.id, ${r}.validFrom, ${r}.validTo, ${r}.innerFrom, ${r}.innerTo, ` +
  `${r}.classification, ${r}.releasableTo, ${r}.sourceIds, ${r}.confidence`;

/** Positions in a node row. */
export const NODE_COLUMNS = {
  id: 0,
  validFrom: 1,
  validTo: 2,
  innerFrom: 3,
  innerTo: 4,
  classification: 5,
  releasableTo: 6,
  sourceIds: 7,
  sharing: 8,
  thirdPartyRule: 9,
  disciplines: 10,
} as const;

/** Positions in a link row. */
export const LINK_COLUMNS = {
  start: 0,
  end: 1,
  id: 2,
  validFrom: 3,
  validTo: 4,
  innerFrom: 5,
  innerTo: 6,
  classification: 7,
  releasableTo: 8,
  sourceIds: 9,
  confidence: 10,
} as const;

/** Every node of one projected label, streamed at build. */
export function projectedNodesOf(label: ProjectedLabel): CypherQuery {
  return { cypher: `MATCH (n:${label}) RETURN ${nodeColumns('n')}`, params: {} };
}

/** Every link of one projected type, streamed at build. */
export function projectedLinksOf(type: ProjectedType): CypherQuery {
  return { cypher: `MATCH (a)-[r:${type}]->(b) RETURN ${linkColumns('r', 'a', 'b')}`, params: {} };
}

/** How many nodes and links the projection will hold (the count store: no scan). */
export function projectedCounts(): CypherQuery {
  const nodes = PROJECTED_LABELS.map((l) => `COUNT { MATCH (:${l}) }`).join(' + ');
  const links = PROJECTED_TYPES.map((t) => `COUNT { MATCH ()-[:${t}]->() }`).join(' + ');
  return { cypher: `RETURN ${nodes} AS nodes, ${links} AS links`, params: {} };
}

/**
 * The current state of changed entities, for the change feed: per id its label and node row
 * (null when it no longer exists), and every projected link it has, each as
 * `[type, ...link row, ...other end's label and node row]`.
 */
export function projectedNeighbourhoods(ids: readonly string[]): CypherQuery {
  const types = PROJECTED_TYPES.join('|');
  return {
    cypher:
      'UNWIND $ids AS id OPTIONAL MATCH (n:Entity {id: id}) ' +
      'CALL (n) { ' +
      `MATCH (n)-[r:${types}]-(m) WITH r, m, startNode(r) AS a, endNode(r) AS b ` +
      `RETURN collect([type(r), ${linkColumns('r', 'a', 'b')}, [l IN labels(m) WHERE l IN $labels][0], ${nodeColumns('m')}]) AS links } ` +
      `RETURN id, [l IN labels(n) WHERE l IN $labels][0] AS label, [${nodeColumns('n')}] AS node, links`,
    params: { ids, labels: PROJECTED_LABELS },
  };
}
