import { spanOf, type DaySpan } from './dates.js';
import { passesThrough, type PathIds } from './elementDays.js';
import type {
  Certainty,
  ExplorerExposureQuery,
  ExplorerPathFragment,
  ExplorerPathsQuery,
  ExplorerReachedFragment,
  ExplorerReachWindowFragment,
} from './gql/graphql.js';

// The results list: a row per reached element, exposed agent or path, each with all its windows.

/** A window in which a row's element is reached (or a path open), under one reading. */
export interface RowWindow {
  /** CERTAIN: a window of `windows`; POSSIBLE: one of `possibleWindows`. */
  readonly certainty: Certainty;
  readonly from: string | null;
  readonly to: string | null;
  readonly span: DaySpan;
  readonly hops: number;
  readonly exposure: number;
  /** The best path inside the window. */
  readonly path: PathIds;
}

/** One row of the results list. */
export interface ResultRow {
  /** The element the row is about (a channel, service, operation or agent), or `path-<n>`. */
  readonly id: string;
  readonly kind: 'channel' | 'service' | 'operation' | 'agent' | 'path';
  readonly title: string;
  /** Hops, exposure and windows, in words. */
  readonly detail: string;
  readonly hops: number;
  /** The explaining path. */
  readonly path: PathIds;
  /** The explaining path's window. */
  readonly window: DaySpan;
  /** CERTAIN when some certain path reaches it; POSSIBLE when only possible ones do. */
  readonly certainty: Certainty;
  /**
   * Every window: the certain ones, then the possible ones when the possible reading was asked
   * (a reach's element); the explaining path's window alone for an exposed agent or a path.
   */
  readonly windows: readonly RowWindow[];
}

/**
 * The k shortest paths as rows. Under the possible reading a path is certain when the certain
 * reading (asked alongside, up to 10 paths) has it too, and then has both windows; otherwise it
 * is marked possible, though when the certain reading gave its 10 paths and none is longer than
 * this one, it may be a certain path beyond those 10 (the detail says so).
 */
export function pathRows(data: ExplorerPathsQuery): ResultRow[] {
  const certainPaths = data.certain?.paths;
  const certainByKey = new Map(certainPaths?.map((p) => [pathKey(p), p] as const));
  const longestCertain = Math.max(0, ...(certainPaths ?? []).map((p) => p.links.length));
  return data.paths.paths.map((path, i): ResultRow => {
    const ids = pathIds(path);
    const hops = ids.links.length;
    const window = (certainty: Certainty, open: ExplorerPathFragment['window']): RowWindow => ({
      certainty,
      from: open.from,
      to: open.to,
      span: spanOf(open),
      hops,
      exposure: 0,
      path: ids,
    });
    const certain =
      certainPaths === undefined ? path : (certainByKey.get(pathKey(path)) ?? undefined);
    const windows = [
      ...(certain ? [window('CERTAIN', certain.window)] : []),
      ...(certainPaths === undefined ? [] : [window('POSSIBLE', path.window)]),
    ];
    const undecided =
      !certain && certainPaths !== undefined && certainPaths.length >= 10 && hops >= longestCertain;
    const words = [
      certain ? `certainly open ${windowWords(certain.window)}` : undefined,
      certainPaths === undefined ? undefined : `possibly open ${windowWords(path.window)}`,
      undecided ? '(not among the 10 shortest certain paths)' : undefined,
    ].filter((w) => w !== undefined);
    return {
      id: `path-${i + 1}`,
      kind: 'path',
      title: `Path ${i + 1}: ${hops} links`,
      detail: `${ids.nodes.join(' → ')}; ${words.join(', ')}`,
      hops,
      path: ids,
      window: spanOf(path.window),
      certainty: certain ? 'CERTAIN' : 'POSSIBLE',
      windows,
    };
  });
}

/**
 * The explaining path of an element: its own row's when it has one (a reached channel, an
 * exposed agent), else that of the shortest row whose path passes through it.
 */
export function explainingRow(rows: readonly ResultRow[], id: string): ResultRow | undefined {
  const own = rows.find((r) => r.id === id);
  if (own) return own;
  let best: ResultRow | undefined;
  for (const r of rows) if (passesThrough(r.path, id) && (!best || r.hops < best.hops)) best = r;
  return best;
}

/** `1949-01-01 to 1951-07-01`, with the open ends in words. */
export function windowWords(window: { from: string | null; to: string | null }): string {
  return `${window.from ?? '(unknown start)'} to ${window.to ?? '(open)'}`;
}

/** A reached channel, service or operation, with every window. */
export function reachedRow(
  id: string,
  kind: ResultRow['kind'],
  title: string,
  reached: ExplorerReachedFragment,
): ResultRow {
  const windows = [
    ...reached.windows.map((w) => rowWindow('CERTAIN', w)),
    ...(reached.possibleWindows ?? []).map((w) => rowWindow('POSSIBLE', w)),
  ];
  const shown = windows.filter((w) => w.certainty === reached.certainty);
  const adverb = reached.certainty === 'CERTAIN' ? 'certainly' : 'possibly';
  const when =
    shown.length <= 2
      ? shown.map(windowWords).join(' and ')
      : `in ${shown.length} windows, ${windowWords({ from: shown[0]?.from ?? null, to: shown.at(-1)?.to ?? null })}`;
  return {
    id,
    kind,
    title,
    detail: `${hopsWords(reached.hops)}, exposure ${reached.exposure.toFixed(2)}; ${adverb} ${when}`,
    hops: reached.hops,
    path: pathIds(reached.path),
    window: spanOf(reached.path.window),
    certainty: reached.certainty,
    windows,
  };
}

/** An exposed agent: its one window is its explaining path's. */
export function exposedRow(
  exposed: ExplorerExposureQuery['exposure']['agents'][number],
): ResultRow {
  const { agent, certainty, hops, exposure, path } = exposed;
  const window = rowWindow(certainty, { window: path.window, hops, exposure, path });
  const adverb = certainty === 'CERTAIN' ? 'certainly' : 'possibly';
  return {
    id: agent.id,
    kind: 'agent',
    title: agent.name,
    detail: `${hopsWords(hops)}, exposure ${exposure.toFixed(2)}; ${adverb} open ${windowWords(path.window)}`,
    hops,
    path: window.path,
    window: window.span,
    certainty,
    windows: [window],
  };
}

function rowWindow(certainty: Certainty, reached: ExplorerReachWindowFragment): RowWindow {
  return {
    certainty,
    from: reached.window.from,
    to: reached.window.to,
    span: spanOf(reached.window),
    hops: reached.hops,
    exposure: reached.exposure,
    path: pathIds(reached.path),
  };
}

function hopsWords(hops: number): string {
  return `${hops} hop${hops === 1 ? '' : 's'}`;
}

/** Any path's ids (the certain reading's paths come with ids only). */
interface IdPath {
  readonly nodes: readonly { readonly id: string }[];
  readonly links: readonly { readonly id: string }[];
}

function pathIds(path: IdPath): PathIds {
  return { nodes: path.nodes.map((n) => n.id), links: path.links.map((l) => l.id) };
}

function pathKey(path: IdPath): string {
  const ids = pathIds(path);
  return JSON.stringify([ids.nodes, ids.links]);
}
