import type { Database } from '../../src/neo4j/index.js';

/** Every node and relationship with its properties, each as one canonical line, sorted. */
export interface GraphSnapshot {
  readonly nodes: readonly string[];
  readonly relationships: readonly string[];
}

/**
 * Reads the whole graph: each node as its labels and properties, each relationship as its
 * ends' ids, type and properties; without the nodes of `ignoredLabels` and their relationships.
 * Meant for the small graphs of fuzz runs (a few thousand elements), where it takes milliseconds.
 */
export async function graphSnapshot(
  database: Database,
  ignoredLabels: readonly string[] = [],
): Promise<GraphSnapshot> {
  const kept = (node: string) => `none(label IN labels(${node}) WHERE label IN $ignoredLabels)`;
  const nodes = await database.executor.read({
    cypher: `MATCH (n) WHERE ${kept('n')} RETURN labels(n) AS labels, properties(n) AS props`,
    params: { ignoredLabels },
  });
  const relationships = await database.executor.read({
    cypher:
      `MATCH (a)-[r]->(b) WHERE ${kept('a')} AND ${kept('b')} ` +
      'RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props',
    params: { ignoredLabels },
  });
  return {
    nodes: nodes
      .map((row) => canonical([[...(row['labels'] as string[])].sort(), row['props']]))
      .sort(),
    relationships: relationships
      .map((row) => canonical([row['a'], row['type'], row['b'], row['props']]))
      .sort(),
  };
}

/** Lines only in `before` (removed or changed) and only in `after` (added or changed). */
export function snapshotDiff(
  before: GraphSnapshot,
  after: GraphSnapshot,
): { readonly removed: string[]; readonly added: string[] } {
  const lines = (s: GraphSnapshot) => [...s.nodes, ...s.relationships];
  const was = new Set(lines(before));
  const is = new Set(lines(after));
  return {
    removed: lines(before).filter((line) => !is.has(line)),
    added: lines(after).filter((line) => !was.has(line)),
  };
}

/** JSON with object keys sorted, so equal graphs print equally (rows are plain already). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  });
}
