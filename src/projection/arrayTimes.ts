import type { Interval } from '../model/index.js';
import type { ReachParams, TargetTimes } from '../paths/reachTypes.js';
import { carries, penetrationCounts } from '../paths/rules.js';
import {
  ADJACENT,
  CHANNEL,
  days,
  DISCIPLINES,
  PARTY,
  type CompiledFacts,
  type NFootholds,
} from './compiledFacts.js';
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

/**
 * The days of every node at every level, levels being cumulative (a level holds the days of
 * the one below and more): per node, the levels at which its days changed, with the days
 * from then on. Nothing is copied from level to level.
 */
class Levels {
  /** Per node, 1 + the place of its list in `lists` (0: none); a typed column is cheap to make. */
  private readonly slot: Int32Array;
  private readonly lists: { level: number; days: readonly number[] }[][] = [];

  constructor(nodes: number) {
    this.slot = new Int32Array(nodes);
  }

  at(node: number, level: number): readonly number[] | undefined {
    const slot = this.slot[node] as number;
    if (slot === 0) return undefined;
    const list = this.lists[slot - 1] as { level: number; days: readonly number[] }[];
    for (let i = list.length - 1; i >= 0; i--) {
      const change = list[i] as { level: number; days: readonly number[] };
      if (change.level <= level) return change.days;
    }
    return undefined;
  }

  set(node: number, level: number, days: readonly number[]): void {
    const slot = this.slot[node] as number;
    if (slot === 0) {
      this.slot[node] = this.lists.push([{ level, days }]);
      return;
    }
    const list = this.lists[slot - 1] as { level: number; days: readonly number[] }[];
    const last = list[list.length - 1];
    if (last?.level === level) last.days = days;
    else list.push({ level, days });
  }
}

/**
 * `TimesToTarget` (src/paths/timesToTarget.ts) on the compiled facts: the days at which a piece
 * at each service could still reach the target within `r` more channels, level by level,
 * backward from the target, in node indexes and day numbers. Time, validity and disciplines
 * are checked as the forward search checks them; the third-party rule and the ban on
 * re-entering a channel's origin are not, so a refused piece reaches the target on no path.
 */
export class ArrayTimes implements TargetTimes {
  private readonly levels: Levels;
  private depthNow = 0;
  private changed: number[];
  private readonly target: number;

  constructor(
    private readonly facts: CompiledFacts,
    target: { id: string; label: 'Service' | 'LiaisonChannel' },
    private readonly params: Pick<ReachParams, 'disciplines' | 'followStructure'>,
  ) {
    this.target = facts.facts.indexOf(target.id, KIND[target.label]) ?? -1;
    this.levels = new Levels(facts.facts.g.nodeCount);
    const start: number[] = [];
    if (target.label === 'Service' && this.target >= 0) {
      this.levels.set(this.target, 0, [FIRST_DAY, LAST_DAY]);
      start.push(this.target);
    }
    this.changed = this.closeOverStructure(0, start);
  }

  get depth(): number {
    return this.depthNow;
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
    return overlaps(this.levels.at(node, remaining), from, to);
  }

  /**
   * Whether the agent of `params` could reach the target within `params.maxHops` at all: some
   * window of its (in the filters) meets a service it serves while that service has days at
   * the level of `maxHops`, or a channel it is posted to that is the target or has a party with
   * days at the level below. Admits every agent the focused search can find (the levels are
   * closed over structure already), so a refused agent needs no search.
   */
  admits(params: ReachParams): boolean {
    const f = this.footholdsOf(params.agent);
    return !!f && this.windowsOf(f, params, (from, to) => this.footholdsReach(f, params, from, to));
  }

  /** Whether the agent has a window in the filters (one reach would search). */
  considers(params: ReachParams): boolean {
    const f = this.footholdsOf(params.agent);
    return !!f && this.windowsOf(f, params, () => true);
  }

  private readonly agents = new Map<string, NFootholds | undefined>();

  /** The agent's footholds, kept by id for the levels of this search. */
  private footholdsOf(agent: string): NFootholds | undefined {
    if (this.agents.has(agent)) return this.agents.get(agent);
    const f = this.facts.footholdsOf(agent);
    this.agents.set(agent, f);
    return f;
  }

  /** Whether `test` holds for one of the agent's windows in the filters. */
  private windowsOf(
    f: NFootholds,
    params: ReachParams,
    test: (from: number, to: number) => boolean,
  ): boolean {
    const during = params.during ? days(params.during) : { from: FIRST_DAY, to: LAST_DAY };
    for (const p of f.penetrations) {
      if (!penetrationCounts(p.confidence, params.minConfidence)) continue;
      const from = Math.max(p.from, during.from);
      const to = Math.min(p.to, during.to);
      if (from <= to && test(from, to)) return true;
    }
    return false;
  }

  /** Whether a window `wFrom..wTo` of the agent meets a foothold that can reach the target. */
  private footholdsReach(f: NFootholds, params: ReachParams, wFrom: number, wTo: number): boolean {
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
      const { parties } = this.facts;
      for (let i = channel.first * PARTY; i < channel.end * PARTY; i += PARTY) {
        const a = Math.max(from, parties[i + 1] as number);
        const b = Math.min(to, parties[i + 2] as number);
        if (a <= b && this.mayReachAt(parties[i] as number, a, b, r - 1)) return true;
      }
    }
    return false;
  }

  /** PART_OF moves cost no channel: a neighbour of a service with days gets them too. */
  private closeOverStructure(level: number, changed: readonly number[]): number[] {
    const all = new Set(changed);
    if (!this.params.followStructure) return [...all];
    let pending = [...changed];
    while (pending.length > 0) {
      const next = new Set<number>();
      for (const service of pending) {
        const days = this.levels.at(service, level) ?? [];
        for (const move of this.facts.movesAt(service)) {
          for (let i = 0; i < days.length; i += 2) {
            const from = Math.max(days[i] as number, move.back.from);
            const to = Math.min(days[i + 1] as number, move.back.to);
            if (from > to) continue;
            const before = this.levels.at(move.other, level);
            const after = addTo(before, from, to);
            if (after !== before && after) {
              this.levels.set(move.other, level, after);
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
    const below = this.depthNow;
    const level = below + 1;
    const channels = new Set<number>();
    if (level === 1 && this.target >= 0 && facts.channelAt(this.target)) channels.add(this.target);
    for (const service of this.changed) {
      const first = facts.adjacencyFirst(service);
      const last = facts.adjacencyEnd(service);
      const rows = facts.adjacencyRows;
      for (let k = first; k < last; k++) channels.add(rows[k * ADJACENT] as number);
    }
    const changed = new Set<number>();
    const { disciplines } = this.params;
    for (const c of channels) {
      const row = facts.channelRow(c) * CHANNEL;
      if (row < 0) continue;
      const rows = facts.channelRows;
      // A channel recording no discipline carries any: its object is read only when it records some.
      if (
        disciplines.length > 0 &&
        ((rows[row + 2] as number) & DISCIPLINES) !== 0 &&
        !carries(facts.channelAt(c)?.disciplines ?? [], disciplines)
      )
        continue;
      const { parties } = facts;
      const first = (rows[row] as number) * PARTY;
      const end = (rows[row + 1] as number) * PARTY;
      const channelFrom = rows[row + 3] as number;
      const channelTo = rows[row + 4] as number;
      // The days at which a piece arriving at the channel goes on to the target.
      let onward: readonly number[] | undefined =
        c === this.target ? [FIRST_DAY, LAST_DAY] : undefined;
      for (let i = first; i < end; i += PARTY) {
        const days = this.levels.at(parties[i] as number, below);
        if (!days) continue;
        for (let k = 0; k < days.length; k += 2) {
          const from = Math.max(days[k] as number, parties[i + 1] as number);
          const to = Math.min(days[k + 1] as number, parties[i + 2] as number);
          if (from <= to) onward = addTo(onward, from, to);
        }
      }
      if (!onward) continue;
      for (let i = first; i < end; i += PARTY) {
        const entryFrom = Math.max(parties[i + 1] as number, channelFrom);
        const entryTo = Math.min(parties[i + 2] as number, channelTo);
        if (entryFrom > entryTo) continue;
        const service = parties[i] as number;
        for (let k = 0; k < onward.length; k += 2) {
          const from = Math.max(onward[k] as number, entryFrom);
          const to = Math.min(onward[k + 1] as number, entryTo);
          if (from > to) continue;
          const before = this.levels.at(service, level);
          const after = addTo(before, from, to);
          if (after !== before && after) {
            this.levels.set(service, level, after);
            changed.add(service);
          }
        }
      }
    }
    this.depthNow = level;
    this.changed = this.closeOverStructure(level, [...changed]);
    return Promise.resolve();
  }
}
