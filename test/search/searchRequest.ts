import { postRaw, type As, type GraphQLResponse } from '../support/http.js';

/** Every field of a search hit (the typed test operation in test/operations asks fewer). */
export const SEARCH_HITS = `query ($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    score
    matchedField
    snippet
    highlights { start end }
    entity { __typename id name }
  }
}`;

/** A search hit as the API answers it. */
export interface Hit {
  readonly score: number;
  readonly matchedField: string;
  readonly snippet: string;
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
  readonly entity: { readonly __typename: string; readonly id: string; readonly name: string };
}

/** Posts a search over real HTTP. */
export function searchHits(
  url: string,
  text: string,
  first?: number,
  as: As = {},
): Promise<GraphQLResponse<{ search: Hit[] }>> {
  return postRaw(url, JSON.stringify({ query: SEARCH_HITS, variables: { text, first } }), as);
}

/** A hit as tests state it: `id FIELD snippet` with the highlighted words in [brackets]. */
export function shown(hit: Hit): string {
  const marked = hit.highlights.reduceRight(
    (text, { start, end }) =>
      `${text.slice(0, start)}[${text.slice(start, end)}]${text.slice(end)}`,
    hit.snippet,
  );
  return `${hit.entity.id} ${hit.matchedField} ${marked}`;
}
