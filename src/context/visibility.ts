/**
 * What the caller may see, as Cypher conditions on a node or relationship variable. Path
 * queries put them inside the traversal, so a hidden element is never crossed, counted or
 * hinted at. Everything is visible until access control arrives; then this becomes a
 * classification and releasability check with parameters (see `params`).
 */
export interface Visibility {
  /** A Cypher boolean over the node variable `v`. */
  node(v: string): string;
  /** A Cypher boolean over the relationship variable `v`. */
  rel(v: string): string;
  /** Parameters the conditions use. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Everything visible. */
export const SEE_ALL: Visibility = { node: () => 'true', rel: () => 'true', params: {} };
