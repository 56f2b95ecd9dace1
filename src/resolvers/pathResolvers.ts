import type { Context } from '../context/index.js';
import { entityRef, type EntityRecord } from '../cypher/index.js';
import { ApiError, ErrorCode, badInput, notFound } from '../errors/index.js';
import type { QueryResolvers, Resolvers } from '../generated/resolvers.js';
import { LINKS, type Label } from '../model/index.js';
import {
  underReadings,
  type Reached,
  type ReachedWindow,
  openEnds,
  ResultCapExceeded,
  type GraphRecord,
  type Path,
  type ReachOutcome,
  type ReachParams,
} from '../paths/index.js';
import { viewFor } from './evidence.js';
import { timeWindow } from './linkFields.js';
import { nameOf } from './props.js';

/** The entity of an id found on a path (it exists: the path was just read). */
export async function entity(ctx: Context, id: string): Promise<EntityRecord> {
  const found = await ctx.loaders.entity.load(id);
  if (!found) throw new TypeError(`path node ${id} vanished`);
  return found;
}

/** The label of a path's i-th node when a link next to it admits only one there. */
function labelOnPath(path: Path, i: number): Label | undefined {
  const id = path.nodes[i];
  for (const link of [path.links[i], path.links[i - 1]]) {
    if (!link) continue;
    const labels =
      link.start === id ? LINKS[link.type].start : link.end === id ? LINKS[link.type].end : [];
    if (labels.length === 1) return labels[0];
  }
  return undefined;
}

/**
 * The nodes of a path as references where the links fix their labels (reach paths always do),
 * so `nodes { id }` reads nothing more; other nodes, and any field needing more than the id,
 * go through the entity loader.
 */
function pathNodes(path: Path, ctx: Context): Promise<EntityRecord[]> | EntityRecord[] {
  const refs = path.nodes.map((id, i) => {
    const label = labelOnPath(path, i);
    return label ? entityRef(label, id) : undefined;
  });
  if (refs.every((ref) => ref !== undefined)) return refs;
  return Promise.all(
    path.nodes.map((id, i) => {
      const ref = refs[i];
      return ref ? Promise.resolve(ref) : entity(ctx, id);
    }),
  );
}

/** Checks the hop bound: below `min` is bad input, above the server cap a LIMIT_EXCEEDED. */
export function checkHops(maxHops: number, cap: number, min = 0): number {
  if (!Number.isInteger(maxHops) || maxHops < min) {
    throw badInput(`'maxHops' must be an integer from ${min} to ${cap}; got ${maxHops}.`, {
      argument: 'maxHops',
      min,
      max: cap,
    });
  }
  if (maxHops > cap) {
    throw new ApiError(
      ErrorCode.LIMIT_EXCEEDED,
      `'maxHops' ${maxHops} exceeds the server's cap of ${cap} hops (PATH_MAX_HOPS); ask for ${cap} or fewer.`,
      {
        limit: 'PATH_MAX_HOPS',
        value: cap,
      },
    );
  }
  return maxHops;
}

/** Validated reach parameters from the arguments every reach-based query shares. */
export function reachParams(
  args: {
    agent: string;
    direction: 'INBOUND' | 'OUTBOUND';
    maxHops: number;
    during?: { from?: string | null; to?: string | null } | null;
    disciplines?: readonly string[] | null;
    minConfidence: 'CONFIRMED' | 'SUSPECTED';
    thirdPartyRule: 'RESPECT' | 'IGNORE';
    structure: 'FOLLOW' | 'IGNORE';
  },
  ctx: Context,
): ReachParams {
  const maxHops = checkHops(args.maxHops, ctx.limits.pathMaxHops);
  const window = timeWindow({ during: args.during ?? null });
  return {
    agent: args.agent,
    direction: args.direction,
    maxHops,
    during: window,
    disciplines: args.disciplines ?? [],
    minConfidence: args.minConfidence,
    respectThirdPartyRule: args.thirdPartyRule === 'RESPECT',
    followStructure: args.structure === 'FOLLOW',
    reading: 'CERTAIN',
  };
}

const penetrationReach: NonNullable<QueryResolvers['penetrationReach']> = async (
  _parent,
  args,
  ctx,
) => {
  const params = reachParams(args, ctx);
  try {
    const view = await viewFor(ctx, args.evidence);
    const outcome = await ctx.engine.read(view, (search) => {
      return underReadings(args.certainty, (reading) =>
        search.reach({ ...params, reading }, ctx.limits.pathMaxResults),
      );
    });
    if (!outcome)
      throw notFound(
        `No officer has id "${args.agent}"; penetrationReach starts from an officer (search for one with search(text: ...)).`,
        { argument: 'agent' },
      );
    return outcome;
  } catch (error) {
    if (error instanceof ResultCapExceeded) {
      throw new ApiError(
        ErrorCode.LIMIT_EXCEEDED,
        `The reach has more than ${error.cap} elements (PATH_MAX_RESULTS); narrow it with fewer hops, a window or disciplines.`,
        { limit: 'PATH_MAX_RESULTS', value: error.cap },
      );
    }
    throw error;
  }
};

const pathWindow = (path: Path) => {
  const ends = openEnds(path.interval);
  return { from: ends.from, to: ends.to };
};

/** Everything on the explaining paths, with hops, exposure and roles on the nodes. */
async function graphOf(reach: ReachOutcome, ctx: Context): Promise<GraphRecord> {
  const meta = new Map<string, Record<string, unknown>>();
  meta.set(reach.agent, { role: 'agent', hops: 0, onPath: true });
  const edges = new Map<string, GraphRecord['edges'][number]>();
  const edgeWindows = new Map<string, { from: string | null; to: string | null }>();
  const add = (kind: 'reached' | 'exposed', items: ReachOutcome['services']) => {
    for (const item of items) {
      const current = meta.get(item.id);
      if (!current || current['role'] !== 'agent')
        meta.set(item.id, {
          role: kind,
          hops: item.hops,
          exposure: item.exposure,
          certainty: item.certainty,
          onPath: true,
        });
      for (const node of item.path.nodes)
        if (!meta.has(node)) meta.set(node, { role: 'onPath', onPath: true });
      // An edge's window spans the windows of the explaining paths it lies on.
      const window = openEnds(item.path.interval);
      for (const link of item.path.links) {
        const previous = edgeWindows.get(link.id);
        edgeWindows.set(link.id, {
          from:
            previous &&
            (previous.from === null || (window.from !== null && previous.from < window.from))
              ? previous.from
              : window.from,
          to:
            previous && (previous.to === null || (window.to !== null && previous.to > window.to))
              ? previous.to
              : window.to,
        });
        edges.set(link.id, {
          id: link.id,
          source: link.start,
          target: link.end,
          kind: link.type,
          properties: {},
        });
      }
    }
  };
  add('reached', reach.services);
  add('reached', reach.channels);
  add('exposed', reach.operations);
  const ids = [...meta.keys()];
  const records = await ctx.loaders.entity.loadMany(ids);
  const nodes = ids.flatMap((id, i) => {
    const record = records[i];
    if (!record || record instanceof Error) return [];
    const name = nameOf(record.props, id);
    const from =
      typeof record.props['from'] === 'string'
        ? record.props['from']
        : typeof record.props['born'] === 'string'
          ? record.props['born']
          : null;
    const to =
      typeof record.props['to'] === 'string'
        ? record.props['to']
        : typeof record.props['died'] === 'string'
          ? record.props['died']
          : null;
    return [{ id, label: record.label, name, properties: { ...meta.get(id), name, from, to } }];
  });
  return {
    nodes,
    edges: [...edges.values()].map((edge) => ({
      ...edge,
      properties: { onPath: true, ...edgeWindows.get(edge.id) },
    })),
  };
}

/** What every reached element answers (hops, score, path, certainty, windows). */
const reachedFields = {
  hops: (r: Reached) => r.hops,
  exposure: (r: Reached) => r.exposure,
  path: (r: Reached) => r.path,
  certainty: (r: Reached) => r.certainty,
  windows: (r: Reached): ReachedWindow[] => [...r.windows],
  possibleWindows: (r: Reached): ReachedWindow[] | null =>
    r.possibleWindows ? [...r.possibleWindows] : null,
  earliest: (r: Reached) => {
    const first = r.windows[0] ?? r.possibleWindows?.[0];
    return first ? openEnds(first.interval).from : null;
  },
};

/** Path queries. */
export const pathResolvers: Pick<
  Resolvers,
  | 'Reach'
  | 'ReachedChannel'
  | 'ReachedService'
  | 'ExposedOperation'
  | 'ReachWindow'
  | 'ExplainingPath'
> & {
  Query: Pick<NonNullable<Resolvers['Query']>, 'penetrationReach'>;
} = {
  Query: { penetrationReach },
  Reach: {
    // Only officers have penetrations: the agent's label is known without a read.
    agent: (reach) => entityRef('Officer', reach.agent),
    window: (reach) => {
      const first = reach.windows[0];
      const last = reach.windows.at(-1);
      return first && last ? openEnds({ from: first.from, to: last.to }) : null;
    },
    windows: (reach) => reach.windows.map((w) => openEnds(w)),
    possibleWindows: (reach) => reach.possibleWindows?.map((w) => openEnds(w)) ?? null,
    channels: (reach) => [...reach.channels],
    services: (reach) => [...reach.services],
    operations: (reach) => [...reach.operations],
    graph: (reach, _args, ctx) => graphOf(reach, ctx),
  },
  ReachedChannel: {
    channel: (r) => entityRef('LiaisonChannel', r.id),
    ...reachedFields,
  },
  ReachedService: {
    service: (r) => entityRef('Service', r.id),
    ...reachedFields,
  },
  ExposedOperation: {
    operation: (r) => entityRef('Operation', r.id),
    ...reachedFields,
  },
  ReachWindow: {
    window: (w) => openEnds(w.interval),
    hops: (w) => w.hops,
    exposure: (w) => w.exposure,
    path: (w) => w.path,
  },
  ExplainingPath: {
    nodes: (path, _a, ctx) => pathNodes(path, ctx),
    links: (path) => [...path.links],
    window: (path) => pathWindow(path),
  },
};
