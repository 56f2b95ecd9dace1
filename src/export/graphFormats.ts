import type { GraphRecord } from '../paths/index.js';
import { asText, xmlEscape, xmlType } from './xml.js';

type Element = { properties: Readonly<Record<string, unknown>> };

/** Attribute keys used by a list of nodes or edges, with a declared type each. */
function keysOf(
  elements: readonly Element[],
): { name: string; type: 'boolean' | 'double' | 'string' }[] {
  const values = new Map<string, unknown[]>();
  for (const element of elements) {
    for (const [name, value] of Object.entries(element.properties)) {
      if (value === null || value === undefined) continue;
      values.set(name, [...(values.get(name) ?? []), value]);
    }
  }
  return [...values.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, list]) => ({ name, type: xmlType(list) }));
}

/**
 * GraphML (yEd, Gephi, NetworkX, igraph): every node's label and name and every property as a
 * declared key; edges directed as the relationships are.
 */
export function toGraphML(graph: GraphRecord): string {
  const nodeKeys = keysOf(graph.nodes);
  const edgeKeys = keysOf(graph.edges);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="n_name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>',
    ...nodeKeys
      .filter((k) => k.name !== 'name')
      .map(
        (k) =>
          `  <key id="n_${xmlEscape(k.name)}" for="node" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`,
      ),
    ...edgeKeys.map(
      (k) =>
        `  <key id="e_${xmlEscape(k.name)}" for="edge" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="liaison-graph" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    lines.push(`    <node id="${xmlEscape(node.id)}">`);
    lines.push(`      <data key="n_label">${xmlEscape(node.label)}</data>`);
    lines.push(`      <data key="n_name">${xmlEscape(node.name)}</data>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (name === 'name' || value === null || value === undefined) continue;
      lines.push(`      <data key="n_${xmlEscape(name)}">${xmlEscape(asText(value))}</data>`);
    }
    lines.push('    </node>');
  }
  for (const edge of graph.edges) {
    lines.push(
      `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">`,
    );
    lines.push(`      <data key="e_kind">${xmlEscape(edge.kind)}</data>`);
    for (const [name, value] of Object.entries(edge.properties)) {
      if (value === null || value === undefined) continue;
      lines.push(`      <data key="e_${xmlEscape(name)}">${xmlEscape(asText(value))}</data>`);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a full date for GEXF's date time format. */
const day = (value: unknown, end: boolean): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const [y, m, d] = value.split('-');
  if (!y) return undefined;
  if (d) return value;
  if (m)
    return end
      ? `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`
      : `${y}-${m}-01`;
  return end ? `${y}-12-31` : `${y}-01-01`;
};

function spell(element: Element): string {
  const start = day(element.properties['from'], false);
  const end = day(element.properties['to'], true);
  return `${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}`;
}

/**
 * GEXF 1.3 for Gephi, dynamic: nodes and edges carry `start`/`end` from their `from`/`to`
 * properties (partial dates widened to whole days), so Gephi's timeline can play the graph.
 */
export function toGEXF(graph: GraphRecord): string {
  const nodeKeys = keysOf(graph.nodes).filter((k) => k.name !== 'from' && k.name !== 'to');
  const edgeKeys = keysOf(graph.edges).filter((k) => k.name !== 'from' && k.name !== 'to');
  const gexfType = (t: string) =>
    t === 'double' ? 'double' : t === 'boolean' ? 'boolean' : 'string';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>liaison-graph</creator></meta>',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    '    <attributes class="node">',
    '      <attribute id="label" title="label" type="string"/>',
    ...nodeKeys.map(
      (k) =>
        `      <attribute id="${xmlEscape(k.name)}" title="${xmlEscape(k.name)}" type="${gexfType(k.type)}"/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeKeys.map(
      (k) =>
        `      <attribute id="${xmlEscape(k.name)}" title="${xmlEscape(k.name)}" type="${gexfType(k.type)}"/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    lines.push(
      `      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.name)}"${spell(node)}>`,
    );
    lines.push('        <attvalues>');
    lines.push(`          <attvalue for="label" value="${xmlEscape(node.label)}"/>`);
    for (const key of nodeKeys) {
      const value = node.properties[key.name];
      if (value !== null && value !== undefined)
        lines.push(
          `          <attvalue for="${xmlEscape(key.name)}" value="${xmlEscape(asText(value))}"/>`,
        );
    }
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of graph.edges) {
    lines.push(
      `      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}" label="${xmlEscape(edge.kind)}"${spell(edge)}>`,
    );
    lines.push('        <attvalues>');
    for (const key of edgeKeys) {
      const value = edge.properties[key.name];
      if (value !== null && value !== undefined)
        lines.push(
          `          <attvalue for="${xmlEscape(key.name)}" value="${xmlEscape(asText(value))}"/>`,
        );
    }
    lines.push('        </attvalues>', '      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n') + '\n';
}
