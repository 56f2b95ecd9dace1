import type { Context } from '../context/index.js';
import { listOf, mapOf, shortestPaths, str } from '../cypher/index.js';
import { badInput, notFound } from '../errors/index.js';
import type { QueryResolvers, Resolvers } from '../generated/resolvers.js';
import { BEGINNING, END, LINK_TYPES, type LinkType } from '../model/index.js';
import { validity, type GraphRecord, type Path, type PathsRecord } from '../paths/index.js';
import { viewFor } from './evidence.js';
import { timeWindow } from './linkFields.js';
import { nameOf } from './props.js';
import { checkHops } from './pathResolvers.js';

const MAX_K = 10;

const paths: NonNullable<QueryResolvers['paths']> = async (_p, args, ctx) => {
  if (!Number.isInteger(args.k) || args.k < 1 || args.k > MAX_K) {
    throw badInput(`'k' must be from 1 to ${MAX_K}; got ${args.k}.`, {
      argument: 'k',
      min: 1,
      max: MAX_K,
    });
  }
  const maxHops = checkHops(args.maxHops ?? ctx.limits.pathMaxHops, ctx.limits.pathMaxHops, 1);
  const [from, to] = await Promise.all([
    ctx.loaders.entity.load(args.from),
    ctx.loaders.entity.load(args.to),
  ]);
  if (!from) throw notFound(`No entity has id "${args.from}" ('from').`, { argument: 'from' });
  if (!to) throw notFound(`No entity has id "${args.to}" ('to').`, { argument: 'to' });
  const window = timeWindow({ during: args.during ?? null });
  const kinds: readonly LinkType[] =
    args.kinds && args.kinds.length > 0 ? args.kinds : LINK_TYPES.filter((t) => t !== 'OF');
  const rows = await ctx.executor.read(
    shortestPaths(
      { label: from.label, id: args.from },
      { label: to.label, id: args.to },
      {
        k: args.k,
        maxHops,
        kinds,
        windowFrom: window?.from ?? BEGINNING,
        windowTo: window?.to ?? END,
        reading: args.certainty,
      },
      await viewFor(ctx, args.evidence),
    ),
  );
  const found: Path[] = rows.map((row) => ({
    nodes: listOf(row['nodes']).map((n) => str(n, 'node')),
    links: listOf(row['links']).map((l) => {
      const link = mapOf(l, 'link');
      const type = str(link['type'], 'type') as LinkType;
      return {
        id: str(link['id'], 'id'),
        type,
        start: str(link['start'], 'start'),
        end: str(link['end'], 'end'),
      };
    }),
    interval: validity(
      row['windowFrom'] === BEGINNING ? null : str(row['windowFrom'], 'windowFrom'),
      row['windowTo'] === END ? null : str(row['windowTo'], 'windowTo'),
    ),
  }));
  return { paths: found };
};

/** Paths as one drawable graph: every node and link on them, nodes with their least position. */
export async function graphOfPaths(record: PathsRecord, ctx: Context): Promise<GraphRecord> {
  const ids = [...new Set(record.paths.flatMap((p) => p.nodes))];
  const entities = await ctx.loaders.entity.loadMany(ids);
  const nodes = ids.flatMap((id, i) => {
    const e = entities[i];
    if (!e || e instanceof Error) return [];
    const name = nameOf(e.props, id);
    const hops = Math.min(
      ...record.paths.map((p) => (p.nodes.includes(id) ? p.nodes.indexOf(id) : Infinity)),
    );
    return [{ id, label: e.label, name, properties: { name, hops, onPath: true } }];
  });
  const edges = new Map<string, GraphRecord['edges'][number]>();
  for (const path of record.paths) {
    for (const link of path.links)
      edges.set(link.id, {
        id: link.id,
        source: link.start,
        target: link.end,
        kind: link.type,
        properties: { onPath: true },
      });
  }
  return { nodes, edges: [...edges.values()] };
}

/** k shortest paths between any two entities. */
export const shortestPathResolvers: { Query: Pick<QueryResolvers, 'paths'> } & Pick<
  Resolvers,
  'Paths'
> = {
  Query: { paths },
  Paths: { paths: (r) => [...r.paths], graph: (r, _a, ctx) => graphOfPaths(r, ctx) },
};
