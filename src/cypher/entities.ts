import type { Visibility } from '../visibility/index.js';
import { LABELS, type Label } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';

/** Cypher picking the graph label of `n` (each node has exactly one of ours). */
export const labelOf = (variable: string): string =>
  `[l IN labels(${variable}) WHERE l IN $labels][0]`;

/**
 * Visible nodes by id, of the given labels, through the unique-id indexes; one row per hit (a
 * hidden node is no hit).
 */
export function entitiesByIds(
  ids: readonly string[],
  v: Visibility,
  labels: readonly Label[] = LABELS,
): CypherQuery {
  const branches = labels
    .map((label) => `MATCH (n:${label} {id: id}) WHERE ${v.node('n')} RETURN n`)
    .join(' UNION ');
  return {
    cypher: `UNWIND $ids AS id CALL (id) { ${branches} } RETURN id, ${labelOf('n')} AS label, properties(n) AS props`,
    params: { ids, labels: [...LABELS], ...v.params },
  };
}

/** Source records by id. */
export function sourcesByIds(ids: readonly string[]): CypherQuery {
  return {
    cypher: 'UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN id, properties(s) AS props',
    params: { ids },
  };
}

/** Ids of the sources that are the dataset's documents (kind DOCUMENT, or a file for records without a kind). */
export const documentSourceIds: CypherQuery = {
  cypher:
    "MATCH (s:Source) WHERE s.kind = 'DOCUMENT' OR (s.kind IS NULL AND s.file IS NOT NULL) RETURN collect(s.id) AS ids",
  params: {},
};
