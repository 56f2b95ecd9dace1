import { spanAround, spanOf, type DaySpan } from './dates.js';
import type {
  ExplorerExposureQuery,
  ExplorerGraphFragment,
  ExplorerPathFragment,
  ExplorerPathsQuery,
  ExplorerReachQuery,
} from './gql/graphql.js';

/** The ids of an explaining path's nodes and links: what hovering its row highlights. */
export interface PathIds {
  readonly nodes: readonly string[];
  readonly links: readonly string[];
}

/** One row of the results list. */
export interface ResultRow {
  /** The element the row is about (a channel, service, operation or agent), or `path-<n>`. */
  readonly id: string;
  readonly kind: 'channel' | 'service' | 'operation' | 'agent' | 'path';
  readonly title: string;
  /** Hops, exposure and window, in words. */
  readonly detail: string;
  readonly hops: number;
  readonly path: PathIds;
  readonly window: DaySpan;
}

/** A node or edge of the drawing, with the span of days it is open. */
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
  readonly span: DaySpan;
}

/** A query's answer, ready to draw and list. */
export interface Drawing {
  readonly query: 'reach' | 'exposure' | 'paths';
  readonly heading: string;
  readonly elements: readonly DrawnElement[];
  readonly rows: readonly ResultRow[];
  /** What the time slider covers (open ends are closed by the elements' own dates). */
  readonly window: DaySpan;
}

/** The reach of an agent: channels, services, operations; the slider over the agent's window. */
export function reachDrawing(data: ExplorerReachQuery): Drawing {
  const reach = data.penetrationReach;
  const rows: ResultRow[] = [
    ...reach.channels.map((c) => row(c.channel.id, 'channel', c.channel.name, c)),
    ...reach.services.map((s) =>
      row(s.service.id, 'service', s.service.acronym ?? s.service.name, s),
    ),
    ...reach.operations.map((o) => row(o.operation.id, 'operation', o.operation.name, o)),
  ];
  const elements = elementsOf(reach.graph, rows, (node) =>
    node.id === reach.agent.id ? 'agent' : undefined,
  );
  return {
    query: 'reach',
    heading: `${reach.agent.name}: ${reach.channels.length} channels, ${reach.services.length} services, ${reach.operations.length} operations`,
    elements,
    rows,
    window: closed(reach.window ? spanOf(reach.window) : undefined, elements),
  };
}

/** The agents exposing a target; the slider over their paths' windows. */
export function exposureDrawing(data: ExplorerExposureQuery): Drawing {
  const exposure = data.exposure;
  const rows = exposure.agents.map((a) => row(a.agent.id, 'agent', a.agent.name, a));
  const agents = new Set(rows.map((r) => r.id));
  const elements = elementsOf(exposure.graph, rows, (node) =>
    agents.has(node.id) ? 'agent' : node.id === exposure.target.id ? 'end' : undefined,
  );
  const share = `${(exposure.share * 100).toFixed(1)}%`;
  return {
    query: 'exposure',
    heading: `${exposure.target.name}: exposed to ${exposure.count} of ${exposure.agentsConsidered} agents (${share})`,
    elements,
    rows,
    window: closed(spanAround(rows.map((r) => r.window)), elements),
  };
}

/** The k shortest paths; the slider over their windows. */
export function pathsDrawing(data: ExplorerPathsQuery, from: string, to: string): Drawing {
  const rows = data.paths.paths.map((path, i) => {
    const ids = pathIds(path);
    const names = ids.nodes.join(' → ');
    return {
      id: `path-${i + 1}`,
      kind: 'path' as const,
      title: `Path ${i + 1}: ${ids.links.length} links`,
      detail: `${names}; open ${windowWords(path.window)}`,
      hops: ids.links.length,
      path: ids,
      window: spanOf(path.window),
    };
  });
  const elements = elementsOf(data.paths.graph, rows, (node) =>
    node.id === from || node.id === to ? 'end' : undefined,
  );
  return {
    query: 'paths',
    heading: `${rows.length} path${rows.length === 1 ? '' : 's'} from ${from} to ${to}`,
    elements,
    rows,
    window: closed(spanAround(rows.map((r) => r.window)), elements),
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
  for (const r of rows) if (passesThrough(r, id) && (!best || r.hops < best.hops)) best = r;
  return best;
}

function passesThrough(row: ResultRow, id: string): boolean {
  return row.path.nodes.includes(id) || row.path.links.includes(id);
}

function row(
  id: string,
  kind: ResultRow['kind'],
  title: string,
  reached: { hops: number; exposure: number; path: ExplorerPathFragment },
): ResultRow {
  return {
    id,
    kind,
    title,
    detail: `${reached.hops} hop${reached.hops === 1 ? '' : 's'}, exposure ${reached.exposure.toFixed(2)}, open ${windowWords(reached.path.window)}`,
    hops: reached.hops,
    path: pathIds(reached.path),
    window: spanOf(reached.path.window),
  };
}

function pathIds(path: ExplorerPathFragment): PathIds {
  return { nodes: path.nodes.map((n) => n.id), links: path.links.map((l) => l.id) };
}

function windowWords(window: { from: string | null; to: string | null }): string {
  return `${window.from ?? '(unknown start)'} to ${window.to ?? '(open)'}`;
}

/**
 * The graph's nodes and edges. An element the API dates (from/to in its properties: reach)
 * keeps its dates; one it does not (exposure and paths graphs) spans the windows of the result
 * paths through it, so the slider dims it when none of them is open.
 */
function elementsOf(
  graph: ExplorerGraphFragment,
  rows: readonly ResultRow[],
  emphasis: (node: { id: string }) => DrawnElement['emphasis'],
): DrawnElement[] {
  const spanFor = (id: string, properties: Record<string, unknown>): DaySpan => {
    if ('from' in properties || 'to' in properties) return spanOf(properties);
    const through = rows.filter((r) => passesThrough(r, id));
    return spanAround(through.map((r) => r.window)) ?? { first: undefined, last: undefined };
  };
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
        span: spanFor(node.id, properties),
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
        span: spanFor(edge.id, properties),
      };
    }),
  ];
}

/** Closes a window's open ends with the earliest and latest dates of the elements. */
function closed(window: DaySpan | undefined, elements: readonly DrawnElement[]): DaySpan {
  const days = elements.flatMap((e) => [e.span.first, e.span.last]).filter((d) => d !== undefined);
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
