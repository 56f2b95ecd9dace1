import type { LinkType } from '../model/index.js';
import type { Interval } from './interval.js';

/** A channel with what the traversal needs to know of it. */
export interface ChannelFacts {
  readonly id: string;
  readonly validity: Interval;
  readonly sharing: string | null;
  readonly thirdPartyRule: boolean;
  readonly disciplines: readonly string[];
  /** Every PARTY_TO of the channel. */
  readonly parties: readonly Membership[];
}

/** One PARTY_TO link, with the validity of the link and of the service. */
export interface Membership {
  readonly link: string;
  readonly service: string;
  readonly validity: Interval;
  readonly serviceValidity: Interval;
}

/** What the agent held: penetrations, services served, postings, operations taken part in. */
export interface Footholds {
  readonly agent: string;
  readonly penetrations: readonly {
    link: string;
    hostile: string;
    confidence: string;
    validity: Interval;
  }[];
  readonly serves: readonly {
    link: string;
    service: string;
    validity: Interval;
    serviceValidity: Interval;
  }[];
  readonly postings: readonly { link: string; channel: string; validity: Interval }[];
  readonly operations: readonly { link: string; operation: string; validity: Interval }[];
}

/** An operation linked to a service (CONDUCTED) or a channel (THROUGH). */
export interface OperationLink {
  readonly via: string;
  readonly link: string;
  readonly type: 'CONDUCTED' | 'THROUGH';
  readonly operation: string;
  readonly validity: Interval;
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

/** A reached element with its explanation. */
export interface Reached {
  readonly id: string;
  readonly hops: number;
  readonly exposure: number;
  readonly path: Path;
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
}

export interface ReachOutcome {
  readonly agent: string;
  /** The agent's windows in the filter (merged). */
  readonly windows: readonly Interval[];
  /** Ids of the AGENT_OF links considered. */
  readonly penetrations: readonly string[];
  readonly channels: readonly Reached[];
  readonly services: readonly Reached[];
  readonly operations: readonly Reached[];
}
