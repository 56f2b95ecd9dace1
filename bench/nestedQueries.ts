/**
 * The nested read of bench:nested on both servers: a page of services in id order, each
 * service's channels (PARTY_TO out), each channel's parties (PARTY_TO in), each party's
 * officers (SERVES in); id and name at every level, no nested limits on either side.
 */

/** Our API: the page after `after` (a cursor of the same ordering), 100 services at most. */
export const OUR_QUERY = `query Nested($first: Int!, $after: String) {
  services(first: $first, after: $after, orderBy: { field: ID, direction: ASC }) {
    edges { node { id name
      channels { channel { id name
        parties { service { id name
          officers { officer { id name } } } } } } } }
  }
}`;

/** The Neo4j GraphQL Library: the same services by offset in the same order. */
export const THEIR_QUERY = `query Nested($limit: Int!, $offset: Int!) {
  services(sort: [{ id: ASC }], limit: $limit, offset: $offset) { id name
    channels { id name
      parties { id name
        officers { id name } } } }
}`;

/** Cursor query of our API: the cursor after the first `first` services in id order. */
export const OUR_CURSOR_QUERY = `query Cursor($first: Int!) {
  services(first: $first, orderBy: { field: ID, direction: ASC }) {
    pageInfo { endCursor }
  }
}`;

interface Named {
  readonly id: string;
  readonly name: string;
}

/** One service tree with link objects flattened away: the shape both answers reduce to. */
interface Tree extends Named {
  readonly children: readonly Tree[];
}

type Json = Record<string, unknown>;

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

function ourTree(node: Json, levels: readonly (readonly [string, string])[]): Tree {
  const [level, ...rest] = levels;
  const children = level
    ? list(node[level[0]]).map((link) => ourTree(link[level[1]] as Json, rest))
    : [];
  return { id: String(node['id']), name: String(node['name']), children };
}

function theirTree(node: Json, levels: readonly string[]): Tree {
  const [level, ...rest] = levels;
  const children = level ? list(node[level]).map((child) => theirTree(child, rest)) : [];
  return { id: String(node['id']), name: String(node['name']), children };
}

/** Our answer's `data` as trees. */
export function ourTrees(data: Json): Tree[] {
  const services = data['services'] as { edges: { node: Json }[] };
  return services.edges.map((edge) =>
    ourTree(edge.node, [
      ['channels', 'channel'],
      ['parties', 'service'],
      ['officers', 'officer'],
    ]),
  );
}

/** The library's answer's `data` as trees. */
export function theirTrees(data: Json): Tree[] {
  return list(data['services']).map((service) =>
    theirTree(service, ['channels', 'parties', 'officers']),
  );
}

/**
 * Every root-to-leaf path `service/channel/party/officer` (id and name at each step), sorted:
 * equal lists mean the same elements, whatever order each server lists them in.
 */
export function pathSet(trees: readonly Tree[]): string[] {
  const out: string[] = [];
  const walk = (tree: Tree, prefix: string): void => {
    const here = `${prefix}/${tree.id}:${tree.name}`;
    if (tree.children.length === 0) out.push(here);
    for (const child of tree.children) walk(child, here);
  };
  for (const tree of trees) walk(tree, '');
  return out.sort();
}
