/**
 * What the page shows on `window.liaisonExplorer` for end-to-end tests and screenshots. A
 * drawing on a canvas cannot be read from the DOM, so a test asks the page which elements are
 * drawn, where, and with which classes (highlighted, faded, out-of-time). Read-only by
 * construction: `state()` answers fresh plain copies, and nothing on the hook changes the page,
 * which a test drives only as a user would (typing, clicking, hovering).
 *
 * No DOM types here: the Node side of the tests imports this file.
 */
export interface ElementSnapshot {
  readonly id: string;
  readonly group: 'nodes' | 'edges';
  /**
   * Cytoscape classes: the entity or link type, agent/end, highlighted, faded, out-of-time (not
   * reached on the slider's day), possible (reached only possibly: at all, or on that day).
   */
  readonly classes: readonly string[];
  /** Position in the graph container's pixels (an edge's midpoint). */
  readonly x: number;
  readonly y: number;
}

/** The page's state. */
export interface ExplorerSnapshot {
  /** Which query the drawing answers, if any. */
  readonly query: 'reach' | 'exposure' | 'paths' | undefined;
  /** Set while a request is in flight. */
  readonly busy: boolean;
  readonly elements: readonly ElementSnapshot[];
  /** The day the time slider is on (ISO), or undefined for all days. */
  readonly day: string | undefined;
  /** The id shown in the side panel. */
  readonly selected: string | undefined;
}

/** The name of the hook on `window`. */
export const SNAPSHOT_HOOK = 'liaisonExplorer';
