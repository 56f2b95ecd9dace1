import { spanAround, spanOf, type DaySpan } from './dates.js';
import { elementDays, passesThrough, type ElementDays, type PathIds } from './elementDays.js';
import type {
  Certainty,
  ExplorerExposureQuery,
  ExplorerGraphFragment,
  ExplorerPathFragment,
  ExplorerPathsQuery,
  ExplorerReachedFragment,
  ExplorerReachQuery,
  ExplorerReachWindowFragment,
} from './gql/graphql.js';

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

/** A node or edge of the drawing, with the days it is reached (or on a path in use). */
export interface DrawnElement {
  readonly group: 'nodes' | 'edges';
  readonly id: string;
  /** Node: the entity type (Service, Officer, ...); edge: the link type. */
  readonly type: string;
  readonly name: string;
  readonly source?: string;
  readonly target?: string;
  /** The graph's properties as the API sent them (hops, exposure, role, from, to, ...). */
  readonly properties: Readonly<Record<string, unknown>>;
  /** The agent (reach, exposure) or an end of the paths: drawn apart. */
  readonly emphasis: 'agent' | 'end' | undefined;
  readonly days: ElementDays;
}

/** A query's answer, ready to draw and list. */
export interface Drawing {
  readonly query: 'reach' | 'exposure' | 'paths';
  readonly heading: string;
  readonly elements: readonly DrawnElement[];
  readonly rows: readonly ResultRow[];
  /** What the time slider and the timelines cover (open ends closed by the elements' dates). */
  readonly window: DaySpan;
  /** Whether the possible reading was asked (rows and elements then say which are certain). */
  readonly possibleAsked: boolean;
}

/**
 * The reach of an agent: channels, services, operations, each with all its windows; the slider
 * over the agent's windows (the possible ones too when asked).
 */
export function reachDrawing(data: ExplorerReachQuery): Drawing {
  const reach = data.penetrationReach;
  const possibleAsked = reach.possibleWindows !== null;
  const rows: ResultRow[] = [
    ...reach.channels.map((c) => reachedRow(c.channel.id, 'channel', c.channel.name, c)),
    ...reach.services.map((s) =>
      reachedRow(s.service.id, 'service', s.service.acronym ?? s.service.name, s),
    ),
    ...reach.operations.map((o) => reachedRow(o.operation.id, 'operation', o.operation.name, o)),
  ];
  // The agent is drawn on the days it was one (its own dates when the filters leave it none).
  const agentDays: ElementDays = {
    certain: reach.windows.map(spanOf),
    possible: (reach.possibleWindows ?? []).map(spanOf),
  };
  const hasDays = agentDays.certain.length + agentDays.possible.length > 0;
  const elements = elementsOf(
    reach.graph,
    rows,
    (node) => (node.id === reach.agent.id ? 'agent' : undefined),
    (id) => (id === reach.agent.id && hasDays ? agentDays : undefined),
  );
  const possible = rows.filter((r) => r.certainty === 'POSSIBLE').length;
  return {
    query: 'reach',
    heading:
      `${reach.agent.name}: ${reach.channels.length} channels, ${reach.services.length} services, ${reach.operations.length} operations` +
      (possibleAsked ? ` (${possible} of them only possibly)` : ''),
    elements,
    rows,
    window: closed(spanAround([...agentDays.certain, ...agentDays.possible]), elements),
    possibleAsked,
  };
}

/** The agents exposing a target; the slider over their paths' windows. */
export function exposureDrawing(data: ExplorerExposureQuery, possibleAsked: boolean): Drawing {
  const exposure = data.exposure;
  const rows = exposure.agents.map((a) =>
    pathRow(a.agent.id, 'agent', a.agent.name, a.path, a.certainty, a),
  );
  const agents = new Set(rows.map((r) => r.id));
  const elements = elementsOf(
    exposure.graph,
    rows,
    (node) => (agents.has(node.id) ? 'agent' : node.id === exposure.target.id ? 'end' : undefined),
    () => undefined,
  );
  const share = `${(exposure.share * 100).toFixed(1)}%`;
  const possible = rows.filter((r) => r.certainty === 'POSSIBLE').length;
  return {
    query: 'exposure',
    heading:
      `${exposure.target.name}: exposed to ${exposure.count} of ${exposure.agentsConsidered} agents (${share})` +
      (possibleAsked ? `, ${possible} of them only possibly` : ''),
    elements,
    rows,
    window: closed(spanAround(rows.map((r) => r.window)), elements),
    possibleAsked,
  };
}

/**
 * The k shortest paths; the slider over their windows. Under the possible reading a path is
 * certain when the certain reading (asked alongside, up to 10 paths) has it too, and then has
 * both windows; otherwise it is marked possible, though when the certain reading gave its 10
 * paths and none is longer than this one, it may be a certain path beyond those 10 (the detail
 * says so).
 */
export function pathsDrawing(data: ExplorerPathsQuery, from: string, to: string): Drawing {
  const certainPaths = data.certain?.paths;
  const certainByKey = new Map(certainPaths?.map((p) => [pathKey(p), p] as const));
  const longestCertain = Math.max(0, ...(certainPaths ?? []).map((p) => p.links.length));
  const rows = data.paths.paths.map((path, i): ResultRow => {
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
  const elements = elementsOf(
    data.paths.graph,
    rows,
    (node) => (node.id === from || node.id === to ? 'end' : undefined),
    () => undefined,
  );
  return {
    query: 'paths',
    heading: `${rows.length} path${rows.length === 1 ? '' : 's'} from ${from} to ${to}`,
    elements,
    rows,
    window: closed(spanAround(rows.map((r) => r.window)), elements),
    possibleAsked: certainPaths !== undefined,
  };
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

function reachedRow(
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

/** A row whose only window is its path's: an exposed agent, or one of the k paths. */
function pathRow(
  id: string,
  kind: ResultRow['kind'],
  title: string,
  path: ExplorerPathFragment,
  certainty: Certainty,
  score: { hops: number; exposure?: number },
): ResultRow {
  const window = rowWindow(certainty, {
    window: path.window,
    hops: score.hops,
    exposure: score.exposure ?? 0,
    path,
  });
  const exposure = score.exposure === undefined ? '' : `, exposure ${score.exposure.toFixed(2)}`;
  return {
    id,
    kind,
    title,
    detail: `${hopsWords(score.hops)}${exposure}; ${certainty === 'CERTAIN' ? 'certainly' : 'possibly'} open ${windowWords(path.window)}`,
    hops: score.hops,
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

/** The graph's nodes and edges, each with the days it is reached (see elementDays). */
function elementsOf(
  graph: ExplorerGraphFragment,
  rows: readonly ResultRow[],
  emphasis: (node: { id: string }) => DrawnElement['emphasis'],
  ownDays: (id: string) => ElementDays | undefined,
): DrawnElement[] {
  const daysOf = (id: string, properties: Record<string, unknown>): ElementDays =>
    ownDays(id) ?? elementDays(id, rows, spanOf(properties));
  return [
    ...graph.nodes.map((node) => {
      const properties = recordOf(node.properties);
      return {
        group: 'nodes' as const,
        id: node.id,
        type: node.label,
        name: node.name,
        properties,
        emphasis: emphasis(node),
        days: daysOf(node.id, properties),
      };
    }),
    ...graph.edges.map((edge) => {
      const properties = recordOf(edge.properties);
      return {
        group: 'edges' as const,
        id: edge.id,
        type: edge.kind,
        name: edge.kind,
        source: edge.source,
        target: edge.target,
        properties,
        emphasis: undefined,
        days: daysOf(edge.id, properties),
      };
    }),
  ];
}

/** Closes a window's open ends with the earliest and latest dates of the elements. */
function closed(window: DaySpan | undefined, elements: readonly DrawnElement[]): DaySpan {
  const days = elements
    .flatMap((e) => [...e.days.certain, ...e.days.possible])
    .flatMap((s) => [s.first, s.last])
    .filter((d) => d !== undefined);
  return {
    first: window?.first ?? (days.length > 0 ? Math.min(...days) : undefined),
    last: window?.last ?? (days.length > 0 ? Math.max(...days) : undefined),
  };
}

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
