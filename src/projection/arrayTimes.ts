import type { Interval } from '../model/index.js';
import type { ReachParams, TargetTimes } from '../paths/reachTypes.js';
import { days, type CompiledFacts } from './compiledFacts.js';
import { dayNumber, FIRST_DAY, LAST_DAY } from './days.js';
import { KIND } from './graphProjection.js';

/** Days as pairs `from, to`: whether one shares a day with `from..to`. */
function overlaps(list: readonly number[] | undefined, from: number, to: number): boolean {
  if (!list) return false;
  for (let i = 0; i < list.length; i += 2)
    if ((list[i] as number) <= to && from <= (list[i + 1] as number)) return true;
  return false;
}

/**
 * The list with `from..to` added (overlapping pairs joined), or the same list when it adds no
 * day. Touching pairs stay apart: only overlap is ever asked.
 */
function addTo(
  list: readonly number[] | undefined,
  from: number,
  to: number,
): readonly number[] | undefined {
  const n = list?.length ?? 0;
  for (let i = 0; i < n; i += 2)
    if ((list?.[i] as number) <= from && to <= (list?.[i + 1] as number)) return list;
  const out: number[] = [];
  let f = from;
  let t = to;
  for (let i = 0; i < n; i += 2) {
    const a = list?.[i] as number;
    const b = list?.[i + 1] as number;
    if (a <= t && f <= b) {
      if (a < f) f = a;
      if (b > t) t = b;
    } else out.push(a, b);
  }
  out.push(f, t);
  return out;
}

type Level = Map<number, readonly number[]>;

/**
 * `TimesToTarget` (src/paths/timesToTarget.ts) on the compiled facts: the days at which a piece
 * at each service could still reach the target within `r` more channels, level by level,
 * backward from the target, in node indexes and day numbers. Time, validity and disciplines
 * are checked as the forward search checks them; the third-party rule and the ban on
 * re-entering a channel's origin are not, so a refused piece reaches the target on no path.
 */
export class ArrayTimes implements TargetTimes {
  private readonly levels: Level[];
  private changed: number[];
  private readonly target: number;

  constructor(
    private readonly facts: CompiledFacts,
    target: { id: string; label: 'Service' | 'LiaisonChannel' },
    private readonly params: Pick<ReachParams, 'disciplines' | 'followStructure'>,
  ) {
    this.target = facts.facts.indexOf(target.id, KIND[target.label]) ?? -1;
    const start: Level = new Map();
    if (target.label === 'Service' && this.target >= 0)
      start.set(this.target, [FIRST_DAY, LAST_DAY]);
    this.levels = [start];
    this.changed = this.closeOverStructure(start, [...start.keys()]);
  }

  get depth(): number {
    return this.levels.length - 1;
  }

  mayReach(service: string, interval: Interval, remaining: number): boolean {
    const node = this.facts.facts.g.index.get(service);
    return (
      node !== undefined &&
      this.mayReachAt(node, dayNumber(interval.from), dayNumber(interval.to), remaining)
    );
  }

  mayReachAt(node: number, from: number, to: number, remaining: number): boolean {
    if (remaining < 0) return false;
    if (remaining > this.depth) throw new Error(`level ${remaining} asked, ${this.depth} computed`);
    return overlaps(this.levels[remaining]?.get(node), from, to);
  }

  /**
   * Whether the agent of `params` could reach the target within `params.maxHops` at all: some
   * window of its (in the filters) meets a service it serves while that service has days at
   * the level of `maxHops`, or a channel it is posted to that is the target or has a party with
   * days at the level below. Admits every agent the focused search can find (the levels are
   * closed over structure already), so a refused agent needs no search.
   */
  admits(params: ReachParams): boolean {
    return this.windowsOf(params, (wFrom, wTo) => this.footholdsReach(params, wFrom, wTo));
  }

  /** Whether the agent has a window in the filters (one reach would search). */
  considers(params: ReachParams): boolean {
    return this.windowsOf(params, () => true);
  }

  /** Whether `test` holds for one of the agent's windows in the filters. */
  private windowsOf(params: ReachParams, test: (from: number, to: number) => boolean): boolean {
    const f = this.facts.footholdsOf(params.agent);
    if (!f) return false;
    const during = params.during ? days(params.during) : { from: FIRST_DAY, to: LAST_DAY };
    for (const p of f.penetrations) {
      if (params.minConfidence === 'CONFIRMED' && p.confidence !== 'CONFIRMED') continue;
      const from = Math.max(p.from, during.from);
      const to = Math.min(p.to, during.to);
      if (from <= to && test(from, to)) return true;
    }
    return false;
  }

  /** Whether a window `wFrom..wTo` of the agent meets a foothold that can reach the target. */
  private footholdsReach(params: ReachParams, wFrom: number, wTo: number): boolean {
    const f = this.facts.footholdsOf(params.agent);
    if (!f) return false;
    const r = params.maxHops;
    for (const s of f.serves) {
      const from = Math.max(wFrom, s.from);
      const to = Math.min(wTo, s.to);
      if (from <= to && this.mayReachAt(s.service, from, to, r)) return true;
    }
    if (r < 1) return false;
    for (const posting of f.postings) {
      const { channel } = posting;
      const from = Math.max(wFrom, posting.from, channel.from);
      const to = Math.min(wTo, posting.to, channel.to);
      if (from > to) continue;
      if (channel.node === this.target) return true;
      for (let i = 0; i < channel.partyService.length; i++) {
        const a = Math.max(from, channel.partyFrom[i] as number);
        const b = Math.min(to, channel.partyTo[i] as number);
        if (a <= b && this.mayReachAt(channel.partyService[i] as number, a, b, r - 1)) return true;
      }
    }
    return false;
  }

  /** PART_OF moves cost no channel: a neighbour of a service with days gets them too. */
  private closeOverStructure(level: Level, changed: readonly number[]): number[] {
    const all = new Set(changed);
    if (!this.params.followStructure) return [...all];
    let pending = [...changed];
    while (pending.length > 0) {
      const next = new Set<number>();
      for (const service of pending) {
        const days = level.get(service) ?? [];
        for (const move of this.facts.movesAt(service)) {
          for (let i = 0; i < days.length; i += 2) {
            const from = Math.max(days[i] as number, move.back.from);
            const to = Math.min(days[i + 1] as number, move.back.to);
            if (from > to) continue;
            const before = level.get(move.other);
            const after = addTo(before, from, to);
            if (after !== before && after) {
              level.set(move.other, after);
              next.add(move.other);
              all.add(move.other);
            }
          }
        }
      }
      pending = [...next];
    }
    return [...all];
  }

  extend(): Promise<void> {
    const { facts } = this;
    const previous = this.levels[this.levels.length - 1] ?? new Map<number, readonly number[]>();
    const channels = new Set<number>();
    if (this.levels.length === 1 && this.target >= 0 && facts.channelAt(this.target))
      channels.add(this.target);
    for (const service of this.changed) {
      const adjacency = facts.adjacencyAt(service);
      for (let i = 0; i < adjacency.size; i++) channels.add(adjacency.node[i] as number);
    }
    const next: Level = new Map(previous);
    const changed = new Set<number>();
    const { disciplines } = this.params;
    for (const c of channels) {
      const channel = facts.channelAt(c);
      if (!channel) continue;
      if (
        disciplines.length > 0 &&
        channel.disciplines.length > 0 &&
        !channel.disciplines.some((d) => disciplines.includes(d))
      )
        continue;
      const { partyService, partyFrom, partyTo } = channel;
      // The days at which a piece arriving at the channel goes on to the target.
      let onward: readonly number[] | undefined =
        c === this.target ? [FIRST_DAY, LAST_DAY] : undefined;
      for (let i = 0; i < partyService.length; i++) {
        const days = previous.get(partyService[i] as number);
        if (!days) continue;
        for (let k = 0; k < days.length; k += 2) {
          const from = Math.max(days[k] as number, partyFrom[i] as number);
          const to = Math.min(days[k + 1] as number, partyTo[i] as number);
          if (from <= to) onward = addTo(onward, from, to);
        }
      }
      if (!onward) continue;
      for (let i = 0; i < partyService.length; i++) {
        const entryFrom = Math.max(partyFrom[i] as number, channel.from);
        const entryTo = Math.min(partyTo[i] as number, channel.to);
        if (entryFrom > entryTo) continue;
        const service = partyService[i] as number;
        for (let k = 0; k < onward.length; k += 2) {
          const from = Math.max(onward[k] as number, entryFrom);
          const to = Math.min(onward[k + 1] as number, entryTo);
          if (from > to) continue;
          const before = next.get(service);
          const after = addTo(before, from, to);
          if (after !== before && after) {
            next.set(service, after);
            changed.add(service);
          }
        }
      }
    }
    this.levels.push(next);
    this.changed = this.closeOverStructure(next, [...changed]);
    return Promise.resolve();
  }
}
