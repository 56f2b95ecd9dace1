import type { LinkType, Reading } from '../model/index.js';
import type { Interval } from '../model/index.js';

export type { Reading };

/**
 * Every window below comes twice (docs/path-semantics.md, "Time"): `validity` is the outer span
 * (possibly in force), `certain` the inner span (certainly in force; `NEVER` when nothing is).
 * A reach reads one of them throughout (`readingOf`).
 */
export interface Spans {
  readonly validity: Interval;
  readonly certain: Interval;
}

/** A channel with what the traversal needs to know of it. */
export interface ChannelFacts extends Spans {
  readonly id: string;
  readonly sharing: string | null;
  readonly thirdPartyRule: boolean;
  readonly disciplines: readonly string[];
  /** Every PARTY_TO of the channel. */
  readonly parties: readonly Membership[];
}

/** One PARTY_TO link, with the validity of the link and of the service. */
export interface Membership extends Spans {
  readonly link: string;
  readonly service: string;
  readonly serviceValidity: Interval;
  readonly serviceCertain: Interval;
}

/** A PART_OF link: a component service of a department or community, both ends' spans too. */
export interface StructureLink extends Spans {
  readonly link: string;
  readonly component: string;
  readonly whole: string;
  readonly componentValidity: Interval;
  readonly componentCertain: Interval;
  readonly wholeValidity: Interval;
  readonly wholeCertain: Interval;
}

/** What the agent held: penetrations, services served, postings, operations taken part in. */
export interface Footholds {
  readonly agent: string;
  readonly penetrations: readonly (Spans & {
    link: string;
    hostile: string;
    confidence: string;
  })[];
  readonly serves: readonly (Spans & {
    link: string;
    service: string;
    serviceValidity: Interval;
    serviceCertain: Interval;
  })[];
  readonly postings: readonly (Spans & { link: string; channel: string })[];
  /** Operations taken part in; the spans are the link's and the operation's together. */
  readonly operations: readonly (EventSpans & { link: string; operation: string })[];
}

/** An operation linked to a service (CONDUCTED) or a channel (THROUGH). */
/**
 * An operation's spans. An operation is an event: under the certain reading, one with no certain
 * day (`certain` is NEVER, e.g. "July 1985") is still certainly met by a window containing every
 * day it can have been on; `whole` holds those days then (docs/path-semantics.md, operations).
 */
export interface EventSpans extends Spans {
  readonly whole?: Interval;
}

export interface OperationLink extends EventSpans {
  readonly via: string;
  readonly link: string;
  readonly type: 'CONDUCTED' | 'THROUGH';
  readonly operation: string;
}

/** Where the traversal reads the graph; one call per hop (see docs/path-semantics.md). */
export interface ReachSource {
  footholds(agent: string): Promise<Footholds | undefined>;
  /** The channels of each service, each with its membership and all its parties. */
  channelsOfServices(
    services: readonly string[],
  ): Promise<ReadonlyMap<string, readonly { membership: Membership; channel: ChannelFacts }[]>>;
  /** Channels by id with all their parties (for postings). */
  channels(ids: readonly string[]): Promise<ReadonlyMap<string, ChannelFacts>>;
  operationsOf(
    services: readonly string[],
    channels: readonly string[],
  ): Promise<readonly OperationLink[]>;
  /** The PART_OF links of each service, as component or as whole. */
  structureOf(services: readonly string[]): Promise<ReadonlyMap<string, readonly StructureLink[]>>;
  /** Every agent: an officer with an AGENT_OF link (both visible, and its end), by id. */
  agents(): Promise<readonly string[]>;
  /** A service's or channel's own spans, when it is visible. */
  spansOf(id: string, label: 'Service' | 'LiaisonChannel'): Promise<Spans | undefined>;
}

/**
 * Narrows a reach to one target (for exposure): only pieces that could still reach the target
 * within the hop limit are extended, and the search stops after the hop at which the target is
 * first reached (its explanation is final then: later hops only find longer paths). Operations
 * are not computed. The answer for the target is exactly the unfocused one; what else the
 * answer lists is partial (the memory engine lists the target alone).
 */
export interface Focus {
  readonly target: string;
  /**
   * Whether a piece at this service, open during `interval`, could reach the target within
   * `remaining` more channels. May admit pieces that cannot (it need not know the third-party
   * rule), never refuses one that can.
   */
  readonly mayReach: (service: string, interval: Interval, remaining: number) => boolean;
  /** The same question by projection node index and day numbers, when the engine has them. */
  readonly mayReachAt?: (node: number, from: number, to: number, remaining: number) => boolean;
  /** The target's own validity: every path to it lies inside it. */
  readonly targetValidity: Interval;
}

/**
 * Exposure's backward search from a target (`TimesToTarget`): for each service, the days at
 * which a piece there could still reach the target within `remaining` channels, one level per
 * hop, computed on demand (`extend`).
 */
export interface TargetTimes {
  readonly depth: number;
  extend(): Promise<void>;
  mayReach(service: string, interval: Interval, remaining: number): boolean;
  mayReachAt?(node: number, from: number, to: number, remaining: number): boolean;
  /**
   * False only when the agent of `params` cannot reach the target within `params.maxHops`
   * (so needs no search); engines that cannot tell cheaply leave it out.
   */
  admits?(params: ReachParams): boolean;
}

/**
 * What a path query runs on (`PathEngine.read`): the facts (`source`) and the engine's reach
 * search over them, which computes exactly `computeReach` on that source.
 */
export interface GraphSearch {
  readonly source: ReachSource;
  reach(params: ReachParams, resultCap: number, focus?: Focus): Promise<ReachOutcome | undefined>;
  /**
   * The services and channels strictly inside the explaining paths of the agent's reach (what
   * brokers count), or undefined when the agent has no window in the filters.
   */
  through(params: ReachParams, resultCap: number): Promise<readonly string[] | undefined>;
  /** The backward search of exposure from `target`, under the reading of `params`. */
  timesTo(
    target: { id: string; label: 'Service' | 'LiaisonChannel' },
    params: Pick<ReachParams, 'disciplines' | 'followStructure' | 'reading'>,
  ): Promise<TargetTimes>;
}

/** A link on an explaining path. */
export interface PathLink {
  readonly id: string;
  readonly type: LinkType;
  readonly start: string;
  readonly end: string;
}

/** A path from the agent with the interval in which all of it is open. */
export interface Path {
  readonly nodes: readonly string[];
  readonly links: readonly PathLink[];
  readonly interval: Interval;
}

/** One window of a reached element: the days, and the best path reaching it within them. */
export interface ReachedWindow {
  readonly interval: Interval;
  readonly hops: number;
  readonly exposure: number;
  readonly path: Path;
}

/** A reached element with its explanation. */
export interface Reached {
  readonly id: string;
  readonly hops: number;
  readonly exposure: number;
  readonly path: Path;
  /**
   * Every window in which some path reaches it within the hop bound (the union over its
   * paths, merged), earliest first, each with the best path inside it. Empty for an element
   * that is only possibly reached.
   */
  readonly windows: readonly ReachedWindow[];
  /** CERTAIN when a path reaches it on inner spans, else POSSIBLE (outer spans only). */
  readonly certainty: Reading;
  /** Its windows on outer spans, when the possible reach was asked for. */
  readonly possibleWindows?: readonly ReachedWindow[];
}

export interface ReachParams {
  readonly agent: string;
  readonly direction: 'INBOUND' | 'OUTBOUND';
  readonly maxHops: number;
  readonly during: Interval | undefined;
  /** Requested disciplines; empty = any. */
  readonly disciplines: readonly string[];
  readonly minConfidence: 'CONFIRMED' | 'SUSPECTED';
  readonly respectThirdPartyRule: boolean;
  /** Whether what a community receives reaches its components and the reverse (PART_OF). */
  readonly followStructure: boolean;
  /** Which spans the traversal reads: inner (CERTAIN) or outer (POSSIBLE). */
  readonly reading: Reading;
}

export interface ReachOutcome {
  readonly agent: string;
  /** The agent's windows in the filter (merged), as the reading sees them. */
  readonly windows: readonly Interval[];
  /** The agent's possible windows, when the possible reach was asked for. */
  readonly possibleWindows?: readonly Interval[];
  /** Ids of the AGENT_OF links considered. */
  readonly penetrations: readonly string[];
  readonly channels: readonly Reached[];
  readonly services: readonly Reached[];
  readonly operations: readonly Reached[];
}
