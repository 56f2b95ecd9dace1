import {
  BEGINNING,
  coveredBy,
  END,
  intersect,
  intersectAll,
  merge,
  NEVER,
  type Interval,
} from '../model/index.js';
import { Best } from './ranking.js';

const ALWAYS: Interval = { from: BEGINNING, to: END };
import type {
  ChannelFacts,
  Focus,
  GraphSearch,
  Path,
  PathLink,
  ReachOutcome,
  ReachParams,
  ReachSource,
} from './reachTypes.js';
import { readingOf } from './reading.js';
import { TimesToTarget } from './timesToTarget.js';
import { dominant, dominates, extend, meetEvent, pieceOf, type Piece, type Step } from './steps.js';
import {
  carries,
  crossedScore,
  goesOnAfter,
  mayCross,
  penetrationCounts,
  ruleBinds,
  startScore,
} from './rules.js';

/**
 * Thrown when a search over every agent (exposure, brokers) runs past its deadline: the same
 * budget a Neo4j transaction has (NEO4J_TX_TIMEOUT_MS), so a request cannot hold the engine
 * for minutes.
 */
export class SearchTimedOut extends Error {
  constructor(readonly budgetMs: number) {
    super(`the search ran longer than ${budgetMs} ms`);
  }
}

/** Throws SearchTimedOut once `deadline` (a Date.now() instant) has passed. */
export function checkDeadline(deadline: { at: number; budgetMs: number } | undefined): void {
  if (deadline !== undefined && Date.now() > deadline.at)
    throw new SearchTimedOut(deadline.budgetMs);
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
    interval: ALWAYS,
  };
  const penetrations = facts.penetrations.filter((p) =>
    penetrationCounts(p.confidence, params.minConfidence),
  );
  const starts = penetrations
    .map((p) => ({
      score: startScore(p.confidence),
      // An empty window (nothing certain, under the certain reading) is no window at all.
      interval: intersect(p.validity, params.during ?? ALWAYS),
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
    const atNode = new Map<string, Piece[]>();
    const note = (p: Piece): void => {
      const list = atNode.get(p.node);
      if (list) list.push(p);
      else atNode.set(p.node, [p]);
    };
    for (const p of pieces) note(p);
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
        .filter((p) => !(atNode.get(p.node) ?? []).some((q) => dominates(q, p)));
      all.push(...fresh);
      for (const p of fresh) note(p);
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
      coverage.set(piece.node, cover(coverage.get(piece.node) ?? [], piece.path.interval));
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
          membership: intersect(membership.validity, membership.serviceValidity) ?? NEVER,
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
      if (!carries(channel.disciplines, params.disciplines)) continue;
      const binds = ruleBinds(params, channel.thirdPartyRule);
      if (!mayCross(params, binds, hop + 1)) continue;
      const j = intersectAll(crossing.from.path.interval, crossing.membership, channel.validity);
      if (!j) continue;
      arrivals.push({
        from: crossing.from,
        link: crossing.link,
        node: channel.id,
        kind: 'LiaisonChannel',
        hops: hop + 1,
        score: crossedScore(crossing.from.score, channel.sharing),
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
      const goesOn = goesOnAfter(params, ruleBinds(params, channel.thirdPartyRule));
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
          extendable: goesOn,
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
    penetrations: penetrations.map((p) => p.link).sort(),
    channels: channels.list(),
    services: services.list(),
    operations: operations.list(),
  };
}

/** The per-hop search: `computeReach` on a source (the neo4j engine, and tests' reference). */
export const perHopSearch = (source: ReachSource): GraphSearch => ({
  source,
  reach: (params, resultCap, focus) => computeReach(source, params, resultCap, focus),
  async through(params, resultCap) {
    const outcome = await computeReach(source, params, resultCap);
    if (!outcome || outcome.windows.length === 0) return undefined;
    const inside = new Set<string>();
    for (const reached of [...outcome.channels, ...outcome.services, ...outcome.operations])
      for (const node of reached.path.nodes.slice(1, -1)) inside.add(node);
    return [...inside];
  },
  // The backward levels read the spans the forward searches read (computeReach applies the
  // reading to `source` itself).
  timesTo: (target, params) =>
    TimesToTarget.open(readingOf(source, params.reading), target, params),
});

/**
 * A node's coverage with `interval` added (the intervals of the pieces extended from it, none
 * inside another; `coveredBy` asks for one containing a piece's). Not their union: an
 * operation with no certain day is met only by a piece open on all its days (rule 8), which
 * two pieces covering those days together are not.
 */
function cover(coverage: readonly Interval[], interval: Interval): Interval[] {
  return [...coverage.filter((c) => !(interval.from <= c.from && c.to <= interval.to)), interval];
}
