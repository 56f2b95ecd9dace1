import { merge, type Interval } from '../model/index.js';
import { ResultCapExceeded } from '../paths/computeReach.js';
import type { Focus, Reached, ReachOutcome, ReachParams } from '../paths/reachTypes.js';
import { CONFIDENCE_WEIGHT } from '../paths/weights.js';
import { compiledFacts, days, type CompiledFacts, type NEvent } from './compiledFacts.js';
import { dayName, FIRST_DAY, LAST_DAY } from './days.js';
import { AT_CHANNEL, AT_OPERATION, AT_SERVICE, Pieces } from './pieces.js';
import type { ProjectedFacts } from './projectedFacts.js';

/**
 * The days a piece open `from`..`to` meets an event (`meetEvent` in src/paths/steps.ts):
 * the overlap, or, for an event with no certain day under the certain reading, all the days
 * it can have been on when the piece is open on every one of them. Undefined when none.
 */
function meetEvent(from: number, to: number, event: NEvent): [number, number] | undefined {
  const f = from > event.from ? from : event.from;
  const t = to < event.to ? to : event.to;
  if (f <= t) return [f, t];
  const whole = event.whole;
  if (whole && from <= whole.from && whole.to <= to) return [whole.from, whole.to];
  return undefined;
}

/** Merged days covered (pairs `from, to`, sorted, apart): whether `from..to` lies in one. */
function covered(list: readonly number[] | undefined, from: number, to: number): boolean {
  if (!list) return false;
  for (let i = 0; i < list.length; i += 2)
    if ((list[i] ?? 0) <= from && to <= (list[i + 1] ?? 0)) return true;
  return false;
}

/** The list with `from..to` added, overlapping or touching pairs joined. */
function cover(list: readonly number[] | undefined, from: number, to: number): number[] {
  const out: number[] = [];
  let f = from;
  let t = to;
  let placed = false;
  for (let i = 0; i < (list?.length ?? 0); i += 2) {
    const a = list?.[i] ?? 0;
    const b = list?.[i + 1] ?? 0;
    if (b + 1 < f) out.push(a, b);
    else if (t + 1 < a) {
      if (!placed) out.push(f, t);
      placed = true;
      out.push(a, b);
    } else {
      if (a < f) f = a;
      if (b > t) t = b;
    }
  }
  if (!placed) out.push(f, t);
  return out;
}

/**
 * Penetration reach on the in-memory projection: exactly `computeReach` (src/paths), the same
 * rules in the same order, over the projection's node indexes and day numbers, with paths kept
 * as parent pointers (`Pieces`). Only the explanations an answer returns become objects.
 * `computeReach` stays the definition the per-hop engine runs; the property tests hold both
 * to the brute-force oracle.
 */
export function arrayReach(
  projected: ProjectedFacts,
  params: ReachParams,
  resultCap: number,
  focus?: Focus,
): ReachOutcome | undefined {
  const facts: CompiledFacts = compiledFacts(projected, params.reading);
  const { g } = projected;
  const f = facts.footholdsOf(params.agent);
  if (!f) return undefined;
  const pieces = new Pieces(g.ids);
  const target = focus === undefined ? -1 : (g.index.get(focus.target) ?? -2);
  const mayReach = (node: number, hops: number, from: number, to: number): boolean =>
    focus === undefined ||
    focus.mayReach(g.idOf(node), { from: dayName(from), to: dayName(to) }, params.maxHops - hops);

  const penetrations = f.penetrations.filter(
    (p) => params.minConfidence === 'SUSPECTED' || p.confidence === 'CONFIRMED',
  );
  const during = params.during ? days(params.during) : { from: FIRST_DAY, to: LAST_DAY };
  const starts: { score: number; from: number; to: number }[] = [];
  for (const p of penetrations) {
    const from = Math.max(p.from, during.from);
    const to = Math.min(p.to, during.to);
    if (from <= to) starts.push({ score: CONFIDENCE_WEIGHT[p.confidence] ?? 0, from, to });
  }
  const windows: Interval[] = merge(
    starts.map((s) => ({ from: dayName(s.from), to: dayName(s.to) })),
  );
  let searched = starts;
  if (focus !== undefined) {
    const t = days(focus.targetValidity);
    searched = starts.filter((s) => Math.max(s.from, t.from) <= Math.min(s.to, t.to));
  }

  const channels = new Map<number, number[]>();
  const services = new Map<number, number[]>();
  const operations = new Map<number, number[]>();
  const offer = (best: Map<number, number[]>, p: number): void => {
    const node = pieces.node[p] ?? 0;
    const list = best.get(node);
    if (list) list.push(p);
    else best.set(node, [p]);
  };
  const visited: number[] = [];
  const checkCap = (): void => {
    if (channels.size + services.size + operations.size > resultCap)
      throw new ResultCapExceeded(resultCap);
  };
  const targetFound = (): boolean => channels.has(target) || services.has(target);

  // Hop 0: services served and operations taken part in, within a window.
  const agent = f.agent;
  const serving: number[] = [];
  for (const start of searched) {
    const root = pieces.root(agent, start.score, start.from, start.to);
    for (const serve of f.serves) {
      const from = Math.max(start.from, serve.from);
      const to = Math.min(start.to, serve.to);
      if (from > to) continue;
      serving.push(
        pieces.step(
          root,
          serve.service,
          serve.link,
          'SERVES',
          agent,
          serve.service,
          AT_SERVICE,
          0,
          start.score,
          from,
          to,
          true,
        ),
      );
    }
    for (const op of f.operations) {
      const met = meetEvent(start.from, start.to, op);
      if (!met) continue;
      offer(
        operations,
        pieces.step(
          root,
          op.operation,
          op.link,
          'TOOK_PART',
          agent,
          op.operation,
          AT_OPERATION,
          0,
          start.score,
          met[0],
          met[1],
          false,
        ),
      );
    }
  }

  const coverage = new Map<number, number[]>();
  const goesOn = (p: number): boolean =>
    pieces.extendable[p] === true &&
    !covered(coverage.get(pieces.node[p] ?? 0), pieces.from[p] ?? 0, pieces.to[p] ?? 0);
  /** Structure (docs/path-semantics.md), as `closeOverStructure` in computeReach. */
  const closeOverStructure = (made: number[]): number[] => {
    if (!params.followStructure) return made;
    const all = [...made];
    const atNode = new Map<number, number[]>();
    const note = (p: number): void => {
      const node = pieces.node[p] ?? 0;
      const list = atNode.get(node);
      if (list) list.push(p);
      else atNode.set(node, [p]);
    };
    for (const p of made) note(p);
    let pending = made.filter(goesOn);
    while (pending.length > 0) {
      const steps: number[] = [];
      for (const p of pending) {
        const node = pieces.node[p] ?? 0;
        for (const move of facts.movesAt(node)) {
          if (pieces.onPath(p, move.other)) continue;
          const from = Math.max(pieces.from[p] ?? 0, move.from);
          const to = Math.min(pieces.to[p] ?? 0, move.to);
          const hops = pieces.hops[p] ?? 0;
          if (from > to || !mayReach(move.other, hops, from, to)) continue;
          steps.push(
            pieces.step(
              p,
              move.other,
              move.link,
              'PART_OF',
              move.component,
              move.whole,
              AT_SERVICE,
              hops,
              pieces.score[p] ?? 0,
              from,
              to,
              true,
            ),
          );
        }
      }
      const fresh = pieces
        .dominant(steps)
        .filter(
          (q) => !(atNode.get(pieces.node[q] ?? 0) ?? []).some((r) => pieces.dominates(r, q)),
        );
      all.push(...fresh);
      for (const p of fresh) note(p);
      pending = fresh.filter(goesOn);
    }
    return all;
  };

  let frontier = closeOverStructure(pieces.dominant(serving));
  for (const p of frontier) {
    offer(services, p);
    visited.push(p);
  }

  const { disciplines, direction } = params;
  const carries = (channel: { disciplines: readonly string[] }): boolean =>
    disciplines.length === 0 ||
    channel.disciplines.length === 0 ||
    channel.disciplines.some((d) => disciplines.includes(d));
  for (let hop = 0; hop < params.maxHops && !targetFound(); hop++) {
    const arrivals: number[] = [];
    const arrive = (
      from: number,
      channel: Parameters<typeof carries>[0] & {
        node: number;
        from: number;
        to: number;
        weight: number;
        thirdPartyRule: boolean;
      },
      span: { from: number; to: number },
      link: string,
      type: 'PARTY_TO' | 'POSTED_TO',
      fromService: number,
    ): void => {
      if (!carries(channel)) return;
      const rule = params.respectThirdPartyRule && channel.thirdPartyRule;
      if (rule && direction === 'INBOUND' && hop + 1 > 1) return;
      const a = Math.max(pieces.from[from] ?? 0, span.from, channel.from);
      const b = Math.min(pieces.to[from] ?? 0, span.to, channel.to);
      if (a > b) return;
      arrivals.push(
        pieces.step(
          from,
          channel.node,
          link,
          type,
          type === 'POSTED_TO' ? agent : (pieces.node[from] ?? 0),
          channel.node,
          AT_CHANNEL,
          hop + 1,
          (pieces.score[from] ?? 0) * channel.weight,
          a,
          b,
          false,
          fromService,
        ),
      );
    };
    // Postings: the posted channel is crossed at hop 1 from the agent.
    if (hop === 0)
      for (const start of searched)
        for (const posting of f.postings) {
          const from = Math.max(start.from, posting.from);
          const to = Math.min(start.to, posting.to);
          if (from > to) continue;
          const root = pieces.root(agent, start.score, from, to);
          arrive(root, posting.channel, posting, posting.link, 'POSTED_TO', -1);
        }
    // Extend only pieces that bring time not yet covered at their service.
    const expanding = frontier.filter(
      (p) =>
        goesOn(p) &&
        mayReach(pieces.node[p] ?? 0, pieces.hops[p] ?? 0, pieces.from[p] ?? 0, pieces.to[p] ?? 0),
    );
    for (const p of expanding) {
      const node = pieces.node[p] ?? 0;
      coverage.set(node, cover(coverage.get(node), pieces.from[p] ?? 0, pieces.to[p] ?? 0));
    }
    for (const p of expanding) {
      const node = pieces.node[p] ?? 0;
      for (const { party, channel } of facts.adjacencyAt(node))
        arrive(p, channel, party, party.link, 'PARTY_TO', node);
    }

    const steps: number[] = [];
    for (const arrival of pieces.dominant(arrivals)) {
      const channel = facts.channelAt(pieces.node[arrival] ?? 0);
      if (!channel) continue;
      offer(channels, arrival);
      visited.push(arrival);
      const rule = params.respectThirdPartyRule && channel.thirdPartyRule;
      const fromService = pieces.fromService[arrival] ?? -1;
      const hops = hop + 1;
      const score = pieces.score[arrival] ?? 0;
      const open = { from: pieces.from[arrival] ?? 0, to: pieces.to[arrival] ?? 0 };
      for (const party of channel.parties) {
        if (party.service === fromService) continue;
        const from = Math.max(open.from, party.from);
        const to = Math.min(open.to, party.to);
        if (from > to || !mayReach(party.service, hops, from, to)) continue;
        steps.push(
          pieces.step(
            arrival,
            party.service,
            party.link,
            'PARTY_TO',
            party.service,
            channel.node,
            AT_SERVICE,
            hops,
            score,
            from,
            to,
            !(rule && direction === 'OUTBOUND'),
          ),
        );
      }
    }
    frontier = closeOverStructure(pieces.dominant(steps));
    for (const p of frontier) {
      offer(services, p);
      visited.push(p);
    }
    checkCap();
    if (frontier.length === 0) break;
  }

  // Operations exposed by any piece ending at a service that conducted them or a channel
  // they ran through.
  if (focus === undefined)
    for (const p of visited) {
      const node = pieces.node[p] ?? 0;
      const through = pieces.at[p] === AT_CHANNEL;
      for (const op of facts.operationsAt(node)) {
        const met = meetEvent(pieces.from[p] ?? 0, pieces.to[p] ?? 0, op);
        if (!met) continue;
        offer(
          operations,
          pieces.step(
            p,
            op.operation,
            op.link,
            op.type,
            through ? op.operation : node,
            through ? node : op.operation,
            AT_OPERATION,
            pieces.hops[p] ?? 0,
            pieces.score[p] ?? 0,
            met[0],
            met[1],
            false,
          ),
        );
      }
    }
  checkCap();

  const list = (best: Map<number, number[]>): Reached[] =>
    [...best]
      .map(([node, candidates]) => pieces.reached(g.idOf(node), candidates, params.reading))
      .sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : 1));
  return {
    agent: params.agent,
    windows,
    penetrations: penetrations.map((p) => p.link).sort(),
    channels: list(channels),
    services: list(services),
    operations: list(operations),
  };
}
