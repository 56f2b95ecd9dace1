import { BEGINNING, END, intersect, type Interval } from '../model/index.js';
import type { ChannelFacts, ReachParams, ReachSource } from './reachTypes.js';
import { carries } from './rules.js';

const ALWAYS: Interval = { from: BEGINNING, to: END };

/** True when the interval shares a day with one of the list's. */
function overlapsAny(interval: Interval, list: readonly Interval[]): boolean {
  return list.some((i) => i.from <= interval.to && interval.from <= i.to);
}

/**
 * The list with the interval added (overlapping ones merged), or the same list when the
 * interval adds no day to it. Touching intervals stay apart: only overlap with a piece's
 * interval is ever asked, which a union answers the same either way.
 */
function addTo(list: readonly Interval[], interval: Interval): readonly Interval[] {
  if (list.some((i) => i.from <= interval.from && interval.to <= i.to)) return list;
  let { from, to } = interval;
  const apart: Interval[] = [];
  for (const i of list) {
    if (i.from <= to && from <= i.to) {
      if (i.from < from) from = i.from;
      if (i.to > to) to = i.to;
    } else apart.push(i);
  }
  apart.push({ from, to });
  return apart;
}

/**
 * When each service can still reach the target, searched backward from it: level `r` holds,
 * for each service, the days at which a piece there could reach the target within `r` more
 * channels (the union, over the paths to the target, of each path's window). Time, validity
 * and disciplines are checked exactly as the forward search checks them; the third-party rule
 * and the ban on re-entering a channel's own origin are not, so a piece refused here reaches
 * the target on no path, and a piece admitted may still be stopped by them.
 *
 * Levels are computed one at a time (`extend`), reading only the channels of the services
 * whose days changed at the previous level, through the same source (and so the same cached
 * reads) as the forward searches.
 */
export class TimesToTarget {
  private readonly levels: Map<string, readonly Interval[]>[];
  private changed: string[];

  private constructor(
    private readonly source: ReachSource,
    private readonly target: { id: string; label: 'Service' | 'LiaisonChannel' },
    private readonly disciplines: readonly string[],
    private readonly followStructure: boolean,
  ) {
    // Level 0: a piece at the target service has reached it (its window is inside the
    // target's validity already); a channel target is reached only by crossing it.
    const start = new Map<string, readonly Interval[]>();
    if (target.label === 'Service') start.set(target.id, [ALWAYS]);
    this.levels = [start];
    this.changed = [...start.keys()];
  }

  static async open(
    source: ReachSource,
    target: { id: string; label: 'Service' | 'LiaisonChannel' },
    params: Pick<ReachParams, 'disciplines' | 'followStructure'>,
  ): Promise<TimesToTarget> {
    const times = new TimesToTarget(source, target, params.disciplines, params.followStructure);
    const [start] = times.levels;
    if (start) times.changed = [...(await times.closeOverStructure(start, times.changed))];
    return times;
  }

  /**
   * Structure moves cost no channel: a piece at a service linked by PART_OF to one with days
   * at this level can move there (within the link and that service's validity) and go on, so
   * it gets those days too, transitively. Updates `level` in place; returns every service
   * whose days changed, `changed` included.
   */
  private async closeOverStructure(
    level: Map<string, readonly Interval[]>,
    changed: readonly string[],
  ): Promise<Set<string>> {
    const all = new Set(changed);
    if (!this.followStructure) return all;
    let pending = [...changed];
    while (pending.length > 0) {
      const links = await this.source.structureOf(pending);
      const next = new Set<string>();
      for (const service of pending) {
        const days = level.get(service) ?? [];
        for (const l of links.get(service) ?? []) {
          const up = l.whole === service; // moving from the component up to `service`
          const other = up ? l.component : l.whole;
          const entry = intersect(l.validity, up ? l.wholeValidity : l.componentValidity);
          if (!entry) continue;
          for (const day of days) {
            const onward = intersect(day, entry);
            if (!onward) continue;
            const before = level.get(other) ?? [];
            const after = addTo(before, onward);
            if (after !== before) {
              level.set(other, after);
              next.add(other);
              all.add(other);
            }
          }
        }
      }
      pending = [...next];
    }
    return all;
  }

  /** The highest level computed. */
  get depth(): number {
    return this.levels.length - 1;
  }

  /** Computes the next level. */
  async extend(): Promise<void> {
    const previous: ReadonlyMap<string, readonly Interval[]> =
      this.levels[this.levels.length - 1] ?? new Map();
    const channels = new Map<string, ChannelFacts>();
    if (this.levels.length === 1 && this.target.label === 'LiaisonChannel') {
      for (const channel of (await this.source.channels([this.target.id])).values())
        channels.set(channel.id, channel);
    }
    if (this.changed.length > 0) {
      for (const adjacent of (await this.source.channelsOfServices(this.changed)).values())
        for (const { channel } of adjacent) channels.set(channel.id, channel);
    }
    const next = new Map(previous);
    const changed = new Set<string>();
    for (const channel of channels.values()) {
      if (!carries(channel.disciplines, this.disciplines)) continue;
      // The days at which a piece arriving at the channel goes on to the target.
      let onward: readonly Interval[] = channel.id === this.target.id ? [ALWAYS] : [];
      for (const party of channel.parties) {
        const days = previous.get(party.service);
        if (!days) continue;
        const membership = intersect(party.validity, party.serviceValidity);
        if (!membership) continue;
        for (const day of days) {
          const both = intersect(day, membership);
          if (both) onward = addTo(onward, both);
        }
      }
      if (onward.length === 0) continue;
      for (const party of channel.parties) {
        const membership = intersect(party.validity, party.serviceValidity);
        const entry = membership && intersect(membership, channel.validity);
        if (!entry) continue;
        for (const days of onward) {
          const both = intersect(days, entry);
          if (!both) continue;
          const before = next.get(party.service) ?? [];
          const after = addTo(before, both);
          if (after !== before) {
            next.set(party.service, after);
            changed.add(party.service);
          }
        }
      }
    }
    this.levels.push(next);
    this.changed = [...(await this.closeOverStructure(next, [...changed]))];
  }

  /**
   * Whether a piece at the service, open during `interval`, could reach the target within
   * `remaining` more channels. Asks only for levels already computed.
   */
  mayReach(service: string, interval: Interval, remaining: number): boolean {
    if (remaining < 0) return false;
    if (remaining > this.depth) throw new Error(`level ${remaining} asked, ${this.depth} computed`);
    const days = this.levels[remaining]?.get(service);
    return days !== undefined && overlapsAny(interval, days);
  }
}
