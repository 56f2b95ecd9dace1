import { merge, type Interval } from '../model/index.js';
import { ResultCapExceeded } from '../paths/computeReach.js';
import type { Focus, ReachParams } from '../paths/reachTypes.js';
import {
  carries,
  goesOnAfter,
  mayCross,
  penetrationCounts,
  ruleBinds,
  startScore,
} from '../paths/rules.js';
import {
  ADJACENT,
  CHANNEL,
  compiledFacts,
  days,
  DISCIPLINES,
  PARTY,
  RULE,
} from './compiledFacts.js';
import { cover, covered, dayName, FIRST_DAY, LAST_DAY } from './days.js';
import { Offers, Thinning } from './nodeChains.js';
import { footholdPieces, offerOperations, structureClosure } from './searchSteps.js';
import { AT_CHANNEL, AT_SERVICE, LINK_CODE, Pieces } from './pieces.js';
import type { ProjectedFacts } from './projectedFacts.js';

const { PARTY_TO, POSTED_TO } = LINK_CODE;

/** How many earlier arrivals at a channel are compared with a new one (`containedEarlier`). */
const EARLIER_COMPARED = 16;

// A search runs to its end without yielding, so these serve every search in turn; its answer
// is read from them before the next search (src/projection/arrayAnswers.ts).
export const pieces = new Pieces();
export const offers = new Offers();
const thinning = new Thinning();
const thinned: number[] = [];

/**
 * The search of `arrayReach`: leaves the pieces offered for every element in `offers` and
 * `pieces` (read before the next search) and returns the agent's windows and penetrations.
 */
export function search(
  projected: ProjectedFacts,
  params: ReachParams,
  resultCap: number,
  focus?: Focus,
): { windows: Interval[]; penetrations: string[] } | undefined {
  const facts = compiledFacts(projected, params.reading);
  const { g } = projected;
  const f = facts.footholdsOf(params.agent);
  if (!f) return undefined;
  pieces.reset(g.ids);
  offers.start(g.nodeCount);
  thinning.ready(g.nodeCount);
  const target = focus === undefined ? -1 : (g.index.get(focus.target) ?? -1);
  const mayReachAt = focus?.mayReachAt;
  const mayReach = (node: number, hops: number, from: number, to: number): boolean =>
    focus === undefined ||
    (mayReachAt
      ? mayReachAt(node, from, to, params.maxHops - hops)
      : focus.mayReach(
          g.idOf(node),
          { from: dayName(from), to: dayName(to) },
          params.maxHops - hops,
        ));

  const penetrations = f.penetrations.filter((p) =>
    penetrationCounts(p.confidence, params.minConfidence),
  );
  const during = params.during ? days(params.during) : { from: FIRST_DAY, to: LAST_DAY };
  const starts: { score: number; from: number; to: number }[] = [];
  for (const p of penetrations) {
    const from = Math.max(p.from, during.from);
    const to = Math.min(p.to, during.to);
    if (from <= to) starts.push({ score: startScore(p.confidence), from, to });
  }
  const windows: Interval[] = merge(
    starts.map((s) => ({ from: dayName(s.from), to: dayName(s.to) })),
  );
  let searched = starts;
  if (focus !== undefined) {
    const t = days(focus.targetValidity);
    searched = starts.filter((s) => Math.max(s.from, t.from) <= Math.min(s.to, t.to));
  }
  const visited: number[] = [];
  const checkCap = (): void => {
    if (offers.size > resultCap) throw new ResultCapExceeded(resultCap);
  };
  const targetFound = (): boolean => target >= 0 && offers.first(target) >= 0;

  // Hop 0: services served and operations taken part in, within a window.
  const agent = f.agent;
  const serving = footholdPieces(pieces, offers, f, searched);

  const coverage = new Map<number, number[]>();
  const goesOn = (p: number): boolean =>
    pieces.extendable[p] === 1 &&
    !covered(
      coverage.get(pieces.node[p] as number),
      pieces.from[p] as number,
      pieces.to[p] as number,
    );
  const closeOverStructure = (made: readonly number[]): number[] =>
    params.followStructure
      ? structureClosure(pieces, thinning, facts, made, goesOn, mayReach)
      : [...made];

  let frontier = closeOverStructure(thinning.dominant(pieces, serving, thinned));
  for (const p of frontier) {
    offers.offer(pieces, p);
    visited.push(p);
  }

  const { disciplines } = params;
  /** Whether an arrival at fewer hops at `channel` was open throughout `from..to`. */
  const containedEarlier = (channel: number, hops: number, from: number, to: number): boolean => {
    let seen = 0;
    for (
      let q = offers.first(channel);
      q >= 0 && seen < EARLIER_COMPARED;
      q = pieces.next[q] as number, seen++
    )
      if (
        (pieces.hops[q] as number) < hops &&
        (pieces.from[q] as number) <= from &&
        to <= (pieces.to[q] as number)
      )
        return true;
    return false;
  };
  const arrivals: number[] = [];
  const steps: number[] = [];
  for (let hop = 0; hop < params.maxHops && !targetFound(); hop++) {
    const hops = hop + 1;
    arrivals.length = 0;
    /**
     * The arrival of piece `p` at channel node `channel` (flags `flags`: RULE, DISCIPLINES)
     * over days `from..to` already within the crossing. Reads columns only: the channel's
     * object is read for its disciplines alone, when some are asked for and it records some.
     */
    const arrive = (
      p: number,
      channel: number,
      flags: number,
      weight: number,
      from: number,
      to: number,
      link: string,
      type: number,
      fromService: number,
    ): void => {
      if (!mayCross(params, ruleBinds(params, (flags & RULE) !== 0), hops)) return;
      // A channel recording no discipline carries any: its object is read only when it records some.
      if (disciplines.length > 0 && (flags & DISCIPLINES) !== 0) {
        const object = facts.channelAt(channel);
        if (!object || !carries(object.disciplines, disciplines)) return;
      }
      if (containedEarlier(channel, hops, from, to)) return;
      const start = type === POSTED_TO ? agent : (pieces.node[p] as number);
      const score = (pieces.score[p] as number) * weight;
      arrivals.push(
        pieces.step(
          p,
          channel,
          link,
          type,
          start,
          channel,
          AT_CHANNEL,
          hops,
          score,
          from,
          to,
          false,
          fromService,
        ),
      );
    };
    // Postings: the posted channel is crossed at hop 1 from the agent.
    if (hop === 0)
      for (const start of searched)
        for (const posting of f.postings) {
          const { channel } = posting;
          const from = Math.max(start.from, posting.from);
          const to = Math.min(start.to, posting.to);
          if (from > to) continue;
          const root = pieces.root(agent, start.score, from, to);
          const a = Math.max(from, channel.from);
          const b = Math.min(to, channel.to);
          const flags =
            (channel.thirdPartyRule ? RULE : 0) |
            (channel.disciplines.length > 0 ? DISCIPLINES : 0);
          if (a <= b)
            arrive(root, channel.node, flags, channel.weight, a, b, posting.link, POSTED_TO, -1);
        }
    // Extend only pieces that bring time not yet covered at their service.
    const expanding = frontier.filter(
      (p) =>
        goesOn(p) &&
        mayReach(
          pieces.node[p] as number,
          pieces.hops[p] as number,
          pieces.from[p] as number,
          pieces.to[p] as number,
        ),
    );
    for (const p of expanding) {
      const node = pieces.node[p] as number;
      coverage.set(
        node,
        cover(coverage.get(node), pieces.from[p] as number, pieces.to[p] as number),
      );
    }
    for (const p of expanding) {
      const node = pieces.node[p] as number;
      const pFrom = pieces.from[p] as number;
      const pTo = pieces.to[p] as number;
      const first = facts.adjacencyFirst(node);
      const last = facts.adjacencyEnd(node);
      const rows = facts.adjacencyRows;
      const weights = facts.adjacencyWeights;
      for (let k = first; k < last; k++) {
        const i = k * ADJACENT;
        const rowFrom = rows[i + 1] as number;
        const rowTo = rows[i + 2] as number;
        const a = pFrom > rowFrom ? pFrom : rowFrom;
        const b = pTo < rowTo ? pTo : rowTo;
        if (a > b) continue;
        arrive(
          p,
          rows[i] as number,
          rows[i + 3] as number,
          weights[k] as number,
          a,
          b,
          facts.partyLinks[rows[i + 4] as number] as string,
          PARTY_TO,
          node,
        );
      }
    }

    steps.length = 0;
    for (const arrival of thinning.dominant(pieces, arrivals, thinned)) {
      const node = pieces.node[arrival] as number;
      const row = facts.channelRow(node) * CHANNEL;
      if (row < 0) continue;
      offers.offer(pieces, arrival);
      visited.push(arrival);
      const rows = facts.channelRows;
      const extendable = goesOnAfter(
        params,
        ruleBinds(params, ((rows[row + 2] as number) & RULE) !== 0),
      );
      const fromService = pieces.fromService[arrival] as number;
      const score = pieces.score[arrival] as number;
      const open = pieces.from[arrival] as number;
      const close = pieces.to[arrival] as number;
      const { parties, partyLinks } = facts;
      const end = (rows[row + 1] as number) * PARTY;
      for (let i = (rows[row] as number) * PARTY; i < end; i += PARTY) {
        const service = parties[i] as number;
        if (service === fromService) continue;
        const partyFrom = parties[i + 1] as number;
        const partyTo = parties[i + 2] as number;
        const from = open > partyFrom ? open : partyFrom;
        const to = close < partyTo ? close : partyTo;
        if (from > to || !mayReach(service, hops, from, to)) continue;
        steps.push(
          pieces.step(
            arrival,
            service,
            partyLinks[parties[i + 3] as number] as string,
            PARTY_TO,
            service,
            node,
            AT_SERVICE,
            hops,
            score,
            from,
            to,
            extendable,
            -1,
          ),
        );
      }
    }
    frontier = closeOverStructure(thinning.dominant(pieces, steps, thinned));
    for (const p of frontier) {
      offers.offer(pieces, p);
      visited.push(p);
    }
    checkCap();
    if (frontier.length === 0) break;
  }

  // Operations exposed by any piece ending at a service that conducted them or a channel
  // they ran through.
  if (focus === undefined) offerOperations(pieces, offers, facts, visited);
  checkCap();

  return { windows, penetrations: penetrations.map((p) => p.link).sort() };
}
