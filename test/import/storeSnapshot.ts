import type { Executor } from '../../src/neo4j/index.js';

/**
 * Everything a store holds of the graph, in a canonical order: every entity's and source's
 * labels and properties with their stored types (an empty list and an absent property, a float
 * and an integer, differ), every link's type, ends and properties with their types. Two stores
 * with equal snapshots hold the same graph.
 */
export async function graphSnapshot(executor: Executor): Promise<{
  nodes: string[];
  links: string[];
}> {
  const nodes = await executor.read({
    cypher:
      'MATCH (n) WHERE n:Entity OR n:Source ' +
      'RETURN labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + ":" + valueType(n[k])] AS types',
    params: {},
  });
  const links = await executor.read({
    cypher:
      'MATCH (a)-[r]->(b) WHERE a:Entity OR a:Source ' +
      'RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props, ' +
      '[k IN keys(r) | k + ":" + valueType(r[k])] AS types',
    params: {},
  });
  const canonical = (row: Readonly<Record<string, unknown>>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          Array.isArray(value) ? [...(value as unknown[])].sort() : sortKeys(value),
        ]),
      ),
    );
  return { nodes: nodes.map(canonical).sort(), links: links.map(canonical).sort() };
}

/** The schema as `SHOW INDEXES` and `SHOW CONSTRAINTS` list it, canonically. */
export async function schemaSnapshot(executor: Executor): Promise<string[]> {
  const indexes = await executor.read({
    cypher:
      'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, indexProvider, options ' +
      'RETURN name, type, entityType, labelsOrTypes, properties, indexProvider, options.indexConfig AS config',
    params: {},
  });
  const constraints = await executor.read({
    cypher: 'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN *',
    params: {},
  });
  return [...indexes, ...constraints].map((row) => JSON.stringify(sortKeys(row))).sort();
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
}
