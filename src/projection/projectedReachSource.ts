import { both, boundedByParties } from '../paths/facts.js';
import { BEGINNING, END, intersect, NEVER, type Interval } from '../model/index.js';
import type {
  ChannelFacts,
  Footholds,
  Membership,
  OperationLink,
  ReachSource,
  Spans,
  StructureLink,
} from '../paths/reachTypes.js';
import type { Visibility } from '../visibility/index.js';
import { KIND, TYPE, type GraphProjection } from './graphProjection.js';

/** Channels kept assembled per view, at most (then the cache starts again). */
const CHANNELS_KEPT = 50_000;

type Adjacent = { readonly membership: Membership; readonly channel: ChannelFacts };

const sources = new WeakMap<
  GraphProjection,
  Map<string, { version: number; source: ReachSource }>
>();

/**
 * The reach source over the in-memory projection, under one caller's view: the same facts,
 * in the same shapes, as `neo4jReachSource` reads with Cypher (src/cypher/reachQueries.ts),
 * with the view applied to every node and link as it is crossed (a mask over markings), so a
 * hidden element is never crossed, counted or shown. No call leaves the process.
 *
 * One source per view and projection version, shared by the requests of that view until the
 * projection changes: a channel is assembled once (and converted to the certain reading once,
 * see `readingOf`) for all of them.
 */
export function projectedReachSource(g: GraphProjection, view: Visibility): ReachSource {
  let byView = sources.get(g);
  if (!byView) {
    byView = new Map();
    sources.set(g, byView);
  }
  const kept = byView.get(view.key);
  if (kept && kept.version === g.version) return kept.source;
  const source = sourceOf(g, view);
  byView.set(view.key, { version: g.version, source });
  return source;
}

function sourceOf(g: GraphProjection, view: Visibility): ReachSource {
  const mask = g.maskFor(view);
  const nodeSeen = (i: number): boolean => g.kind.get(i) !== 0 && mask[g.nodeMark.get(i)] === 1;
  const linkSeen = (e: number): boolean => mask[g.linkMark.get(e)] === 1;
  const is = (i: number, kind: number): boolean => g.kind.get(i) === kind && nodeSeen(i);

  const intervals = new Map<number, Interval>();
  /** The interval of two date indexes; shared, since few distinct pairs occur. */
  const interval = (from: number, to: number, inner: boolean): Interval => {
    if (inner && (from === 0 || to === 0)) return NEVER;
    const key = from * 0x200000 + to;
    let out = intervals.get(key);
    if (!out) {
      out = { from: g.day(from) ?? BEGINNING, to: g.day(to) ?? END };
      intervals.set(key, out);
    }
    return out;
  };
  const spansAt = (column: typeof g.nodeSpans, at: number): Spans => ({
    validity: interval(column.get(at * 4), column.get(at * 4 + 1), false),
    certain: interval(column.get(at * 4 + 2), column.get(at * 4 + 3), true),
  });
  const nodeSpans = (i: number): Spans => spansAt(g.nodeSpans, i);
  const linkSpans = (e: number): Spans => spansAt(g.linkSpans, e);

  const channelCache = new Map<number, ChannelFacts | null>();
  /** A visible channel with its visible parties (`reachChannels`). */
  const channel = (c: number): ChannelFacts | null => {
    let out = channelCache.get(c);
    if (out !== undefined) return out;
    out = null;
    const attributes = g.channels.get(c);
    if (attributes && is(c, KIND.LiaisonChannel)) {
      const parties: Membership[] = [];
      for (const e of g.inOf(c)) {
        if (g.linkType.get(e) !== TYPE.PARTY_TO || !linkSeen(e)) continue;
        const t = g.linkStart.get(e);
        if (!is(t, KIND.Service)) continue;
        const of = nodeSpans(t);
        parties.push({
          link: g.linkId(e),
          service: g.idOf(t),
          ...linkSpans(e),
          serviceValidity: of.validity,
          serviceCertain: of.certain,
        });
      }
      const own = nodeSpans(c);
      const bounded = boundedByParties(own.validity, parties);
      out = {
        id: g.idOf(c),
        validity: bounded,
        certain: intersect(own.certain, bounded) ?? NEVER,
        sharing: attributes.sharing,
        thirdPartyRule: attributes.thirdPartyRule,
        disciplines: attributes.disciplines,
        parties,
      };
    }
    if (channelCache.size >= CHANNELS_KEPT) channelCache.clear();
    channelCache.set(c, out);
    return out;
  };

  const footholds = (agent: string): Footholds | undefined => {
    const a = g.index.get(agent);
    if (a === undefined || !is(a, KIND.Officer)) return undefined;
    const facts = {
      agent,
      penetrations: [] as Footholds['penetrations'][number][],
      serves: [] as Footholds['serves'][number][],
      postings: [] as Footholds['postings'][number][],
      operations: [] as Footholds['operations'][number][],
    };
    for (const e of g.outOf(a)) {
      const type = g.linkType.get(e);
      if (type === 0 || !linkSeen(e)) continue;
      const b = g.linkEnd.get(e);
      if (!nodeSeen(b)) continue;
      const kind = g.kind.get(b);
      const link = g.linkId(e);
      if (type === TYPE.AGENT_OF && (kind === KIND.Service || kind === KIND.Organization))
        facts.penetrations.push({
          link,
          hostile: g.idOf(b),
          confidence: g.confidences.values[g.linkConfidence.get(e)] ?? '',
          ...linkSpans(e),
        });
      else if (type === TYPE.SERVES && kind === KIND.Service) {
        const of = nodeSpans(b);
        facts.serves.push({
          link,
          service: g.idOf(b),
          ...linkSpans(e),
          serviceValidity: of.validity,
          serviceCertain: of.certain,
        });
      } else if (type === TYPE.POSTED_TO && kind === KIND.LiaisonChannel)
        facts.postings.push({ link, channel: g.idOf(b), ...linkSpans(e) });
      else if (type === TYPE.TOOK_PART && kind === KIND.Operation)
        facts.operations.push({
          link,
          operation: g.idOf(b),
          ...both(linkSpans(e), nodeSpans(b)),
        });
    }
    return facts;
  };

  const adjacency = new Map<string, readonly Adjacent[]>();
  /** A service's channels with its memberships (`reachMembershipsOfServices`), kept. */
  const adjacencyOf = (sid: string): readonly Adjacent[] => {
    let list = adjacency.get(sid);
    if (list) return list;
    const built: Adjacent[] = [];
    const s = serviceIndex(sid);
    const seen = new Set<number>();
    if (s !== undefined)
      for (const e of g.outOf(s)) {
        if (g.linkType.get(e) !== TYPE.PARTY_TO || !linkSeen(e)) continue;
        const c = g.linkEnd.get(e);
        if (seen.has(c)) continue;
        seen.add(c);
        const facts = channel(c);
        if (!facts) continue;
        for (const membership of facts.parties)
          if (membership.service === sid) built.push({ membership, channel: facts });
      }
    if (adjacency.size >= CHANNELS_KEPT) adjacency.clear();
    adjacency.set(sid, built);
    list = built;
    return list;
  };

  const structure = new Map<string, readonly StructureLink[]>();
  /** A service's visible PART_OF links with both ends' spans (`reachStructureOf`), kept. */
  const structureOfService = (sid: string): readonly StructureLink[] => {
    const known = structure.get(sid);
    if (known) return known;
    const s = serviceIndex(sid);
    if (s === undefined) return [];
    const links: StructureLink[] = [];
    const add = (e: number, other: number) => {
      if (g.linkType.get(e) !== TYPE.PART_OF || !linkSeen(e) || !is(other, KIND.Service)) return;
      const a = g.linkStart.get(e);
      const b = g.linkEnd.get(e);
      const component = nodeSpans(a);
      const whole = nodeSpans(b);
      links.push({
        link: g.linkId(e),
        component: g.idOf(a),
        whole: g.idOf(b),
        ...linkSpans(e),
        componentValidity: component.validity,
        componentCertain: component.certain,
        wholeValidity: whole.validity,
        wholeCertain: whole.certain,
      });
    };
    for (const e of g.outOf(s)) add(e, g.linkEnd.get(e));
    for (const e of g.inOf(s)) add(e, g.linkStart.get(e));
    if (structure.size >= CHANNELS_KEPT) structure.clear();
    structure.set(sid, links);
    return links;
  };

  const serviceIndex = (sid: string): number | undefined => {
    const s = g.index.get(sid);
    return s !== undefined && g.kind.get(s) === KIND.Service ? s : undefined;
  };

  return {
    footholds: (agent) => Promise.resolve(footholds(agent)),
    channelsOfServices(services) {
      const out = new Map<string, readonly Adjacent[]>();
      for (const sid of services) out.set(sid, adjacencyOf(sid));
      return Promise.resolve(out);
    },
    channels(ids) {
      const out = new Map<string, ChannelFacts>();
      for (const id of ids) {
        const c = g.index.get(id);
        const facts = c === undefined ? null : channel(c);
        if (facts) out.set(id, facts);
      }
      return Promise.resolve(out);
    },
    operationsOf(services, channels) {
      const out: OperationLink[] = [];
      const push = (via: string, e: number, o: number, type: 'CONDUCTED' | 'THROUGH') =>
        out.push({
          via,
          link: g.linkId(e),
          type,
          operation: g.idOf(o),
          ...both(linkSpans(e), nodeSpans(o)),
        });
      for (const sid of services) {
        const s = serviceIndex(sid);
        if (s === undefined) continue;
        for (const e of g.outOf(s)) {
          if (g.linkType.get(e) !== TYPE.CONDUCTED || !linkSeen(e)) continue;
          const o = g.linkEnd.get(e);
          if (is(o, KIND.Operation)) push(sid, e, o, 'CONDUCTED');
        }
      }
      for (const cid of channels) {
        const c = g.index.get(cid);
        if (c === undefined || g.kind.get(c) !== KIND.LiaisonChannel) continue;
        for (const e of g.inOf(c)) {
          if (g.linkType.get(e) !== TYPE.THROUGH || !linkSeen(e)) continue;
          const o = g.linkStart.get(e);
          if (is(o, KIND.Operation)) push(cid, e, o, 'THROUGH');
        }
      }
      return Promise.resolve(out);
    },
    structureOf(services) {
      const out = new Map<string, readonly StructureLink[]>();
      for (const sid of services) {
        const links = structureOfService(sid);
        if (links.length > 0) out.set(sid, links);
      }
      return Promise.resolve(out);
    },
    agents() {
      const out: string[] = [];
      for (let a = 0; a < g.nodeCount; a++) {
        if (!is(a, KIND.Officer)) continue;
        for (const e of g.outOf(a))
          if (g.linkType.get(e) === TYPE.AGENT_OF && linkSeen(e) && nodeSeen(g.linkEnd.get(e))) {
            out.push(g.idOf(a));
            break;
          }
      }
      return Promise.resolve(out.sort());
    },
    spansOf(id, label) {
      const i = g.index.get(id);
      return Promise.resolve(i !== undefined && is(i, KIND[label]) ? nodeSpans(i) : undefined);
    },
  };
}
