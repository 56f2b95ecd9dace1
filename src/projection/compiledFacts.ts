import type { Interval } from '../model/index.js';
import type { EventSpans, Footholds, Reading, Spans } from '../paths/reachTypes.js';
import { crossingFactor } from '../paths/rules.js';
import { dayNumber, type Days, type NEvent } from './days.js';
import { KIND } from './graphProjection.js';
import type { ProjectedFacts } from './projectedFacts.js';

const EMPTY: Days = { from: 1, to: 0 };

/**
 * A channel as a search under one reading reads it. Its parties in force on some day
 * (membership within the service's own span) are the rows `first` to `end` (exclusive) of
 * `CompiledFacts.parties`.
 */
export interface NChannel extends Days {
  readonly node: number;
  readonly weight: number;
  readonly thirdPartyRule: boolean;
  readonly disciplines: readonly string[];
  readonly first: number;
  readonly end: number;
}

/**
 * Every compiled channel's parties in one column, `PARTY` numbers a party: at `i * PARTY` the
 * service's node, then the first and last day, then the membership link's index in
 * `CompiledFacts.partyLinks`. One column read in order, where a column per channel would cost
 * a search several cache misses per channel it crosses.
 */
export const PARTY = 4;

/**
 * A compiled channel's row in `CompiledFacts.channelRows`, `CHANNEL` numbers a row: its first
 * party, its end (as `NChannel.first`/`end`), its flags (RULE, DISCIPLINES), and its first and
 * last day.
 */
export const CHANNEL = 5;

/** `channelRowOf` before a node is first asked about, and for a node that is no channel. */
const UNSEEN = -2;
const NONE = -1;

/**
 * A service's channels as rows of `CompiledFacts.adjacencyRows`, `ADJACENT` numbers a row: the
 * channel's node; the first and last day both the service's membership and the channel are in
 * force (possibly empty); the channel's flags (RULE, DISCIPLINES); the membership link's index
 * in `partyLinks`. The channel's crossing weight is `adjacencyWeights` at the row.
 */
export const ADJACENT = 5;

/** Adjacency flags: the channel is under the third-party rule; it records disciplines. */
export const RULE = 1;
export const DISCIPLINES = 2;

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

export type { Days, NEvent };

export const days = (i: Interval): Days => ({ from: dayNumber(i.from), to: dayNumber(i.to) });

const meet = (a: Days, b: Days): Days => ({
  from: a.from > b.from ? a.from : b.from,
  to: a.to < b.to ? a.to : b.to,
});

/**
 * Compiled facts kept by node, made on first use. They are small (columns, no object per
 * party), so a graph of a million nodes stays whole here while the projected facts they are
 * made from come and go; the view's facts and these are dropped with the version.
 *
 * A node's facts live at its slot (`slotOf`, given on first use) in dense lists, one entry per
 * slot in each: a list indexed by node directly would be sparse, and V8 keeps a sparse array
 * as a hash table (about twice the time of a dense one on every read of the search).
 */
class Kept<V> {
  readonly bySlot: (V | undefined)[] = [];

  constructor(private readonly slots: Slots) {
    slots.lists.push(this.bySlot);
  }

  at(node: number, make: () => V): V {
    const slot = this.slots.of(node);
    const known = this.bySlot[slot];
    if (known !== undefined) return known;
    const made = make();
    this.bySlot[slot] = made;
    return made;
  }
}

/** Slots by node, -1 until first use; every list gets an entry for each slot given. */
class Slots {
  private slotOf: Int32Array;
  readonly lists: unknown[][] = [];

  constructor(nodes: number) {
    this.slotOf = new Int32Array(nodes).fill(-1);
  }

  of(node: number): number {
    if (node >= this.slotOf.length) {
      const grown = new Int32Array(Math.max(node + 1, this.slotOf.length * 2)).fill(-1);
      grown.set(this.slotOf);
      this.slotOf = grown;
    }
    let slot = this.slotOf[node] as number;
    if (slot < 0) {
      slot = this.lists[0]?.length ?? 0;
      this.slotOf[node] = slot;
      for (const list of this.lists) list.push(undefined);
    }
    return slot;
  }
}

/**
 * The projected facts under one reading, in day numbers and node indexes: what the memory
 * engine's search (src/projection/arraySearch.ts) reads. Each reading picks, of every element's
 * two spans, the one docs/path-semantics.md says it reads (`readingOf` does the same for the
 * per-hop engine): the inner span under CERTAIN, the outer under POSSIBLE. Spans that are
 * always met together (a membership and its service, a move's link and the service it leads
 * to) are intersected once here.
 */
export class CompiledFacts {
  private readonly slots: Slots;
  private readonly channels: Kept<NChannel | null>;
  private readonly moves: Kept<readonly NMove[]>;
  private readonly operations: Kept<readonly NOperation[]>;
  /** By id: the agents' ids are few next to the projection's, so this map stays small. */
  private readonly footholdsById = new Map<string, NFootholds | null>();
  /**
   * The channels' parties (`NChannel.first`). Replaced when it grows: a copy read before still
   * holds every row made before it (rows are only added).
   */
  parties = new Int32Array(1024 * PARTY);
  readonly partyLinks: string[] = [];
  /** Channels as rows (`CHANNEL`), replaced when it grows as `parties` is. */
  channelRows = new Int32Array(1024 * CHANNEL);
  private channelCount = 0;
  /** By node: its row in `channelRows`, NONE when it is no channel here, UNSEEN until asked. */
  private channelRowOf: Int32Array;
  /** Services' channels as rows (`ADJACENT`), replaced when it grows as `parties` is. */
  adjacencyRows = new Int32Array(1024 * ADJACENT);
  adjacencyWeights = new Float64Array(1024);
  private adjacencyCount = 0;
  /** By service: its first and end row in `adjacencyRows` (UNSEEN until asked). */
  private adjacencyOf: Int32Array;

  constructor(
    readonly facts: ProjectedFacts,
    readonly reading: Reading,
  ) {
    this.slots = new Slots(facts.g.nodeCount);
    this.channelRowOf = new Int32Array(facts.g.nodeCount).fill(UNSEEN);
    this.channels = new Kept(this.slots);
    this.adjacencyOf = new Int32Array(2 * facts.g.nodeCount).fill(UNSEEN);
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
    const row = this.channelRowOf[c];
    if (row !== undefined && row !== UNSEEN) return row;
    this.channelAt(c);
    return this.channelRowOf[c] as number;
  }

  private setChannelRow(c: number, row: number): void {
    if (c >= this.channelRowOf.length) {
      const grown = new Int32Array(Math.max(c + 1, this.channelRowOf.length * 2)).fill(UNSEEN);
      grown.set(this.channelRowOf);
      this.channelRowOf = grown;
    }
    this.channelRowOf[c] = row;
  }

  private addChannelRow(channel: NChannel): void {
    const row = this.channelCount++;
    if ((row + 1) * CHANNEL > this.channelRows.length) {
      const grown = new Int32Array(this.channelRows.length * 2);
      grown.set(this.channelRows);
      this.channelRows = grown;
    }
    const at = row * CHANNEL;
    this.channelRows[at] = channel.first;
    this.channelRows[at + 1] = channel.end;
    this.channelRows[at + 2] =
      (channel.thirdPartyRule ? RULE : 0) | (channel.disciplines.length > 0 ? DISCIPLINES : 0);
    this.channelRows[at + 3] = channel.from;
    this.channelRows[at + 4] = channel.to;
    this.setChannelRow(channel.node, row);
  }

  private addParty(service: number, span: Days, link: string): void {
    const row = this.partyLinks.length * PARTY;
    if (row + PARTY > this.parties.length) {
      const grown = new Int32Array(this.parties.length * 2);
      grown.set(this.parties);
      this.parties = grown;
    }
    this.parties[row] = service;
    this.parties[row + 1] = span.from;
    this.parties[row + 2] = span.to;
    this.parties[row + 3] = this.partyLinks.length;
    this.partyLinks.push(link);
  }

  /**
   * Service `s`'s channels, each with the service's own membership: the first of its rows in
   * `adjacencyRows` (read `adjacencyRows` after this call); `adjacencyEnd` is past the last.
   */
  adjacencyFirst(s: number): number {
    if (2 * s >= this.adjacencyOf.length) {
      const grown = new Int32Array(Math.max(2 * s + 2, this.adjacencyOf.length * 2)).fill(UNSEEN);
      grown.set(this.adjacencyOf);
      this.adjacencyOf = grown;
    }
    const known = this.adjacencyOf[2 * s] as number;
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
    this.adjacencyOf[2 * s] = first;
    this.adjacencyOf[2 * s + 1] = this.adjacencyCount;
    return first;
  }

  /** Past service `s`'s last row in `adjacencyRows` (after `adjacencyFirst(s)`). */
  adjacencyEnd(s: number): number {
    return this.adjacencyOf[2 * s + 1] as number;
  }

  private addAdjacent(channel: NChannel, from: number, to: number, link: number): void {
    const row = this.adjacencyCount++;
    if (row === this.adjacencyWeights.length) {
      const rows = new Int32Array(this.adjacencyRows.length * 2);
      rows.set(this.adjacencyRows);
      this.adjacencyRows = rows;
      const weights = new Float64Array(this.adjacencyWeights.length * 2);
      weights.set(this.adjacencyWeights);
      this.adjacencyWeights = weights;
    }
    const at = row * ADJACENT;
    this.adjacencyRows[at] = channel.node;
    this.adjacencyRows[at + 1] = from;
    this.adjacencyRows[at + 2] = to;
    this.adjacencyRows[at + 3] =
      (channel.thirdPartyRule ? RULE : 0) | (channel.disciplines.length > 0 ? DISCIPLINES : 0);
    this.adjacencyRows[at + 4] = link;
    this.adjacencyWeights[row] = channel.weight;
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
