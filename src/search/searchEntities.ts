import type { Visibility } from '../visibility/index.js';
import {
  assertLabel,
  entitiesByIds,
  mapOf,
  searchCandidates,
  str,
  type EntityRecord,
} from '../cypher/index.js';
import type { Executor, Row } from '../neo4j/index.js';
import { luceneQueryOf } from './luceneQuery.js';
import { matcherOf, scoreEntity, type ScoredEntity, type TermMatcher } from './scoreEntity.js';
import type { SearchQuery } from './searchQuery.js';
import { searchableFieldsOf, storedFieldsOf } from './searchProps.js';
import type { SearchField } from './searchFields.js';
import { snippetOf, type Highlight } from './snippet.js';

/** A candidate that matched every word, with its score. */
export interface RankedCandidate extends ScoredEntity {
  readonly id: string;
}

/** Ids in UTF-16 code unit order, as Neo4j orders strings. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The candidates (rows of id and stored `searchText`) that match every word, best score first,
 * ties by id, at most `first`. Each is scored from its own fields only, so the order of two
 * hits never depends on a third entity.
 */
export function rankCandidates(
  rows: readonly Row[],
  query: SearchQuery,
  first: number,
  match: TermMatcher = matcherOf(query),
): RankedCandidate[] {
  const ranked: RankedCandidate[] = [];
  for (const row of rows) {
    const text = typeof row['text'] === 'string' ? row['text'] : '';
    const scored = scoreEntity(storedFieldsOf(text), query, match);
    if (scored !== undefined) ranked.push({ id: str(row['id'], 'id'), ...scored });
  }
  ranked.sort((a, b) => b.score - a.score || byCodeUnits(a.id, b.id));
  return ranked.slice(0, first);
}

/** A ranked hit with its entity's properties: the field it is shown by, and the matches in it. */
/** A search hit: the entity, its score and the field it is shown by. */
export interface SearchHitRecord {
  readonly entity: EntityRecord;
  readonly score: number;
  readonly matchedField: SearchField;
  readonly snippet: string;
  readonly highlights: readonly Highlight[];
}

function hitOf(hit: RankedCandidate, row: Row): SearchHitRecord | undefined {
  const label = str(row['label'], 'label');
  assertLabel(label);
  const props = mapOf(row['props'], 'props');
  // The stored fields are these fields folded, so the same index names the same field (unless
  // the entity changed between the two reads: then it is left out).
  const field = searchableFieldsOf(props)[hit.field];
  const spans = hit.matched.map((i) => field?.tokens[i]);
  if (field === undefined || spans.some((span) => span === undefined)) return undefined;
  const snippet = snippetOf(
    field.text,
    spans.filter((span) => span !== undefined),
  );
  return {
    entity: { label, props },
    score: hit.score,
    matchedField: field.field,
    snippet: snippet.text,
    highlights: snippet.highlights,
  };
}

/**
 * Searches the entities the caller may see, in one read transaction: Lucene finds the visible
 * candidates (src/search/luceneQuery.ts) with their stored fields; they are scored here, and the
 * best `first` are read whole (one deleted, hidden or changed in between is left out: Neo4j
 * reads what is committed, not a snapshot).
 */
export async function searchEntities(
  executor: Executor,
  query: SearchQuery,
  first: number,
  v: Visibility,
): Promise<SearchHitRecord[]> {
  return executor.readTransaction(async (tx) => {
    const candidates = await tx.run(searchCandidates(luceneQueryOf(query), v));
    const ranked = rankCandidates(candidates, query, first);
    if (ranked.length === 0) return [];
    const rows = await tx.run(
      entitiesByIds(
        ranked.map((hit) => hit.id),
        v,
      ),
    );
    const byId = new Map(rows.map((row) => [str(row['id'], 'id'), row]));
    return ranked.flatMap((hit) => {
      const row = byId.get(hit.id);
      const found = row === undefined ? undefined : hitOf(hit, row);
      return found === undefined ? [] : [found];
    });
  });
}
