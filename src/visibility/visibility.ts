import { CLASSIFICATIONS, type Classification } from '../model/index.js';

/**
 * What the caller may see, as Cypher conditions on a node or relationship variable. Every read
 * puts them inside its pattern (path queries inside the traversal), so a hidden element is
 * never crossed, counted, ranked or hinted at.
 */
export interface Visibility {
  /** A Cypher boolean over the node variable `v`. */
  node(v: string): string;
  /** A Cypher boolean over the relationship variable `v`. */
  rel(v: string): string;
  /** Parameters the conditions use. */
  readonly params: Readonly<Record<string, unknown>>;
  /**
   * The same condition in TypeScript, over one element's stored marking, for the in-memory
   * projection (src/projection), which applies it inside its traversal.
   */
  admits(marking: Marking): boolean;
  /** Equal for two views exactly when they admit the same elements (a cache key). */
  readonly key: string;
}

/** What visibility reads of a stored element. */
export interface Marking {
  readonly classification?: unknown;
  readonly releasableTo?: unknown;
  readonly sourceIds?: unknown;
}

/** Everything visible: for loaders, benchmarks and the engine's own tests, never for a caller. */
export const SEE_ALL: Visibility = {
  node: () => 'true',
  rel: () => 'true',
  params: {},
  admits: () => true,
  key: 'all',
};

/** What decides a caller's view: clearance, and nationality for releasability. */
export interface Clearance {
  readonly clearance: Classification;
  /** ISO 3166 alpha-3; null sees only what is releasable to everyone. */
  readonly nationality: string | null;
}

/** The classifications at or below a clearance. */
export const classificationsUpTo = (clearance: Classification): Classification[] =>
  CLASSIFICATIONS.slice(0, CLASSIFICATIONS.indexOf(clearance) + 1);

/**
 * An element is visible when its classification is at or below the caller's clearance and it
 * is releasable to the caller's nationality (no `releasableTo`, or one naming it). An element
 * without a classification is hidden: unmarked data fails closed.
 */
export function visibilityFor(caller: Clearance): Visibility {
  const check = (v: string): string =>
    `(${v}.classification IN $visClassifications AND (${v}.releasableTo IS NULL OR size(${v}.releasableTo) = 0 OR $visNationality IN ${v}.releasableTo))`;
  return {
    node: check,
    rel: check,
    params: {
      visClassifications: classificationsUpTo(caller.clearance),
      visNationality: caller.nationality,
    },
    admits: (marking) => visibleTo(caller, marking),
    key: `${caller.clearance}/${caller.nationality ?? ''}`,
  };
}

/** Whether one element's stored marking is visible to the caller (the same rule in TypeScript). */
export function visibleTo(caller: Clearance, marking: Marking): boolean {
  const allowed: readonly unknown[] = classificationsUpTo(caller.clearance);
  if (!allowed.includes(marking.classification)) return false;
  const releasable = Array.isArray(marking.releasableTo) ? marking.releasableTo : [];
  return (
    releasable.length === 0 ||
    (caller.nationality !== null && releasable.includes(caller.nationality))
  );
}

/**
 * The caller's view narrowed to facts one of the dataset's documents cites (an element with
 * at least one citation of a source in `documents`): what the five documents alone support.
 */
export function citedByDocuments(view: Visibility, documents: readonly string[]): Visibility {
  const cited = (v: string): string =>
    `(${view.node(v)} AND any(s IN coalesce(${v}.sourceIds, []) WHERE s IN $visDocuments))`;
  const citedRel = (v: string): string =>
    `(${view.rel(v)} AND any(s IN coalesce(${v}.sourceIds, []) WHERE s IN $visDocuments))`;
  const cites = (marking: Marking): boolean =>
    Array.isArray(marking.sourceIds) &&
    (marking.sourceIds as unknown[]).some((s) => typeof s === 'string' && documents.includes(s));
  return {
    node: cited,
    rel: citedRel,
    params: { ...view.params, visDocuments: documents },
    admits: (marking) => view.admits(marking) && cites(marking),
    key: `${view.key}/documents:${[...documents].sort().join(',')}`,
  };
}
