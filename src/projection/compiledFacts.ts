import type { Interval } from '../model/index.js';
import type { EventSpans, Footholds, Reading, Spans } from '../paths/reachTypes.js';
import { crossingFactor } from '../paths/rules.js';
import { dayNumber, type Days, type NEvent } from './days.js';
import { KIND } from './graphProjection.js';
import { FactRows, Kept, NONE, PARTY, Slots, UNSEEN, type NChannel } from './factRows.js';
import type { ProjectedFacts } from './projectedFacts.js';

const EMPTY: Days = { from: 1, to: 0 };

/** A PART_OF move from a service: to `other`, within the link and the other service's span. */
export interface NMove extends Days {
  readonly other: number;
  readonly link: string;
  readonly component: number;
  readonly whole: number;
  /** The link within this service's own span: where a backward search moves in from `other`. */
  readonly back: Days;
}

export interface NOperation extends NEvent {
  readonly operation: number;
  readonly link: string;
  readonly type: 'CONDUCTED' | 'THROUGH';
}

export interface NFootholds {
  readonly agent: number;
  readonly penetrations: readonly (Days & { link: string; confidence: string })[];
  readonly serves: readonly (Days & { link: string; service: number })[];
  readonly postings: readonly (Days & { link: string; channel: NChannel })[];
  readonly operations: readonly (NEvent & { link: string; operation: number })[];
}

export type { Days, NChannel, NEvent };
export { ADJACENT, CHANNEL, DISCIPLINES, PARTY, RULE } from './factRows.js';

export const days = (i: Interval): Days => ({ from: dayNumber(i.from), to: dayNumber(i.to) });

const meet = (a: Days, b: Days): Days => ({
  from: a.from > b.from ? a.from : b.from,
  to: a.to < b.to ? a.to : b.to,
});

/**
 * The projected facts under one reading, in day numbers and node indexes: what the memory
 * engine's search (src/projection/arraySearch.ts) reads. Each reading picks, of every element's
 * two spans, the one docs/path-semantics.md says it reads (`readingOf` does the same for the
 * per-hop engine): the inner span under CERTAIN, the outer under POSSIBLE. Spans that are
 * always met together (a membership and its service, a move's link and the service it leads
 * to) are intersected once here.
 */
export class CompiledFacts extends FactRows {
  private readonly slots: Slots;
  private readonly channels: Kept<NChannel | null>;
  private readonly moves: Kept<readonly NMove[]>;
  private readonly operations: Kept<readonly NOperation[]>;
  /** By id: the agents' ids are few next to the projection's, so this map stays small. */
  private readonly footholdsById = new Map<string, NFootholds | null>();
  constructor(
    readonly facts: ProjectedFacts,
    readonly reading: Reading,
  ) {
    super(facts.g.nodeCount);
    this.slots = new Slots(facts.g.nodeCount);
    this.channels = new Kept(this.slots);
    this.moves = new Kept(this.slots);
    this.operations = new Kept(this.slots);
  }

  private span(s: Spans): Days {
    return days(this.reading === 'CERTAIN' ? s.certain : s.validity);
  }

  private pair(a: Interval, certainA: Interval, b: Interval, certainB: Interval): Days {
    return this.reading === 'CERTAIN'
      ? meet(days(certainA), days(certainB))
      : meet(days(a), days(b));
  }

  private event(s: EventSpans): NEvent {
    const span = this.span(s);
    if (this.reading === 'CERTAIN' && span.from > span.to)
      return { ...EMPTY, whole: days(s.validity) };
    return { ...span, whole: undefined };
  }

  private index(id: string): number {
    return this.facts.g.index.get(id) ?? -1;
  }

  channelAt(c: number): NChannel | null {
    return this.channels.at(c, () => {
      const facts = this.facts.channelAt(c);
      if (!facts) {
        this.setChannelRow(c, NONE);
        return null;
      }
      const first = this.partyLinks.length;
      for (const p of facts.parties) {
        const span = this.pair(p.validity, p.certain, p.serviceValidity, p.serviceCertain);
        if (span.from > span.to) continue;
        this.addParty(this.index(p.service), span, p.link);
      }
      const channel: NChannel = {
        ...this.span(facts),
        node: c,
        weight: crossingFactor(facts.sharing),
        thirdPartyRule: facts.thirdPartyRule,
        disciplines: facts.disciplines,
        first,
        end: this.partyLinks.length,
      };
      this.addChannelRow(channel);
      return channel;
    });
  }

  /**
   * Channel `c`'s row in `channelRows` (read `channelRows` after this call), or -1 when it is no
   * channel of this view: what the search reads, with no object in between.
   */
  channelRow(c: number): number {
    const row = this.knownChannelRow(c);
    if (row !== UNSEEN) return row;
    this.channelAt(c);
    return this.knownChannelRow(c);
  }

  /**
   * Service `s`'s channels, each with the service's own membership: the first of its rows in
   * `adjacencyRows` (read `adjacencyRows` after this call); `adjacencyEnd` is past the last.
   */
  adjacencyFirst(s: number): number {
    const known = this.knownAdjacency(s);
    if (known !== UNSEEN) return known;
    const first = this.adjacencyCount;
    const seen = new Set<number>();
    for (const adjacent of this.facts.adjacencyAt(s)) {
      const c = this.index(adjacent.channel.id);
      if (seen.has(c)) continue;
      seen.add(c);
      const channel = this.channelAt(c);
      if (!channel) continue;
      const { parties } = this;
      for (let i = channel.first * PARTY; i < channel.end * PARTY; i += PARTY) {
        if (parties[i] !== s) continue;
        this.addAdjacent(
          channel,
          Math.max(parties[i + 1] as number, channel.from),
          Math.min(parties[i + 2] as number, channel.to),
          parties[i + 3] as number,
        );
      }
    }
    this.setAdjacency(s, first);
    return first;
  }

  movesAt(s: number): readonly NMove[] {
    return this.moves.at(s, () => {
      const out: NMove[] = [];
      for (const l of this.facts.structureAt(s)) {
        const component = this.index(l.component);
        const whole = this.index(l.whole);
        const up = component === s;
        const toWhole = this.pair(l.validity, l.certain, l.wholeValidity, l.wholeCertain);
        const toComponent = this.pair(
          l.validity,
          l.certain,
          l.componentValidity,
          l.componentCertain,
        );
        const span = up ? toWhole : toComponent;
        const back = up ? toComponent : toWhole;
        if (span.from <= span.to || back.from <= back.to)
          out.push({
            ...span,
            other: up ? whole : component,
            link: l.link,
            component,
            whole,
            back,
          });
      }
      return out;
    });
  }

  /** The operations a service CONDUCTED, or that ran THROUGH a channel. */
  operationsAt(node: number): readonly NOperation[] {
    return this.operations.at(node, () =>
      this.facts.operationsAt(node).map((o) => ({
        ...this.event(o),
        operation: this.index(o.operation),
        link: o.link,
        type: o.type,
      })),
    );
  }

  /** What a visible officer held, kept (exposure and brokers ask for every agent again). */
  footholdsOf(agent: string): NFootholds | undefined {
    let f = this.footholdsById.get(agent);
    if (f === undefined) {
      const a = this.facts.indexOf(agent, KIND.Officer);
      f = a === undefined ? null : this.compileFootholds(a);
      this.footholdsById.set(agent, f);
    }
    return f ?? undefined;
  }

  private compileFootholds(a: number): NFootholds | null {
    const f: Footholds | undefined = this.facts.footholdsAt(a);
    if (!f) return null;
    const postings: (Days & { link: string; channel: NChannel })[] = [];
    for (const p of f.postings) {
      const channel = this.channelAt(this.index(p.channel));
      if (channel) postings.push({ ...this.span(p), link: p.link, channel });
    }
    return {
      agent: a,
      penetrations: f.penetrations.map((p) => ({
        ...this.span(p),
        link: p.link,
        confidence: p.confidence,
      })),
      serves: f.serves.map((s) => ({
        ...this.pair(s.validity, s.certain, s.serviceValidity, s.serviceCertain),
        link: s.link,
        service: this.index(s.service),
      })),
      postings,
      operations: f.operations.map((o) => ({
        ...this.event(o),
        link: o.link,
        operation: this.index(o.operation),
      })),
    };
  }
}

const compiled = new WeakMap<ProjectedFacts, Record<Reading, CompiledFacts>>();

/** The facts under `reading`, one per projected facts (so per view and version) and reading. */
export function compiledFacts(facts: ProjectedFacts, reading: Reading): CompiledFacts {
  let both = compiled.get(facts);
  if (!both) {
    both = {
      CERTAIN: new CompiledFacts(facts, 'CERTAIN'),
      POSSIBLE: new CompiledFacts(facts, 'POSSIBLE'),
    };
    compiled.set(facts, both);
  }
  return both[reading];
}
