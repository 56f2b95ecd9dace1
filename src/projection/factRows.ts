import type { Days } from './days.js';

/**
 * A channel as a search under one reading reads it. Its parties in force on some day
 * (membership within the service's own span) are the rows `first` to `end` (exclusive) of
 * `FactRows.parties`.
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
 * `FactRows.partyLinks`. One column read in order, where a column per channel would cost
 * a search several cache misses per channel it crosses.
 */
export const PARTY = 4;

/**
 * A compiled channel's row in `FactRows.channelRows`, `CHANNEL` numbers a row: its first
 * party, its end (as `NChannel.first`/`end`), its flags (RULE, DISCIPLINES), and its first and
 * last day.
 */
export const CHANNEL = 5;

/** A row index before a node is first asked about (`UNSEEN`), and for a node that is no channel. */
export const UNSEEN = -2;
export const NONE = -1;

/**
 * A service's channels as rows of `FactRows.adjacencyRows`, `ADJACENT` numbers a row: the
 * channel's node; the first and last day both the service's membership and the channel are in
 * force (possibly empty); the channel's flags (RULE, DISCIPLINES); the membership link's index
 * in `partyLinks`. The channel's crossing weight is `adjacencyWeights` at the row.
 */
export const ADJACENT = 5;

/** Adjacency flags: the channel is under the third-party rule; it records disciplines. */
export const RULE = 1;
export const DISCIPLINES = 2;

/**
 * Compiled facts kept by node, made on first use. They are small (columns, no object per
 * party), so a graph of a million nodes stays whole here while the projected facts they are
 * made from come and go; the view's facts and these are dropped with the version.
 *
 * A node's facts live at its slot (`slotOf`, given on first use) in dense lists, one entry per
 * slot in each: a list indexed by node directly would be sparse, and V8 keeps a sparse array
 * as a hash table (about twice the time of a dense one on every read of the search).
 */
export class Kept<V> {
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
export class Slots {
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
 * The rows a search reads (parties, channels, services' channels) in typed columns, filled as
 * `CompiledFacts` compiles each node on first use. Every column is replaced when it grows; a
 * copy read before still holds every row made before it (rows are only added).
 */
export class FactRows {
  /**
   * The channels' parties (`NChannel.first`). Replaced when it grows: a copy read before still
   * holds every row made before it (rows are only added).
   */
  parties = new Int32Array(1024 * PARTY);
  readonly partyLinks: string[] = [];
  /** Channels as rows (`CHANNEL`), replaced when it grows as `parties` is. */
  channelRows = new Int32Array(1024 * CHANNEL);
  protected channelCount = 0;
  /** By node: its row in `channelRows`, NONE when it is no channel here, UNSEEN until asked. */
  private channelRowOf: Int32Array;
  /** Services' channels as rows (`ADJACENT`), replaced when it grows as `parties` is. */
  adjacencyRows = new Int32Array(1024 * ADJACENT);
  adjacencyWeights = new Float64Array(1024);
  protected adjacencyCount = 0;
  /** By service: its first and end row in `adjacencyRows` (UNSEEN until asked). */
  private adjacencyOf: Int32Array;

  constructor(nodes: number) {
    this.channelRowOf = new Int32Array(nodes).fill(UNSEEN);
    this.adjacencyOf = new Int32Array(2 * nodes).fill(UNSEEN);
  }

  /** Channel `c`'s row: NONE when it is no channel here, UNSEEN when not compiled yet. */
  protected knownChannelRow(c: number): number {
    return this.channelRowOf[c] ?? UNSEEN;
  }

  /** Service `s`'s first row in `adjacencyRows`, UNSEEN when not compiled yet. */
  protected knownAdjacency(s: number): number {
    return this.adjacencyOf[2 * s] ?? UNSEEN;
  }

  /** Past service `s`'s last row in `adjacencyRows` (after `adjacencyFirst(s)`). */
  adjacencyEnd(s: number): number {
    return this.adjacencyOf[2 * s + 1] as number;
  }

  /** Service `s`'s rows are `first` up to the rows added since. */
  protected setAdjacency(s: number, first: number): void {
    if (2 * s >= this.adjacencyOf.length) {
      const grown = new Int32Array(Math.max(2 * s + 2, this.adjacencyOf.length * 2)).fill(UNSEEN);
      grown.set(this.adjacencyOf);
      this.adjacencyOf = grown;
    }
    this.adjacencyOf[2 * s] = first;
    this.adjacencyOf[2 * s + 1] = this.adjacencyCount;
  }

  protected setChannelRow(c: number, row: number): void {
    if (c >= this.channelRowOf.length) {
      const grown = new Int32Array(Math.max(c + 1, this.channelRowOf.length * 2)).fill(UNSEEN);
      grown.set(this.channelRowOf);
      this.channelRowOf = grown;
    }
    this.channelRowOf[c] = row;
  }

  protected addChannelRow(channel: NChannel): void {
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

  protected addParty(service: number, span: Days, link: string): void {
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

  protected addAdjacent(channel: NChannel, from: number, to: number, link: number): void {
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
}
