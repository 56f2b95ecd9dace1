import type { Context } from '../context/index.js';
import {
  entityLinks,
  mapOf,
  neighborhoodLinks,
  optStr,
  str,
  type EntityRecord,
  type Props,
} from '../cypher/index.js';
import { ApiError, ErrorCode, badInput, notFound } from '../errors/index.js';
import type { QueryResolvers, Resolvers } from '../generated/resolvers.js';
import {
  brokersOfAgents,
  exposureOfAgents,
  ResultCapExceeded,
  SearchTimedOut,
  type Deadline,
  type GraphRecord,
  type Reading,
  type TimelineEventRecord,
} from '../paths/index.js';
import { checkFirst } from './cursor.js';
import { viewFor } from './evidence.js';
import { timeWindow } from './linkFields.js';
import { graphOfPaths } from './shortestPathResolvers.js';
import { entity, reachParams } from './pathResolvers.js';
import { citations, nameOf } from './props.js';

async function existing(ctx: Context, id: string, what: string): Promise<EntityRecord> {
  const found = await ctx.loaders.entity.load(id);
  if (!found) throw notFound(`No entity has id "${id}"; ${what}.`, { argument: 'id' });
  return found;
}

function capError(error: unknown): unknown {
  if (error instanceof SearchTimedOut)
    return new ApiError(
      ErrorCode.QUERY_TIMEOUT,
      `The search ran longer than the timeout of ${error.budgetMs} ms; narrow it (fewer hops, a window).`,
      { limit: 'NEO4J_TX_TIMEOUT_MS', value: error.budgetMs },
    );
  if (error instanceof ResultCapExceeded) {
    return new ApiError(
      ErrorCode.LIMIT_EXCEEDED,
      `The answer has more than ${error.cap} elements (PATH_MAX_RESULTS); narrow it with fewer hops or a window.`,
      {
        limit: 'PATH_MAX_RESULTS',
        value: error.cap,
      },
    );
  }
  return error;
}

/** A search over every agent stops within the budget of a Neo4j transaction. */
const deadlineOf = (ctx: Context): Deadline => ({
  at: Date.now() + ctx.executor.timeoutMs,
  budgetMs: ctx.executor.timeoutMs,
});

const exposure: NonNullable<QueryResolvers['exposure']> = async (_p, args, ctx) => {
  const target = await existing(ctx, args.target, 'exposure takes a service or channel id');
  if (target.label !== 'Service' && target.label !== 'LiaisonChannel') {
    throw badInput(
      `'target' must be a service or a liaison channel; "${args.target}" is a ${target.label}.`,
      { argument: 'target' },
    );
  }
  const params = reachParams({ ...args, agent: '' }, ctx);
  const label = target.label;
  const view = await viewFor(ctx, args.evidence);
  try {
    const deadline = deadlineOf(ctx);
    const { considered, exposed } = await ctx.engine.read(view, async (search) => {
      const run = (reading: Reading) =>
        exposureOfAgents(
          search,
          { ...params, reading },
          { id: args.target, label },
          ctx.limits.pathMaxResults,
          deadline,
        );
      const certain = await run('CERTAIN');
      if (args.certainty === 'CERTAIN') return certain;
      // Certain agents keep their certain explanation; the others are possible.
      const possible = await run('POSSIBLE');
      const sure = new Set(certain.exposed.map((e) => e.agent));
      return {
        considered: possible.considered,
        exposed: [...certain.exposed, ...possible.exposed.filter((e) => !sure.has(e.agent))],
      };
    });
    const agents = exposed.map(({ agent, reached }) => ({
      agent,
      hops: reached.hops,
      exposure: reached.exposure,
      path: reached.path,
      certainty: reached.certainty,
    }));
    agents.sort(
      (a, b) => a.hops - b.hops || b.exposure - a.exposure || (a.agent < b.agent ? -1 : 1),
    );
    return { target: args.target, agents, agentsConsidered: considered };
  } catch (error) {
    throw capError(error);
  }
};

const brokers: NonNullable<QueryResolvers['brokers']> = async (_p, args, ctx) => {
  const limit = checkFirst(args.limit, ctx.limits.pageMaxSize, 'limit');
  const params = reachParams(
    { ...args, agent: '', disciplines: null, minConfidence: 'SUSPECTED' },
    ctx,
  );
  const view = await viewFor(ctx, args.evidence);
  try {
    return await ctx.engine.read(view, (search) =>
      brokersOfAgents(
        search,
        { ...params, reading: args.certainty },
        ctx.limits.pathMaxResults,
        limit,
        deadlineOf(ctx),
      ),
    );
  } catch (error) {
    throw capError(error);
  }
};

const neighborhood: NonNullable<QueryResolvers['neighborhood']> = async (_p, args, ctx) => {
  const center = await existing(ctx, args.id, 'neighborhood starts from an entity');
  if (!Number.isInteger(args.depth) || args.depth < 1 || args.depth > 3) {
    throw badInput(`'depth' must be from 1 to 3; got ${args.depth}.`, {
      argument: 'depth',
      min: 1,
      max: 3,
    });
  }
  const window = timeWindow({ during: args.during ?? null });
  const cap = ctx.limits.pathMaxResults;
  const rows = await ctx.executor.read(
    neighborhoodLinks(
      center.label,
      args.id,
      args.depth,
      args.kinds ?? [],
      window,
      cap,
      await viewFor(ctx, args.evidence),
    ),
  );
  if (rows.length > cap) throw capError(new ResultCapExceeded(cap));
  const nodes = new Map<string, GraphRecord['nodes'][number]>();
  const node = (id: string, label: string, props: Props, depthFromCenter: number | undefined) => {
    if (!nodes.has(id)) {
      const name = nameOf(props, id);
      nodes.set(id, {
        id,
        label,
        name,
        properties: {
          name,
          center: id === args.id,
          ...(depthFromCenter === undefined ? {} : { depth: depthFromCenter }),
        },
      });
    }
  };
  node(args.id, center.label, center.props, 0);
  const edges = rows.map((row) => {
    node(
      str(row['source'], 'source'),
      str(row['sourceLabel'], 'sourceLabel'),
      mapOf(row['sourceProps'], 'sourceProps'),
      undefined,
    );
    node(
      str(row['target'], 'target'),
      str(row['targetLabel'], 'targetLabel'),
      mapOf(row['targetProps'], 'targetProps'),
      undefined,
    );
    const link = mapOf(row['link'], 'link');
    return {
      id: str(row['id'], 'id'),
      source: str(row['source'], 'source'),
      target: str(row['target'], 'target'),
      kind: str(row['type'], 'type'),
      properties: {
        from: optStr(link['from']),
        to: optStr(link['to']),
        role: optStr(link['role']),
      },
    };
  });
  return { nodes: [...nodes.values()], edges };
};

const VERBS: Readonly<Record<string, readonly [string, string]>> = {
  PARTY_TO: ['becomes a party to', 'stops being a party to'],
  SERVES: ['begins serving', 'stops serving'],
  POSTED_TO: ['is posted to', 'ends the posting to'],
  AGENT_OF: ['begins working secretly for', 'stops working for (exposure or end)'],
  SUCCEEDED: ['succeeds', 'ends succession of'],
  CONDUCTED: ['begins', 'ends'],
  THROUGH: ['runs through', 'stops running through'],
  TOOK_PART: ['begins taking part in', 'ends taking part in'],
  TARGETED: ['begins targeting', 'stops targeting'],
  OF: ['belongs to', 'stops belonging to'],
};

const timeline: NonNullable<QueryResolvers['timeline']> = async (_p, args, ctx) => {
  const subject = await existing(ctx, args.id, 'timeline takes an entity id');
  const subjectName = nameOf(subject.props, args.id);
  const events: TimelineEventRecord[] = [];
  const own = subject.label === 'Officer' ? (['born', 'died'] as const) : (['from', 'to'] as const);
  own.forEach((key, i) => {
    const date = optStr(subject.props[key]);
    if (date) {
      events.push({
        date,
        kind: i === 0 ? 'BEGINS' : 'ENDS',
        description: `${subjectName} ${subject.label === 'Officer' ? key : i === 0 ? 'begins' : 'ends'} (${date})`,
        other: null,
        sourceId: args.id,
        sources: citations(subject.props),
      });
    }
  });
  for (const row of await ctx.executor.read(entityLinks(subject.label, args.id, ctx.visibility))) {
    const type = str(row['type'], 'type');
    const link = mapOf(row['link'], 'link');
    const otherProps = mapOf(row['otherProps'], 'otherProps');
    const other = str(row['other'], 'other');
    const [start, end] =
      row['outgoing'] === true
        ? [subjectName, nameOf(otherProps, other)]
        : [nameOf(otherProps, other), subjectName];
    const verbs = VERBS[type] ?? ['begins', 'ends'];
    // Links without dates of their own to an operation date by the operation.
    const dated =
      optStr(link['from']) !== null || optStr(link['to']) !== null
        ? link
        : str(row['otherLabel'], 'otherLabel') === 'Operation'
          ? otherProps
          : link;
    (['from', 'to'] as const).forEach((key, i) => {
      const date = optStr(dated[key]);
      if (date) {
        events.push({
          date,
          kind: `${type}_${i === 0 ? 'START' : 'END'}`,
          description: `${start} ${verbs[i] ?? ''} ${end}`,
          other,
          sourceId: str(link['id'], 'id'),
          sources: citations(link),
        });
      }
    });
  }
  return events.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1,
  );
};

/** Exposure, brokers, neighbourhoods and timelines. */
export const analysisResolvers: {
  Query: Pick<QueryResolvers, 'exposure' | 'brokers' | 'neighborhood' | 'timeline'>;
} & Pick<Resolvers, 'Exposure' | 'ExposedTo' | 'Broker' | 'TimelineEvent'> = {
  Query: { exposure, brokers, neighborhood, timeline },
  Exposure: {
    target: (e, _a, ctx) => entity(ctx, e.target),
    agents: (e) => [...e.agents],
    count: (e) => e.agents.length,
    share: (e) => (e.agentsConsidered === 0 ? 0 : e.agents.length / e.agentsConsidered),
    agentsConsidered: (e) => e.agentsConsidered,
    graph: (e, _a, ctx) => graphOfPaths({ paths: e.agents.map((a) => a.path) }, ctx),
  },
  ExposedTo: {
    agent: (e, _a, ctx) => entity(ctx, e.agent),
    hops: (e) => e.hops,
    exposure: (e) => e.exposure,
    path: (e) => e.path,
    certainty: (e) => e.certainty,
  },
  Broker: {
    entity: (b, _a, ctx) => entity(ctx, b.id),
    agents: (b) => b.agentIds.length,
    agentIds: (b) => [...b.agentIds],
  },
  TimelineEvent: {
    other: (e, _a, ctx) => (e.other === null ? null : ctx.loaders.entity.load(e.other)),
    sources: (e) => [...e.sources],
  },
};
