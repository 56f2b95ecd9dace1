import { spanAround, spanOf, type DaySpan } from './dates.js';
import { elementDays, type ElementDays } from './elementDays.js';
import type {
  ExplorerExposureQuery,
  ExplorerGraphFragment,
  ExplorerPathsQuery,
  ExplorerReachQuery,
} from './gql/graphql.js';
import { exposedRow, pathRows, reachedRow, type ResultRow } from './resultRows.js';

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
  const rows = exposure.agents.map(exposedRow);
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
 * The k shortest paths; the slider over their windows (see pathRows for which are certain).
 */
export function pathsDrawing(data: ExplorerPathsQuery, from: string, to: string): Drawing {
  const rows = pathRows(data);
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
    possibleAsked: data.certain != null,
  };
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
