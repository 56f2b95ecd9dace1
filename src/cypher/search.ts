import { int } from 'neo4j-driver';
import type { Visibility } from '../visibility/index.js';
import type { CypherQuery } from '../neo4j/index.js';

/** The full-text index of the entities' folded search terms (migration 8, whitespace analyzer). */
export const SEARCH_INDEX = 'entity_terms';

/**
 * The visible entities the Lucene query `lucene` finds in `entity_terms`, each with its id and
 * stored `searchText` (its folded fields), unordered: every one, since which are hits and how
 * they rank is decided from their own fields by src/search, not by Lucene's score (BM25 weighs a
 * match by statistics over every indexed node, hidden ones included). The index is updated
 * after commit (eventually consistent), so the query first waits for the updates of
 * transactions already committed: a caller finds what it has just written.
 */
export function searchCandidates(lucene: string, v: Visibility): CypherQuery {
  return {
    cypher:
      'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh() ' +
      `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query) YIELD node AS n ` +
      `WHERE ${v.node('n')} ` +
      'RETURN n.id AS id, n.searchText AS text',
    params: { query: lucene, ...v.params },
  };
}

/**
 * A page of entities in id order after `after` (the start when null), each with its id and the
 * values of the stored properties `keys` (in that order): for storing the search properties of
 * a whole store.
 */
export function entitiesAfter(
  after: string | null,
  keys: readonly string[],
  limit: number,
): CypherQuery {
  return {
    cypher:
      'MATCH (n:Entity) WHERE $after IS NULL OR n.id > $after ' +
      'RETURN n.id AS id, [k IN $keys | n[k]] AS fields ORDER BY n.id LIMIT $limit',
    params: { after, keys: [...keys], limit: int(limit) },
  };
}

/** Sets each entity's search properties (`rows`: its id, searchTerms and searchText). */
export function setSearchProps(
  rows: readonly { id: string; searchTerms: string; searchText: string }[],
): CypherQuery {
  return {
    cypher:
      'UNWIND $rows AS row MATCH (n:Entity {id: row.id}) ' +
      'SET n.searchTerms = row.searchTerms, n.searchText = row.searchText',
    params: { rows },
  };
}
