import { spanIncludes, type DaySpan } from './dates.js';

/** The ids of a path's nodes and links: what hovering its row highlights. */
export interface PathIds {
  readonly nodes: readonly string[];
  readonly links: readonly string[];
}

/**
 * The days an element of the drawing is reached, or is on a path that reaches something then:
 * not only the explaining path's window but every window of every row (docs/path-semantics.md,
 * "All the windows"), so the day slider dims exactly what is not reached on its day.
 */
export interface ElementDays {
  /** Certain windows; with no window of any row, the element's own dates. */
  readonly certain: readonly DaySpan[];
  /** Possible windows (only when the possible reading was asked). */
  readonly possible: readonly DaySpan[];
}

/** What the days of an element are read from: a result row (resultRows.ts's ResultRow is one). */
export interface RowDays {
  readonly id: string;
  readonly path: PathIds;
  readonly window: DaySpan;
  readonly certainty: 'CERTAIN' | 'POSSIBLE';
  readonly windows: readonly {
    readonly path: PathIds;
    readonly span: DaySpan;
    readonly certainty: 'CERTAIN' | 'POSSIBLE';
  }[];
}

/** How an element is drawn on a day, or over all days (`undefined`). */
export type DayState = 'certain' | 'possible' | 'out-of-time';

/** Whether a path has this node or link on it. */
export function passesThrough(path: PathIds, id: string): boolean {
  return path.nodes.includes(id) || path.links.includes(id);
}

/**
 * The days of element `id`: its own row's windows, and the windows of every row whose path in
 * that window (or whose explaining path) passes through it. An element no row's path passes
 * through keeps `own`, its dates from the graph's properties.
 */
export function elementDays(id: string, rows: readonly RowDays[], own: DaySpan): ElementDays {
  const certain: DaySpan[] = [];
  const possible: DaySpan[] = [];
  const add = (certainty: RowDays['certainty'], span: DaySpan) => {
    (certainty === 'CERTAIN' ? certain : possible).push(span);
  };
  for (const row of rows) {
    const itself = row.id === id;
    for (const window of row.windows)
      if (itself || passesThrough(window.path, id)) add(window.certainty, window.span);
    if (!itself && passesThrough(row.path, id)) add(row.certainty, row.window);
  }
  return certain.length + possible.length === 0
    ? { certain: [own], possible: [] }
    : { certain, possible };
}

/**
 * Certain when a certain window holds the day (over all days: when it has one), possible when
 * only a possible one does, out of time when none does.
 */
export function dayState(days: ElementDays, day: number | undefined): DayState {
  const holds = (spans: readonly DaySpan[]) =>
    day === undefined ? spans.length > 0 : spans.some((span) => spanIncludes(span, day));
  if (holds(days.certain)) return 'certain';
  if (holds(days.possible)) return 'possible';
  return 'out-of-time';
}
