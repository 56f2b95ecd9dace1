import { both, boundedByParties } from '../paths/facts.js';
import { BEGINNING, END, intersect, NEVER, type Interval } from '../model/index.js';
import type {
  ChannelFacts,
  Footholds,
  Membership,
  OperationLink,
  Spans,
  StructureLink,
} from '../paths/reachTypes.js';
import type { Visibility } from '../visibility/index.js';
import { KIND, TYPE, type GraphProjection } from './graphProjection.js';

/** Channels (and services' adjacency and structure) kept assembled per view, at most. */
const KEPT = 50_000;

export type Adjacent = { readonly membership: Membership; readonly channel: ChannelFacts };

/** A Map that starts again when it holds `KEPT` entries (bounds memory on a large graph). */
function kept<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const known = map.get(key);
  if (known !== undefined) return known;
  const made = make();
  if (map.size >= KEPT) map.clear();
  map.set(key, made);
  return made;
}

/**
 * The facts a path search reads, from the in-memory projection under one caller's view,
 * addressed by the projection's node indexes: the same facts, in the same shapes, as
 * `neo4jReachSource` reads with Cypher (src/cypher/reachQueries.ts). The view is applied to
 * every node and link as it is read (a mask over markings), so a hidden element is never
 * crossed, counted or shown. Synchronous: no call leaves the process.
 *
 * One per view and projection version (`projectedFacts`), shared by the requests of that view
 * until the projection changes, so a channel is assembled once for all of them.
 */
export class ProjectedFacts {
  private readonly mask: Uint8Array;
  private readonly intervals = new Map<number, Interval>();
  private readonly channelCache = new Map<number, ChannelFacts | null>();
  private readonly adjacency = new Map<number, readonly Adjacent[]>();
  private readonly structure = new Map<number, readonly StructureLink[]>();

  constructor(
    readonly g: GraphProjection,
    view: Visibility,
  ) {
    this.mask = g.maskFor(view);
  }

  nodeSeen(i: number): boolean {
    return this.g.kind.get(i) !== 0 && this.mask[this.g.nodeMark.get(i)] === 1;
  }

  linkSeen(e: number): boolean {
    return this.g.linkType.get(e) !== 0 && this.mask[this.g.linkMark.get(e)] === 1;
  }

  /** Whether node `i` is a visible node of `kind`. */
  is(i: number, kind: number): boolean {
    return this.g.kind.get(i) === kind && this.nodeSeen(i);
  }

  /** The interval of two date indexes; shared, since few distinct pairs occur. */
  private interval(from: number, to: number, inner: boolean): Interval {
    if (inner && (from === 0 || to === 0)) return NEVER;
    const key = from * 0x200000 + to;
    let out = this.intervals.get(key);
    if (!out) {
      out = { from: this.g.day(from) ?? BEGINNING, to: this.g.day(to) ?? END };
      this.intervals.set(key, out);
    }
    return out;
  }

  private spansAt(column: GraphProjection['nodeSpans'], at: number): Spans {
    return {
      validity: this.interval(column.get(at * 4), column.get(at * 4 + 1), false),
      certain: this.interval(column.get(at * 4 + 2), column.get(at * 4 + 3), true),
    };
  }

  nodeSpans(i: number): Spans {
    return this.spansAt(this.g.nodeSpans, i);
  }

  linkSpans(e: number): Spans {
    return this.spansAt(this.g.linkSpans, e);
  }

  /** A visible channel with its visible parties (`reachChannels`), or null. */
  channelAt(c: number): ChannelFacts | null {
    return kept(this.channelCache, c, () => this.assembleChannel(c));
  }

  private assembleChannel(c: number): ChannelFacts | null {
    const { g } = this;
    const attributes = g.channels.get(c);
    if (!attributes || !this.is(c, KIND.LiaisonChannel)) return null;
    const parties: Membership[] = [];
    for (const e of g.inOf(c)) {
      if (g.linkType.get(e) !== TYPE.PARTY_TO || !this.linkSeen(e)) continue;
      const t = g.linkStart.get(e);
      if (!this.is(t, KIND.Service)) continue;
      const of = this.nodeSpans(t);
      parties.push({
        link: g.linkId(e),
        service: g.idOf(t),
        ...this.linkSpans(e),
        serviceValidity: of.validity,
        serviceCertain: of.certain,
      });
    }
    const own = this.nodeSpans(c);
    const bounded = boundedByParties(own.validity, parties);
    return {
      id: g.idOf(c),
      validity: bounded,
      certain: intersect(own.certain, bounded) ?? NEVER,
      sharing: attributes.sharing,
      thirdPartyRule: attributes.thirdPartyRule,
      disciplines: attributes.disciplines,
      parties,
    };
  }

  /** A visible service's channels, each with the service's membership (`reachMembershipsOfServices`). */
  adjacencyAt(s: number): readonly Adjacent[] {
    return kept(this.adjacency, s, () => {
      const { g } = this;
      const built: Adjacent[] = [];
      if (!this.is(s, KIND.Service)) return built;
      const sid = g.idOf(s);
      const seen = new Set<number>();
      for (const e of g.outOf(s)) {
        if (g.linkType.get(e) !== TYPE.PARTY_TO || !this.linkSeen(e)) continue;
        const c = g.linkEnd.get(e);
        if (seen.has(c)) continue;
        seen.add(c);
        const facts = this.channelAt(c);
        if (!facts) continue;
        for (const membership of facts.parties)
          if (membership.service === sid) built.push({ membership, channel: facts });
      }
      return built;
    });
  }

  /** A visible service's visible PART_OF links with both ends' spans (`reachStructureOf`). */
  structureAt(s: number): readonly StructureLink[] {
    return kept(this.structure, s, () => {
      const { g } = this;
      const links: StructureLink[] = [];
      if (!this.is(s, KIND.Service)) return links;
      const add = (e: number, other: number) => {
        if (g.linkType.get(e) !== TYPE.PART_OF || !this.linkSeen(e)) return;
        if (!this.is(other, KIND.Service)) return;
        const a = g.linkStart.get(e);
        const b = g.linkEnd.get(e);
        const component = this.nodeSpans(a);
        const whole = this.nodeSpans(b);
        links.push({
          link: g.linkId(e),
          component: g.idOf(a),
          whole: g.idOf(b),
          ...this.linkSpans(e),
          componentValidity: component.validity,
          componentCertain: component.certain,
          wholeValidity: whole.validity,
          wholeCertain: whole.certain,
        });
      };
      for (const e of g.outOf(s)) add(e, g.linkEnd.get(e));
      for (const e of g.inOf(s)) add(e, g.linkStart.get(e));
      return links;
    });
  }

  /** What a visible officer held (`reachFootholds`), or undefined. */
  footholdsAt(a: number): Footholds | undefined {
    const { g } = this;
    if (!this.is(a, KIND.Officer)) return undefined;
    const facts = {
      agent: g.idOf(a),
      penetrations: [] as Footholds['penetrations'][number][],
      serves: [] as Footholds['serves'][number][],
      postings: [] as Footholds['postings'][number][],
      operations: [] as Footholds['operations'][number][],
    };
    for (const e of g.outOf(a)) {
      const type = g.linkType.get(e);
      if (!this.linkSeen(e)) continue;
      const b = g.linkEnd.get(e);
      if (!this.nodeSeen(b)) continue;
      const kind = g.kind.get(b);
      const link = g.linkId(e);
      if (type === TYPE.AGENT_OF && (kind === KIND.Service || kind === KIND.Organization))
        facts.penetrations.push({
          link,
          hostile: g.idOf(b),
          confidence: g.confidences.values[g.linkConfidence.get(e)] ?? '',
          ...this.linkSpans(e),
        });
      else if (type === TYPE.SERVES && kind === KIND.Service) {
        const of = this.nodeSpans(b);
        facts.serves.push({
          link,
          service: g.idOf(b),
          ...this.linkSpans(e),
          serviceValidity: of.validity,
          serviceCertain: of.certain,
        });
      } else if (type === TYPE.POSTED_TO && kind === KIND.LiaisonChannel)
        facts.postings.push({ link, channel: g.idOf(b), ...this.linkSpans(e) });
      else if (type === TYPE.TOOK_PART && kind === KIND.Operation)
        facts.operations.push({
          link,
          operation: g.idOf(b),
          ...both(this.linkSpans(e), this.nodeSpans(b)),
        });
    }
    return facts;
  }

  /**
   * The operations a visible service CONDUCTED or that ran THROUGH a visible channel, with
   * the link's and the operation's spans together (`reachOperationsOf`).
   */
  operationsAt(node: number): OperationLink[] {
    const { g } = this;
    const out: OperationLink[] = [];
    const via = g.idOf(node);
    const push = (e: number, o: number, type: 'CONDUCTED' | 'THROUGH') =>
      out.push({
        via,
        link: g.linkId(e),
        type,
        operation: g.idOf(o),
        ...both(this.linkSpans(e), this.nodeSpans(o)),
      });
    if (this.is(node, KIND.Service))
      for (const e of g.outOf(node)) {
        if (g.linkType.get(e) !== TYPE.CONDUCTED || !this.linkSeen(e)) continue;
        const o = g.linkEnd.get(e);
        if (this.is(o, KIND.Operation)) push(e, o, 'CONDUCTED');
      }
    else if (this.is(node, KIND.LiaisonChannel))
      for (const e of g.inOf(node)) {
        if (g.linkType.get(e) !== TYPE.THROUGH || !this.linkSeen(e)) continue;
        const o = g.linkStart.get(e);
        if (this.is(o, KIND.Operation)) push(e, o, 'THROUGH');
      }
    return out;
  }

  private agentList: readonly string[] | undefined;

  /** Every agent: a visible officer with a visible AGENT_OF link to a visible end, by id. */
  agents(): readonly string[] {
    this.agentList ??= this.listAgents();
    return this.agentList;
  }

  private listAgents(): string[] {
    const { g } = this;
    const out: string[] = [];
    for (let a = 0; a < g.nodeCount; a++) {
      if (!this.is(a, KIND.Officer)) continue;
      for (const e of g.outOf(a))
        if (
          g.linkType.get(e) === TYPE.AGENT_OF &&
          this.linkSeen(e) &&
          this.nodeSeen(g.linkEnd.get(e))
        ) {
          out.push(g.idOf(a));
          break;
        }
    }
    return out.sort();
  }

  /** The index of a visible node of `kind` with this id. */
  indexOf(id: string, kind: number): number | undefined {
    const i = this.g.index.get(id);
    return i !== undefined && this.is(i, kind) ? i : undefined;
  }
}

const facts = new WeakMap<
  GraphProjection,
  Map<string, { version: number; facts: ProjectedFacts }>
>();

/** The facts of `g` under `view`, one per view and projection version. */
export function projectedFacts(g: GraphProjection, view: Visibility): ProjectedFacts {
  let byView = facts.get(g);
  if (!byView) {
    byView = new Map();
    facts.set(g, byView);
  }
  const known = byView.get(view.key);
  if (known && known.version === g.version) return known.facts;
  const made = new ProjectedFacts(g, view);
  byView.set(view.key, { version: g.version, facts: made });
  return made;
}
