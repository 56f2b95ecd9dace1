import { int } from 'neo4j-driver';
import type { Visibility } from '../context/index.js';
import { LABELS } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { labelOf } from './entities.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns user words into a Lucene query: every word must match, as itself or as a prefix.
 * Lucene operators in the input are escaped, so any text is safe and means only its words;
 * words without a letter or digit are dropped. Returns undefined when no word remains.
 */
export function luceneQuery(text: string): string | undefined {
  // A "word" of punctuation only would become a required clause the index cannot match.
  const words = text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word) && !/^(AND|OR|NOT)$/.test(word))
    .map((word) => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`));
  if (words.length === 0) return undefined;
  return words.map((word) => `(${word} OR ${word}*)`).join(' AND ');
}

/**
 * Full-text search over the `entity_search` index, visible nodes only, best score first. The
 * index is updated after commit (migration 5), so the search first waits for the updates of
 * transactions already committed: a caller finds what it has just written.
 */
export function searchEntities(lucene: string, first: number, v: Visibility): CypherQuery {
  return {
    cypher:
      'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh() ' +
      "CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node AS n, score " +
      `WHERE ${v.node('n')} RETURN ${labelOf('n')} AS label, properties(n) AS props, score ORDER BY score DESC, n.id LIMIT $first`,
    params: { query: lucene, first: int(first), labels: [...LABELS], ...v.params },
  };
}
