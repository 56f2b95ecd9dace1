import { editsWithin } from './editDistance.js';
import { FIELD_WEIGHT } from './searchFields.js';
import type { SearchQuery, SearchWord } from './searchQuery.js';
import type { FieldTerms, Term } from './searchProps.js';

/**
 * How much a term matching a word counts: equal to one of its forms, begun by it (the last
 * word only), or within one or two edits of it (a typo).
 */
export const MATCH_WEIGHT = { exact: 1, prefix: 0.5, oneEdit: 0.4, twoEdits: 0.25 } as const;

/**
 * How well one term matches one word, 0 when it does not. Two tokens written as one match only
 * whole (`FiveEyes`): a word that merely begins them, or is a typo away, would mark a word no
 * one typed (`usa` beginning `usaccess`, `khartoum` two edits from `inkhartoum`).
 */
export function termMatch(word: SearchWord, term: Term): number {
  if (word.forms.includes(term.text)) return MATCH_WEIGHT.exact;
  if (term.joined) return 0;
  let best = 0;
  if (word.prefix && word.forms.some((form) => term.text.startsWith(form)))
    best = MATCH_WEIGHT.prefix;
  // Code units are at most two per code point: a cheap bound before counting edits.
  if (word.edits > 0 && Math.abs(term.text.length - word.text.length) <= 2 * word.edits) {
    const edits = editsWithin(word.chars, Array.from(term.text), word.edits);
    if (edits !== undefined)
      best = Math.max(best, edits <= 1 ? MATCH_WEIGHT.oneEdit : MATCH_WEIGHT.twoEdits);
  }
  return best;
}

/**
 * How well a term matches the i-th word of a query, remembered per distinct term: entities share
 * most of their words, and counting edits is the costly part.
 */
export type TermMatcher = (word: number, term: Term) => number;

/** The matcher of one query (its memory lives as long as the search). */
export function matcherOf(query: SearchQuery): TermMatcher {
  const memory = query.words.map(() => new Map<string, number>());
  return (i, term) => {
    const word = query.words[i];
    if (word === undefined) return 0;
    const key = term.joined ? `+${term.text}` : term.text;
    const seen = memory[i]?.get(key);
    if (seen !== undefined) return seen;
    const match = termMatch(word, term);
    memory[i]?.set(key, match);
    return match;
  };
}

/** An entity's score for a search, the field it is shown by and its tokens that matched. */
export interface ScoredEntity {
  readonly score: number;
  /** Index of the shown field among the fields scored. */
  readonly field: number;
  /** Indexes in that field's tokens of the tokens any word matched, in order. */
  readonly matched: readonly number[];
}

/**
 * Scores an entity from its own fields and the words only, never from other entities (whether
 * an entity the caller may not see exists changes no score); undefined when a word matches
 * none of its fields:
 *
 *   score = Σ over words w of max over fields f of
 *             weight(f) × (best match of w among f's terms) / √(tokens of f)
 *         + the weight of the best field whose tokens are exactly the words
 *
 * A hit is shown by the field that matches the most words (its snippet then explains the most),
 * then by the one credited with more of the score (each word credits its best field), then in
 * field order.
 */
export function scoreEntity(
  fields: readonly FieldTerms[],
  query: SearchQuery,
  match: TermMatcher = matcherOf(query),
): ScoredEntity | undefined {
  const credit = fields.map(() => 0);
  const words = fields.map(() => 0);
  let score = 0;
  for (let w = 0; w < query.words.length; w++) {
    let best = 0;
    let bestField = -1;
    fields.forEach((field, i) => {
      let matched = 0;
      for (const term of field.terms) matched = Math.max(matched, match(w, term));
      if (matched > 0) words[i] = (words[i] ?? 0) + 1;
      const value = (FIELD_WEIGHT[field.field] * matched) / Math.sqrt(field.tokens.length);
      if (value > best) {
        best = value;
        bestField = i;
      }
    });
    if (bestField < 0) return undefined;
    score += best;
    credit[bestField] = (credit[bestField] ?? 0) + best;
  }
  score += wholeFieldBonus(fields, query);
  let shown = 0;
  fields.forEach((_, i) => {
    const more = (words[i] ?? 0) - (words[shown] ?? 0);
    if (more > 0 || (more === 0 && (credit[i] ?? 0) > (credit[shown] ?? 0))) shown = i;
  });
  const field = fields[shown];
  if (field === undefined) return undefined;
  return { score, field: shown, matched: matchedTokens(field, query, match) };
}

/** The weight of the best field whose tokens are the words, one for one, exactly. */
function wholeFieldBonus(fields: readonly FieldTerms[], query: SearchQuery): number {
  let bonus = 0;
  for (const field of fields) {
    const whole =
      field.tokens.length === query.words.length &&
      query.words.every((word, i) => {
        const token = field.tokens[i];
        return (
          token !== undefined &&
          (word.forms.includes(token.text) ||
            (token.alt !== undefined && word.forms.includes(token.alt)))
        );
      });
    if (whole) bonus = Math.max(bonus, FIELD_WEIGHT[field.field]);
  }
  return bonus;
}

/** Indexes of the tokens of a field that some word matches (a joined term marks both). */
function matchedTokens(field: FieldTerms, query: SearchQuery, match: TermMatcher): number[] {
  const matched = new Set<number>();
  for (const term of field.terms) {
    if (!query.words.some((_, w) => match(w, term) > 0)) continue;
    for (let i = term.first; i <= term.last; i++) matched.add(i);
  }
  return [...matched].sort((a, b) => a - b);
}
