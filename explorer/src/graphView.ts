import cytoscape from 'cytoscape';
import type { DrawnElement } from './drawing.js';
import { dayState, type PathIds } from './elementDays.js';
import type { ElementSnapshot } from './snapshot.js';

/** Node colours and shapes by entity type; the agent and path ends are drawn apart. */
const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(name)',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1d2433',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '96px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      width: 26,
      height: 26,
      'background-color': '#8a94a6',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.Service', style: { shape: 'round-rectangle', 'background-color': '#2f6fb3' } },
  { selector: 'node.LiaisonChannel', style: { shape: 'diamond', 'background-color': '#e08a1e' } },
  { selector: 'node.Operation', style: { shape: 'hexagon', 'background-color': '#2e9b5f' } },
  { selector: 'node.Officer', style: { shape: 'ellipse', 'background-color': '#7d5ba6' } },
  { selector: 'node.Organization', style: { shape: 'tag', 'background-color': '#9b6b3d' } },
  { selector: 'node.Country', style: { shape: 'round-triangle', 'background-color': '#5c6b7a' } },
  {
    selector: 'node.agent',
    style: {
      'background-color': '#c0392b',
      'border-width': 4,
      'border-color': '#f5b7b1',
      width: 36,
      height: 36,
      'font-weight': 'bold',
    },
  },
  {
    selector: 'node.end',
    style: { 'border-width': 4, 'border-color': '#1d2433', width: 34, height: 34 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#b8c0cc',
      'target-arrow-color': '#b8c0cc',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: 'data(type)',
      'font-size': 9,
      color: '#5c6b7a',
      'text-rotation': 'autorotate',
      'text-opacity': 0,
    },
  },
  {
    selector: 'edge.AGENT_OF',
    style: { 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', 'line-style': 'dashed' },
  },
  // Reached only under the possible reading (over all days, or on the slider's day): dashed, lighter.
  {
    selector: 'node.possible',
    style: {
      'border-style': 'dashed',
      'border-width': 2,
      'border-color': '#1d2433',
      'background-opacity': 0.35,
    },
  },
  {
    selector: 'node.agent.possible',
    style: { 'border-width': 4, 'border-color': '#c0392b' },
  },
  {
    selector: 'edge.possible',
    style: {
      'line-style': 'dashed',
      'line-dash-pattern': [6, 4],
      'line-color': '#d3d8df',
      'target-arrow-color': '#d3d8df',
    },
  },
  { selector: '.out-of-time', style: { opacity: 0.15 } },
  { selector: '.faded', style: { opacity: 0.25 } },
  {
    selector: 'node.highlighted',
    style: { opacity: 1, 'border-width': 4, 'border-color': '#f1c40f', 'z-index': 10 },
  },
  {
    selector: 'edge.highlighted',
    style: {
      opacity: 1,
      width: 4,
      'line-color': '#f1c40f',
      'target-arrow-color': '#f1c40f',
      'text-opacity': 1,
      'z-index': 10,
    },
  },
  { selector: ':selected', style: { 'overlay-color': '#2f6fb3', 'overlay-opacity': 0.25 } },
];

/** Callbacks from the drawing to the page. */
export interface GraphEvents {
  /** The pointer is over an element (undefined: it left it). */
  hover(id: string | undefined): void;
  /** An element was clicked (tapped). */
  select(element: DrawnElement): void;
}

/** The Cytoscape drawing of one answer. */
export class GraphView {
  private readonly cy: cytoscape.Core;
  private readonly byId = new Map<string, DrawnElement>();

  constructor(container: HTMLElement, events: GraphEvents) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.2,
      maxZoom: 3,
    });
    this.cy.on('mouseover', 'node, edge', (event) => {
      events.hover((event.target as cytoscape.SingularElementArgument).id());
    });
    this.cy.on('mouseout', 'node, edge', () => {
      events.hover(undefined);
    });
    this.cy.on('tap', 'node, edge', (event) => {
      const element = this.byId.get((event.target as cytoscape.SingularElementArgument).id());
      if (element) events.select(element);
    });
  }

  /** Replaces the drawing, laid out from the agent, the target or the first path end. */
  draw(elements: readonly DrawnElement[]): void {
    this.byId.clear();
    for (const element of elements) this.byId.set(element.id, element);
    this.cy.elements().remove();
    this.cy.add(
      elements.map((e) => ({
        group: e.group,
        // The API's properties first, so they cannot overwrite the ids Cytoscape keys on.
        data: {
          ...e.properties,
          id: e.id,
          name: e.name,
          type: e.type,
          ...(e.source === undefined ? {} : { source: e.source, target: e.target }),
        },
        classes: [e.type, e.emphasis ?? '', dayState(e.days, undefined)].filter(
          (c) => c !== '' && c !== 'certain',
        ),
      })),
    );
    // Levels by distance from the root, top down: the same answer is always drawn the same way.
    this.cy
      .layout({
        name: 'breadthfirst',
        directed: false,
        roots: [root(elements)].filter((id) => id !== undefined),
        spacingFactor: 1.05,
        // Spacing counts each node's label, so long names on a crowded level do not overlap.
        nodeDimensionsIncludeLabels: true,
        padding: 24,
        animate: false,
      })
      .run();
  }

  /** Highlights a path's nodes and links and fades the rest; undefined clears it. */
  highlight(path: PathIds | undefined): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('highlighted faded');
      if (!path) return;
      const on = new Set([...path.nodes, ...path.links]);
      this.cy.elements().forEach((element) => {
        element.addClass(on.has(element.id()) ? 'highlighted' : 'faded');
      });
    });
  }

  /**
   * Dims what is not reached on `day` and marks what is only possibly reached then (undefined:
   * over all days: marks what is only possibly reached at all).
   */
  showDay(day: number | undefined): void {
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const drawn = this.byId.get(element.id());
        const state = drawn ? dayState(drawn.days, day) : 'certain';
        element.toggleClass('out-of-time', state === 'out-of-time');
        element.toggleClass('possible', state === 'possible');
      });
    });
  }

  /** Marks one element selected (as a click in the drawing would). */
  select(id: string): void {
    this.cy.elements().unselect();
    this.cy.getElementById(id).select();
  }

  /** The visible drawing as a PNG, on a white background. */
  png(): Blob {
    return this.cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 });
  }

  /** Read-only copies of the elements' state (see snapshot.ts). */
  snapshot(): ElementSnapshot[] {
    return this.cy.elements().map((element) => {
      const position = element.isNode() ? element.renderedPosition() : element.renderedMidpoint();
      return {
        id: element.id(),
        group: element.isNode() ? 'nodes' : 'edges',
        classes: element.classes(),
        x: position.x,
        y: position.y,
      };
    });
  }
}

/** The centre of the drawing: the reach's agent, the exposed target, or where the paths start. */
function root(elements: readonly DrawnElement[]): string | undefined {
  const nodes = elements.filter((e) => e.group === 'nodes');
  const agents = nodes.filter((e) => e.emphasis === 'agent');
  const ends = nodes.filter((e) => e.emphasis === 'end');
  return (agents.length === 1 ? agents[0] : (ends[0] ?? agents[0]))?.id;
}
