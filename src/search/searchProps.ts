import { tokensOf, type Token } from './foldedTokens.js';
import {
  JOINED_FIELDS,
  SEARCH_FIELDS,
  searchFieldsOf,
  type FieldText,
  type SearchField,
} from './searchFields.js';

/** A form a field can be matched by, and the tokens it covers (`first` to `last`). */
export interface Term {
  readonly text: string;
  readonly first: number;
  readonly last: number;
  /** True for two tokens written as one, which match only whole. */
  readonly joined?: true;
}

/** A folded token without its place: what an entity stores of it. */
export type TokenForms = Pick<Token, 'text' | 'alt'>;

/** What scoring reads of a field: its kind, tokens and every form a search word may match. */
export interface FieldTerms {
  readonly field: SearchField;
  readonly tokens: readonly TokenForms[];
  readonly terms: readonly Term[];
}

/** A field read from an entity's properties: its terms, and its text with each token's place. */
export interface SearchableField extends FieldText, FieldTerms {
  readonly tokens: readonly Token[];
}

/**
 * The forms of a field: each token, its German spelling (`muenchen`), and in names, aliases
 * and codenames each two neighbouring tokens written as one (`fiveeyes`).
 */
function termsOf(field: SearchField, tokens: readonly TokenForms[]): Term[] {
  const terms: Term[] = [];
  tokens.forEach((token, i) => {
    terms.push({ text: token.text, first: i, last: i });
    if (token.alt !== undefined) terms.push({ text: token.alt, first: i, last: i });
    const next = tokens[i + 1];
    if (JOINED_FIELDS.has(field) && next !== undefined)
      terms.push({ text: token.text + next.text, first: i, last: i + 1, joined: true });
  });
  return terms;
}

/** The searched fields of stored properties, tokenised; fields without a token left out. */
export function searchableFieldsOf(props: Readonly<Record<string, unknown>>): SearchableField[] {
  return searchFieldsOf(props).flatMap((field) => {
    const tokens = tokensOf(field.text);
    return tokens.length === 0 ? [] : [{ ...field, tokens, terms: termsOf(field.field, tokens) }];
  });
}

/**
 * The search properties of an entity, stored with it at every write (planGraph) and by
 * migration 8, so a search reads them instead of tokenising every candidate's text again:
 *
 * - `searchTerms`: every distinct term of its searched fields, separated by spaces; the
 *   full-text index `entity_terms` (whitespace analyzer) holds them, so Lucene's terms are
 *   exactly the terms search scores.
 * - `searchText`: its fields' folded tokens, a line per field (`NAME bnd office munchen/muenchen`,
 *   a German spelling after `/`), in field order; what scoring reads.
 *
 * A change to tokensOf or to the searched fields needs a migration that stores them again.
 */
export function searchPropsOf(props: Readonly<Record<string, unknown>>): {
  readonly searchTerms: string;
  readonly searchText: string;
} {
  const fields = searchableFieldsOf(props);
  const terms = new Set<string>();
  for (const field of fields) for (const term of field.terms) terms.add(term.text);
  const lines = fields.map(
    ({ field, tokens }) =>
      `${field} ${tokens.map(({ text, alt }) => (alt === undefined ? text : `${text}/${alt}`)).join(' ')}`,
  );
  return { searchTerms: [...terms].join(' '), searchText: lines.join('\n') };
}

const isSearchField = (name: string): name is SearchField =>
  (SEARCH_FIELDS as readonly string[]).includes(name);

/** The fields an entity's stored `searchText` holds, as `searchableFieldsOf` read them. */
export function storedFieldsOf(searchText: string): FieldTerms[] {
  if (searchText === '') return [];
  return searchText.split('\n').flatMap((line) => {
    const [field = '', ...words] = line.split(' ');
    if (!isSearchField(field)) return [];
    const tokens = words.map((word): TokenForms => {
      const [text = '', alt] = word.split('/');
      return alt === undefined ? { text } : { text, alt };
    });
    return [{ field, tokens, terms: termsOf(field, tokens) }];
  });
}

/** Node rows with their search properties added (planGraph's one call). */
export function withSearchProps<L, P extends Readonly<Record<string, unknown>>>(
  nodes: ReadonlyMap<L, readonly { readonly id: string; readonly props: P }[]>,
): Map<L, { id: string; props: P & ReturnType<typeof searchPropsOf> }[]> {
  return new Map(
    [...nodes].map(([label, rows]) => [
      label,
      rows.map(({ id, props }) => ({ id, props: { ...props, ...searchPropsOf(props) } })),
    ]),
  );
}
