import { coveredBy, intersect, intersectAll, merge, type Interval } from './interval.js';
import type {
  ChannelFacts,
  EventSpans,
  Path,
  PathLink,
  Reached,
  ReachOutcome,
  ReachParams,
  ReachSource,
  ReachedWindow,
} from './reachTypes.js';
import { readingOf, type Reading } from './reading.js';
import { CONFIDENCE_WEIGHT, sharingWeight } from './weights.js';

/** A path being extended: where it ends, its hop count, score and whether it may go on. */
interface Piece {
  readonly node: string;
  readonly kind: 'Service' | 'LiaisonChannel';
  readonly hops: number;
  readonly score: number;
  readonly path: Path;
  readonly extendable: boolean;
}

/** What explanations are ranked by (a reached element, or a step about to become one). */
interface Ranked {
  readonly hops: number;
  readonly exposure: number;
  readonly path: Pick<Path, 'nodes' | 'interval'>;
}

/**
 * Orders explanations: fewer hops, higher score, fewer nodes (a posting explains more directly
 * than the service behind it), smaller node-id sequence, earlier then longer window.
 */
export function better(a: Ranked, b: Ranked): boolean {
  if (a.hops !== b.hops) return a.hops < b.hops;
  if (a.exposure !== b.exposure) return a.exposure > b.exposure;
  if (a.path.nodes.length !== b.path.nodes.length) return a.path.nodes.length < b.path.nodes.length;
  const ids = compareIds(a.path.nodes, b.path.nodes);
  if (ids !== 0) return ids < 0;
  if (a.path.interval.from !== b.path.interval.from)
    return a.path.interval.from < b.path.interval.from;
  return a.path.interval.to > b.path.interval.to;
}

function compareIds(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const extend = (path: Path, link: PathLink, node: string, interval: Interval): Path => ({
  nodes: [...path.nodes, node],
  links: [...path.links, link],
  interval,
});

/** A path's claim on an element: what `Best` collects. */
type Candidate = Omit<Reached, 'windows' | 'certainty' | 'possibleWindows'>;

/**
 * Keeps, per element, every window in which a path reaches it (the union of the paths'
 * intervals, merged) with the best explanation inside each, and the best overall.
 */
class Best {
  private readonly byId = new Map<string, Candidate[]>();
  constructor(private readonly reading: Reading) {}
  offer(candidate: Candidate): void {
    const list = this.byId.get(candidate.id);
    if (list) list.push(candidate);
    else this.byId.set(candidate.id, [candidate]);
  }
  list(): Reached[] {
    return [...this.byId.values()]
      .map((candidates) => windowsOf(candidates, this.reading))
      .sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : 1));
  }
  get size(): number {
    return this.byId.size;
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
}

/** The best of a non-empty list. */
function bestOf<T extends Ranked>(list: readonly T[]): T {
  const [first, ...rest] = list;
  if (first === undefined) throw new Error('no candidate to rank');
  return rest.reduce((best, c) => (better(c, best) ? c : best), first);
}

/** An element's windows: each merged interval with the best candidate inside it. */
function windowsOf(candidates: readonly Candidate[], certainty: Reading): Reached {
  const windows: ReachedWindow[] = merge(candidates.map((c) => c.path.interval)).map((interval) => {
    const inside = candidates.filter(
      (c) => interval.from <= c.path.interval.from && c.path.interval.to <= interval.to,
    );
    const best = bestOf(inside);
    return { interval, hops: best.hops, exposure: best.exposure, path: best.path };
  });
  const best = bestOf(candidates);
  return { ...best, windows, certainty };
}

/**
 * Narrows a reach to one target (for exposure): only pieces that could still reach the target
 * within the hop limit are extended, and the search stops after the hop at which the target is
 * first reached (its explanation is final then: later hops only find longer paths). Operations
 * are not computed. The answer for the target is exactly the unfocused one.
 */
export interface Focus {
  readonly target: string;
  /**
   * Whether a piece at this service, open during `interval`, could reach the target within
   * `remaining` more channels. May admit pieces that cannot (it need not know the third-party
   * rule), never refuses one that can.
   */
  readonly mayReach: (service: string, interval: Interval, remaining: number) => boolean;
  /** The target's own validity: every path to it lies inside it. */
  readonly targetValidity: Interval;
}

/** Thrown when the reached set outgrows the caller's result cap. */
export class ResultCapExceeded extends Error {
  constructor(readonly cap: number) {
    super(`more than ${cap} reached elements`);
  }
}

/**
 * Penetration reach exactly as docs/path-semantics.md defines it: breadth-first over hops,
 * one `source` call per hop, each node re-expanded only for time not covered before.
 */
export async function computeReach(
  store: ReachSource,
  params: ReachParams,
  resultCap: number,
  focus?: Focus,
): Promise<ReachOutcome | undefined> {
  const source = readingOf(store, params.reading);
  const mayReachTarget = (node: string, hops: number, interval: Interval): boolean =>
    focus === undefined || focus.mayReach(node, interval, params.maxHops - hops);
  const targetFound = (): boolean =>
    focus !== undefined && (channels.has(focus.target) || services.has(focus.target));
  const facts = await source.footholds(params.agent);
  if (!facts) return undefined;
  const agentPath: Path = {
    nodes: [facts.agent],
    links: [],
    interval: { from: '0000-01-01', to: '9999-12-31' },
  };
  const penetrations = facts.penetrations.filter(
    (p) => params.minConfidence === 'SUSPECTED' || p.confidence === 'CONFIRMED',
  );
  const starts = penetrations
    .map((p) => ({
      score: CONFIDENCE_WEIGHT[p.confidence] ?? 0,
      interval: params.during ? intersect(p.validity, params.during) : p.validity,
    }))
    .filter((s): s is { score: number; interval: Interval } => s.interval !== undefined);
  // A path's window lies inside the agent's and the target's: none shared, nothing to search.
  const searched =
    focus === undefined
      ? starts
      : starts.filter((s) => intersect(s.interval, focus.targetValidity) !== undefined);

  const channels = new Best(params.reading);
  const services = new Best(params.reading);
  const operations = new Best(params.reading);
  const visited: Piece[] = []; // every piece that ended at a service or channel, for operations
  const checkCap = (): void => {
    if (channels.size + services.size + operations.size > resultCap)
      throw new ResultCapExceeded(resultCap);
  };

  // Hop 0: services served and operations taken part in, within a window.
  const agentPiece: Piece = {
    node: facts.agent,
    kind: 'Service',
    hops: 0,
    score: 0,
    path: agentPath,
    extendable: false,
  };
  const serving: Step[] = [];
  for (const start of searched) {
    for (const serve of facts.serves) {
      const interval = intersectAll(start.interval, serve.validity, serve.serviceValidity);
      if (!interval) continue;
      serving.push({
        from: agentPiece,
        link: { id: serve.link, type: 'SERVES', start: facts.agent, end: serve.service },
        node: serve.service,
        kind: 'Service',
        hops: 0,
        score: start.score,
        interval,
        extendable: true,
        fromService: undefined,
      });
    }
    for (const op of facts.operations) {
      const interval = meetEvent(start.interval, op);
      if (!interval) continue;
      const path = extend(
        agentPath,
        { id: op.link, type: 'TOOK_PART', start: facts.agent, end: op.operation },
        op.operation,
        interval,
      );
      operations.offer({ id: op.operation, hops: 0, exposure: start.score, path });
    }
  }
  const coverage = new Map<string, Interval[]>();
  /**
   * Structure (docs/path-semantics.md): from the pieces of one hop, what a community receives
   * reaches its components and the reverse, at the same hop, along simple paths. Only pieces
   * that may go on move (a piece the OUTBOUND rule stops is not passed on), and only those
   * bringing time not covered at earlier hops; a step dominated by another onto the same node
   * (see `dominant`) is dropped.
   */
  const closeOverStructure = async (pieces: Piece[]): Promise<Piece[]> => {
    if (!params.followStructure) return pieces;
    const all = [...pieces];
    const goesOn = (p: Piece): boolean =>
      p.extendable && !coveredBy(p.path.interval, coverage.get(p.node) ?? []);
    let pending = pieces.filter(goesOn);
    while (pending.length > 0) {
      const links = await source.structureOf([...new Set(pending.map((p) => p.node))]);
      const steps: Step[] = [];
      for (const piece of pending) {
        for (const l of links.get(piece.node) ?? []) {
          const up = l.component === piece.node;
          const other = up ? l.whole : l.component;
          if (piece.path.nodes.includes(other)) continue;
          const k = intersectAll(
            piece.path.interval,
            l.validity,
            up ? l.wholeValidity : l.componentValidity,
          );
          if (!k || !mayReachTarget(other, piece.hops, k)) continue;
          steps.push({
            from: piece,
            link: { id: l.link, type: 'PART_OF', start: l.component, end: l.whole },
            node: other,
            kind: 'Service',
            hops: piece.hops,
            score: piece.score,
            interval: k,
            extendable: true,
            fromService: undefined,
          });
        }
      }
      const fresh = dominant(steps)
        .map(pieceOf)
        .filter((p) => !all.some((q) => dominates(q, p)));
      all.push(...fresh);
      pending = fresh.filter(goesOn);
    }
    return all;
  };

  let frontier = await closeOverStructure(dominant(serving).map(pieceOf));
  for (const piece of frontier) {
    services.offer({ id: piece.node, hops: 0, exposure: piece.score, path: piece.path });
    visited.push(piece);
  }

  // Postings: the posted channel is crossed at hop 1 from the agent.
  const posted =
    params.maxHops >= 1 && facts.postings.length > 0
      ? await source.channels(facts.postings.map((p) => p.channel))
      : new Map<string, ChannelFacts>();
  const crossings: {
    from: Piece;
    link: PathLink;
    membership: Interval;
    channel: ChannelFacts;
    from_service: string | undefined;
  }[] = [];
  for (const start of searched) {
    for (const posting of facts.postings) {
      const channel = posted.get(posting.channel);
      if (!channel) continue;
      const interval = intersect(start.interval, posting.validity);
      if (!interval) continue;
      const piece: Piece = {
        node: facts.agent,
        kind: 'Service',
        hops: 0,
        score: start.score,
        path: { ...agentPath, interval },
        extendable: true,
      };
      crossings.push({
        from: piece,
        link: { id: posting.link, type: 'POSTED_TO', start: facts.agent, end: channel.id },
        membership: posting.validity,
        channel,
        from_service: undefined,
      });
    }
  }

  const channelsById = new Map<string, ChannelFacts>();
  for (const channel of posted.values()) channelsById.set(channel.id, channel);
  for (let hop = 0; hop < params.maxHops && !targetFound(); hop++) {
    // Extend only pieces that bring time not yet covered at their service.
    const expanding = frontier.filter(
      (piece) =>
        piece.extendable &&
        mayReachTarget(piece.node, piece.hops, piece.path.interval) &&
        !coveredBy(piece.path.interval, coverage.get(piece.node) ?? []),
    );
    for (const piece of expanding)
      coverage.set(piece.node, merge([...(coverage.get(piece.node) ?? []), piece.path.interval]));
    const adjacency: Awaited<ReturnType<ReachSource['channelsOfServices']>> =
      expanding.length > 0
        ? await source.channelsOfServices([...new Set(expanding.map((p) => p.node))])
        : new Map();
    for (const piece of expanding) {
      for (const { membership, channel } of adjacency.get(piece.node) ?? []) {
        channelsById.set(channel.id, channel);
        crossings.push({
          from: piece,
          link: { id: membership.link, type: 'PARTY_TO', start: piece.node, end: channel.id },
          membership: intersect(membership.validity, membership.serviceValidity) ?? {
            from: '9999-12-31',
            to: '0000-01-01',
          },
          channel,
          from_service: piece.node,
        });
      }
    }

    // Arrivals at each channel; an arrival dominated by another at the same channel (ranked no
    // better, interval inside the other's) can reach nothing the other does not reach better,
    // so only the survivors fan out to the channel's parties (see `dominant`). Paths are built
    // for survivors only.
    const arrivals: Step[] = [];
    for (const crossing of crossings.splice(0)) {
      const { channel } = crossing;
      if (
        params.disciplines.length > 0 &&
        channel.disciplines.length > 0 &&
        !channel.disciplines.some((d) => params.disciplines.includes(d))
      )
        continue;
      const rule = params.respectThirdPartyRule && channel.thirdPartyRule;
      if (rule && params.direction === 'INBOUND' && hop + 1 > 1) continue;
      const j = intersectAll(crossing.from.path.interval, crossing.membership, channel.validity);
      if (!j) continue;
      arrivals.push({
        from: crossing.from,
        link: crossing.link,
        node: channel.id,
        kind: 'LiaisonChannel',
        hops: hop + 1,
        score: crossing.from.score * sharingWeight(channel.sharing),
        interval: j,
        extendable: false,
        fromService: crossing.from_service,
      });
    }
    const steps: Step[] = [];
    for (const arrival of dominant(arrivals)) {
      const channel = channelsById.get(arrival.node);
      if (!channel) continue;
      const atChannel = pieceOf(arrival);
      const rule = params.respectThirdPartyRule && channel.thirdPartyRule;
      channels.offer({
        id: channel.id,
        hops: atChannel.hops,
        exposure: atChannel.score,
        path: atChannel.path,
      });
      visited.push(atChannel);
      for (const party of channel.parties) {
        if (party.service === arrival.fromService) continue;
        const k = intersectAll(atChannel.path.interval, party.validity, party.serviceValidity);
        if (!k || !mayReachTarget(party.service, atChannel.hops, k)) continue;
        steps.push({
          from: atChannel,
          link: { id: party.link, type: 'PARTY_TO', start: party.service, end: channel.id },
          node: party.service,
          kind: 'Service',
          hops: atChannel.hops,
          score: atChannel.score,
          interval: k,
          extendable: !(rule && params.direction === 'OUTBOUND'),
          fromService: undefined,
        });
      }
    }
    // Coverage now holds the pieces expanded at this hop and before: the structure moves of
    // the next hop's pieces skip only time already covered at fewer hops.
    frontier = await closeOverStructure(dominant(steps).map(pieceOf));
    for (const piece of frontier) {
      services.offer({ id: piece.node, hops: piece.hops, exposure: piece.score, path: piece.path });
      visited.push(piece);
    }
    checkCap();
    if (frontier.length === 0) break;
  }

  // Operations exposed by any piece ending at a service that conducted them or a channel they ran through.
  const serviceIds = [...new Set(visited.filter((p) => p.kind === 'Service').map((p) => p.node))];
  const channelIds = [
    ...new Set(visited.filter((p) => p.kind === 'LiaisonChannel').map((p) => p.node)),
  ];
  const links =
    visited.length > 0 && focus === undefined
      ? await source.operationsOf(serviceIds, channelIds)
      : [];
  const byVia = new Map<string, (typeof links)[number][]>();
  for (const link of links) {
    const list = byVia.get(link.via);
    if (list) list.push(link);
    else byVia.set(link.via, [link]);
  }
  for (const piece of visited) {
    for (const link of byVia.get(piece.node) ?? []) {
      const interval = meetEvent(piece.path.interval, link);
      if (!interval) continue;
      const step: PathLink =
        link.type === 'CONDUCTED'
          ? { id: link.link, type: 'CONDUCTED', start: piece.node, end: link.operation }
          : { id: link.link, type: 'THROUGH', start: link.operation, end: piece.node };
      operations.offer({
        id: link.operation,
        hops: piece.hops,
        exposure: piece.score,
        path: extend(piece.path, step, link.operation, interval),
      });
    }
  }
  checkCap();

  return {
    agent: facts.agent,
    windows: merge(starts.map((s) => s.interval)),
    penetrations: penetrations.map((p) => p.link),
    channels: channels.list(),
    services: services.list(),
    operations: operations.list(),
  };
}

/** One step onto a node, before its path is built: the piece it extends and the link taken. */
interface Step {
  readonly from: Piece;
  readonly link: PathLink;
  readonly node: string;
  readonly kind: Piece['kind'];
  readonly hops: number;
  readonly score: number;
  readonly interval: Interval;
  readonly extendable: boolean;
  /** The service a step into a channel came from (that service is not re-entered). */
  readonly fromService: string | undefined;
}

const pieceOf = (step: Step): Piece => ({
  node: step.node,
  kind: step.kind,
  hops: step.hops,
  score: step.score,
  path: extend(step.from.path, step.link, step.node, step.interval),
  extendable: step.extendable,
});

/**
 * A step's rank, without building its path: the path would end with the step's node in any
 * case, so among equal lengths (ranked first) its id sequence compares as the origin's does.
 */
const rankOf = (step: Step): Ranked => ({
  hops: step.hops,
  exposure: step.score,
  path: { nodes: step.from.path.nodes, interval: step.interval },
});

/**
 * The days a path open during `interval` meets an operation: the overlap with its span, or,
 * for an event with no certain day under the certain reading, all the days it can have been on
 * when the interval contains them.
 */
function meetEvent(interval: Interval, event: EventSpans): Interval | undefined {
  const overlap = intersect(interval, event.validity);
  if (overlap || !event.whole) return overlap;
  const { from, to } = event.whole;
  return interval.from <= from && to <= interval.to ? event.whole : undefined;
}

/** Whether piece `a` makes `b` redundant: same node and extendability, ranked at least as well, interval containing b's. */
function dominates(a: Piece, b: Piece): boolean {
  return (
    a.node === b.node &&
    a.extendable === b.extendable &&
    !better(rankOfPiece(b), rankOfPiece(a)) &&
    a.path.interval.from <= b.path.interval.from &&
    b.path.interval.to <= a.path.interval.to
  );
}

const rankOfPiece = (piece: Piece): Ranked => ({
  hops: piece.hops,
  exposure: piece.score,
  path: piece.path,
});

/**
 * Within a hop, a step is dropped when another step onto the same node (and with the same
 * extendability) ranks at least as well and its interval contains this one's: everything the
 * dropped step would reach or expose, the other reaches with a window at least as wide and an
 * explanation at least as good (the ranking is preserved by extension). At a channel this holds
 * for every party but the service the other step came from, which was reached at an earlier hop
 * with a wider window already.
 */
function dominant(steps: readonly Step[]): Step[] {
  const groups = new Map<string, Step[]>();
  for (const step of steps) {
    const key = `${step.node}|${step.extendable}`;
    const group = groups.get(key);
    if (group) group.push(step);
    else groups.set(key, [step]);
  }
  const kept: Step[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      kept.push(...group);
      continue;
    }
    const ranked = group.map((step) => ({ step, rank: rankOf(step) }));
    ranked.sort((a, b) => (better(a.rank, b.rank) ? -1 : better(b.rank, a.rank) ? 1 : 0));
    const survivors: Interval[] = [];
    for (const { step } of ranked) {
      const { from, to } = step.interval;
      if (!survivors.some((s) => s.from <= from && to <= s.to)) {
        survivors.push(step.interval);
        kept.push(step);
      }
    }
  }
  return kept;
}
