/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * How sure a reach is (docs/path-semantics.md, "Time"). Every window has an outer span (the
 * element was in force at some time within it: the widest it can be) and an inner span (in force
 * throughout: what the sources attest).
 */
export type Certainty =
  /** Every hop is in force on its inner span: the sources show the path open. */
  | 'CERTAIN'
  /** Only the outer spans allow the path: it may have been open. */
  | 'POSSIBLE';

/** Form of a relationship (Oxford Research Encyclopedia summary). */
export type ChannelForm =
  /** A standing relationship. */
  | 'RELATIONAL'
  /** Exchange case by case. */
  | 'TRANSACTIONAL';

/** Bilateral or multilateral. */
export type ChannelScope =
  /** Two parties. */
  | 'BILATERAL'
  /** More than two parties. */
  | 'MULTILATERAL';

/** Structure of a relationship (Walsh). */
export type ChannelStructure =
  /** A dominant partner and a subordinate one. */
  | 'HIERARCHICAL'
  /** Partners of equal standing. */
  | 'PEER';

/** Who may see an element (enforced from the access-control issue on; everything is UNCLASSIFIED today). */
export type Classification =
  /** Confidential. */
  | 'CONFIDENTIAL'
  /** Secret. */
  | 'SECRET'
  /** Top secret. */
  | 'TOP_SECRET'
  /** Public. */
  | 'UNCLASSIFIED';

/** A service's part in an operation. */
export type ConductRole =
  /** Led it. */
  | 'LEAD'
  /** A partner in it. */
  | 'PARTNER'
  /** Supported it. */
  | 'SUPPORT';

/** How sure the sources are. */
export type Confidence =
  /** Established (conviction, confession, archives). */
  | 'CONFIRMED'
  /** Suspected or alleged. */
  | 'SUSPECTED';

/** Intelligence disciplines a channel carries. */
export type Discipline =
  /** Finished analysis. */
  | 'ANALYSIS'
  /** Counterintelligence. */
  | 'COUNTERINTELLIGENCE'
  /** Counter-terrorism. */
  | 'COUNTERTERRORISM'
  /** Crypto-diplomatic messages. */
  | 'CRYPTO'
  /** Human intelligence. */
  | 'HUMINT'
  /** Imagery intelligence. */
  | 'IMINT'
  /** Measurement and signature intelligence. */
  | 'MASINT'
  /** Open-source intelligence. */
  | 'OSINT'
  /** Signals intelligence. */
  | 'SIGINT';

/** Relationship types of the graph. */
export type LinkType =
  /** An officer secretly worked for a hostile service (or leaked to an organization): a penetration. */
  | 'AGENT_OF'
  /** A service conducted an operation. */
  | 'CONDUCTED'
  /** A service, organization or officer belongs to (is a national of) a country. */
  | 'OF'
  /** A service is a party to a liaison channel. */
  | 'PARTY_TO'
  /** A service is a component of a department or community (docs/path-semantics.md, Structure). */
  | 'PART_OF'
  /** An officer is posted to a liaison channel (a liaison officer). */
  | 'POSTED_TO'
  /** An officer serves a service. */
  | 'SERVES'
  /** A service succeeded (replaced) another. */
  | 'SUCCEEDED'
  /** An operation targeted a country, service or organization. */
  | 'TARGETED'
  /** An operation ran through a liaison channel. */
  | 'THROUGH'
  /** An officer took part in an operation. */
  | 'TOOK_PART';

/** Kinds of organization. */
export type OrganizationKind =
  /** A government body that is not an intelligence service. */
  | 'GOVERNMENT_BODY'
  /** An insurgent group (Taliban). */
  | 'INSURGENT_GROUP'
  /** An international organization (NATO, EU). */
  | 'INTERNATIONAL_ORGANIZATION'
  /** A news organization or publisher. */
  | 'MEDIA'
  /** Anything else. */
  | 'OTHER'
  /** A political party. */
  | 'POLITICAL_PARTY'
  /** A terrorist group (al-Qaeda). */
  | 'TERRORIST_GROUP'
  /** A tribal group. */
  | 'TRIBAL_GROUP';

/** Roles in a channel. */
export type PartyRole =
  /** The subordinate partner of a hierarchical channel. */
  | 'JUNIOR'
  /** A party of equal standing. */
  | 'MEMBER'
  /** The dominant partner of a hierarchical channel. */
  | 'SENIOR';

/** How an agent came to work for the hostile side. */
export type PenetrationKind =
  /** A double agent. */
  | 'DOUBLE'
  /** A leaker with no handler. */
  | 'INSIDER'
  /** Recruited by the hostile service. */
  | 'RECRUITED'
  /** Offered themselves. */
  | 'WALK_IN';

/** Which way material flows through the agent. */
export type ReachDirection =
  /** Toward the hostile service: what it can learn. */
  | 'INBOUND'
  /** Away from it: where it can push disinformation through the agent's service. */
  | 'OUTBOUND';

/** Kinds of service. */
export type ServiceKind =
  /** Coordinating bodies of an intelligence community. */
  | 'COORDINATION'
  /** Foreign intelligence, mostly human sources (CIA, SIS). */
  | 'FOREIGN_INTELLIGENCE'
  /** Imagery and geospatial intelligence. */
  | 'IMAGERY'
  /** Police and law enforcement with intelligence roles. */
  | 'LAW_ENFORCEMENT'
  /** Military intelligence (GRU, DIA). */
  | 'MILITARY'
  /** A non-state actor acting as an intelligence partner. */
  | 'NON_STATE_PARTNER'
  /** Open-source intelligence (BBC Monitoring, the Open Source Enterprise). */
  | 'OPEN_SOURCE'
  /** Scientific and technical intelligence (LAKAM). */
  | 'SCIENTIFIC'
  /** Domestic security and counterintelligence (MI5, FBI, BfV). */
  | 'SECURITY'
  /** Signals intelligence (NSA, GCHQ). */
  | 'SIGINT'
  /** Special operations (SOE). */
  | 'SPECIAL_OPERATIONS';

/** Roles of a person in a service. */
export type ServiceRole =
  /** An agent. */
  | 'AGENT'
  /** An analyst. */
  | 'ANALYST'
  /** A case officer (handler). */
  | 'CASE_OFFICER'
  /** A contractor. */
  | 'CONTRACTOR'
  /** A director or chief. */
  | 'DIRECTOR'
  /** An employee. */
  | 'EMPLOYEE'
  /** A liaison officer. */
  | 'LIAISON_OFFICER'
  /** An officer. */
  | 'OFFICER'
  /** A soldier. */
  | 'SOLDIER';

/** How much a channel shares; exposure scores weigh reach by it. */
export type SharingLevel =
  /** Finished analyses. */
  | 'FINISHED'
  /** Little. */
  | 'MINIMAL'
  /** Raw, unprocessed material. */
  | 'RAW'
  /** Case by case, on certain topics. */
  | 'SELECTIVE';

/** Whether reach follows structure: services that are components of a department or community (PART_OF). */
export type StructureRule =
  /** What a community receives over its channels reaches its components, and the reverse, at no extra hop. */
  | 'FOLLOW'
  /** Structure is not followed. */
  | 'IGNORE';

/** Whether the traversal applies the third-party rule of channels that have it. */
export type ThirdPartyRule =
  /** Ignore it (the worst case). */
  | 'IGNORE'
  /** Apply it (what partners may share). */
  | 'RESPECT';

/** A span of time; a missing end is open on that side. */
export type WindowInput = {
  /** First day of the span (the first day of this partial date). */
  from?: string | null | undefined;
  /** Last day of the span (the last day of this partial date). */
  to?: string | null | undefined;
};

export type ExplorerGraphFragment = { nodes: Array<{ id: string, label: string, name: string, properties: unknown }>, edges: Array<{ id: string, source: string, target: string, kind: LinkType, properties: unknown }> };

export type ExplorerPathFragment = { nodes: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } };

export type ExplorerCitationFragment = { lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } };

export type ExplorerReachWindowFragment = { hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } };

type ExplorerReached_ExposedOperation_Fragment = { hops: number, exposure: number, certainty: Certainty, earliest: string | null, path: { nodes: Array<
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } }, windows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }>, possibleWindows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }> | null };

type ExplorerReached_ReachedChannel_Fragment = { hops: number, exposure: number, certainty: Certainty, earliest: string | null, path: { nodes: Array<
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } }, windows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }>, possibleWindows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }> | null };

type ExplorerReached_ReachedService_Fragment = { hops: number, exposure: number, certainty: Certainty, earliest: string | null, path: { nodes: Array<
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } }, windows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }>, possibleWindows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }> | null };

export type ExplorerReachedFragment =
  | ExplorerReached_ExposedOperation_Fragment
  | ExplorerReached_ReachedChannel_Fragment
  | ExplorerReached_ReachedService_Fragment
;

export type ExplorerSearchQueryVariables = Exact<{
  text: string;
}>;


export type ExplorerSearchQuery = { search: Array<{ score: number, entity:
      | { __typename: 'Country', id: string, name: string }
      | { __typename: 'LiaisonChannel', id: string, name: string }
      | { __typename: 'Officer', id: string, name: string }
      | { __typename: 'Operation', id: string, name: string }
      | { __typename: 'Organization', id: string, name: string }
      | { __typename: 'Service', id: string, name: string }
     }> };

export type ExplorerReachQueryVariables = Exact<{
  agent: string;
  direction: ReachDirection;
  maxHops: number;
  during?: WindowInput | null | undefined;
  disciplines?: Array<Discipline> | Discipline | null | undefined;
  minConfidence: Confidence;
  thirdPartyRule: ThirdPartyRule;
  certainty: Certainty;
  structure: StructureRule;
  graphml?: boolean;
}>;


export type ExplorerReachQuery = { penetrationReach: { agent: { id: string, name: string }, window: { from: string | null, to: string | null } | null, windows: Array<{ from: string | null, to: string | null }>, possibleWindows: Array<{ from: string | null, to: string | null }> | null, channels: Array<{ hops: number, exposure: number, certainty: Certainty, earliest: string | null, channel: { id: string, name: string }, path: { nodes: Array<
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } }, windows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }>, possibleWindows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }> | null }>, services: Array<{ hops: number, exposure: number, certainty: Certainty, earliest: string | null, service: { id: string, name: string, acronym: string | null }, path: { nodes: Array<
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } }, windows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }>, possibleWindows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }> | null }>, operations: Array<{ hops: number, exposure: number, certainty: Certainty, earliest: string | null, operation: { id: string, name: string }, path: { nodes: Array<
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } }, windows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }>, possibleWindows: Array<{ hops: number, exposure: number, window: { from: string | null, to: string | null }, path: { nodes: Array<
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }> | null }>, graph: { graphml?: string, nodes: Array<{ id: string, label: string, name: string, properties: unknown }>, edges: Array<{ id: string, source: string, target: string, kind: LinkType, properties: unknown }> } } };

export type ExplorerExposureQueryVariables = Exact<{
  target: string;
  direction: ReachDirection;
  maxHops: number;
  during?: WindowInput | null | undefined;
  disciplines?: Array<Discipline> | Discipline | null | undefined;
  minConfidence: Confidence;
  thirdPartyRule: ThirdPartyRule;
  certainty: Certainty;
  structure: StructureRule;
  graphml?: boolean;
}>;


export type ExplorerExposureQuery = { exposure: { count: number, share: number, agentsConsidered: number, target:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
    , agents: Array<{ hops: number, exposure: number, certainty: Certainty, agent: { id: string, name: string }, path: { nodes: Array<
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } } }>, graph: { graphml?: string, nodes: Array<{ id: string, label: string, name: string, properties: unknown }>, edges: Array<{ id: string, source: string, target: string, kind: LinkType, properties: unknown }> } } };

export type ExplorerPathsQueryVariables = Exact<{
  from: string;
  to: string;
  k: number;
  maxHops?: number | null | undefined;
  during?: WindowInput | null | undefined;
  kinds?: Array<LinkType> | LinkType | null | undefined;
  certainty: Certainty;
  possible: boolean;
  graphml?: boolean;
}>;


export type ExplorerPathsQuery = { paths: { paths: Array<{ nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string, type: LinkType, start: string, end: string }>, window: { from: string | null, to: string | null } }>, graph: { graphml?: string, nodes: Array<{ id: string, label: string, name: string, properties: unknown }>, edges: Array<{ id: string, source: string, target: string, kind: LinkType, properties: unknown }> } }, certain?: { paths: Array<{ nodes: Array<
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, links: Array<{ id: string }>, window: { from: string | null, to: string | null } }> } };

export type ExplorerEntityQueryVariables = Exact<{
  id: string;
}>;


export type ExplorerEntityQuery = { node:
    | { __typename: 'Country', code: string, from: string | null, to: string | null, attested: string | null, id: string, name: string, aliases: Array<string>, notes: string | null, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'LiaisonChannel', scope: ChannelScope, form: ChannelForm | null, structure: ChannelStructure | null, disciplines: Array<Discipline>, sharing: SharingLevel | null, thirdPartyRule: boolean | null, from: string | null, to: string | null, attested: string | null, id: string, name: string, aliases: Array<string>, notes: string | null, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Officer', born: string | null, died: string | null, id: string, name: string, aliases: Array<string>, notes: string | null, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Operation', codename: string | null, summary: string | null, outcome: string | null, from: string | null, to: string | null, attested: string | null, id: string, name: string, aliases: Array<string>, notes: string | null, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Organization', from: string | null, to: string | null, attested: string | null, id: string, name: string, aliases: Array<string>, notes: string | null, classification: Classification, releasableTo: Array<string>, organizationKind: OrganizationKind, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Service', acronym: string | null, from: string | null, to: string | null, attested: string | null, id: string, name: string, aliases: Array<string>, notes: string | null, classification: Classification, releasableTo: Array<string>, serviceKind: ServiceKind, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
   | null };

export type ExplorerLinkQueryVariables = Exact<{
  id: string;
}>;


export type ExplorerLinkQuery = { link:
    | { __typename: 'ChannelParty', from: string | null, to: string | null, attested: string | null, id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, partyRole: PartyRole | null, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Composition', from: string | null, to: string | null, attested: string | null, id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Conduct', id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, conductRole: ConductRole | null, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Employment', post: string | null, from: string | null, to: string | null, attested: string | null, id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, serviceRole: ServiceRole | null, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'OperationChannel', id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Participation', id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, participationRole: string | null, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Penetration', kind: PenetrationKind, confidence: Confidence, from: string | null, to: string | null, attested: string | null, id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Posting', post: string | null, from: string | null, to: string | null, attested: string | null, id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Succession', from: string | null, id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
    | { __typename: 'Targeting', id: string, type: LinkType, classification: Classification, releasableTo: Array<string>, sources: Array<{ lines: Array<number> | null, quote: string | null, section: string | null, source: { id: string, title: string, author: string | null, date: string | null, publisher: string | null, url: string | null, file: string | null } }> }
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ExplorerGraphFragmentDoc = new TypedDocumentString(`
    fragment ExplorerGraph on Graph {
  nodes {
    id
    label
    name
    properties
  }
  edges {
    id
    source
    target
    kind
    properties
  }
}
    `, {"fragmentName":"ExplorerGraph"}) as unknown as TypedDocumentString<ExplorerGraphFragment, unknown>;
export const ExplorerCitationFragmentDoc = new TypedDocumentString(`
    fragment ExplorerCitation on Citation {
  source {
    id
    title
    author
    date
    publisher
    url
    file
  }
  lines
  quote
  section
}
    `, {"fragmentName":"ExplorerCitation"}) as unknown as TypedDocumentString<ExplorerCitationFragment, unknown>;
export const ExplorerPathFragmentDoc = new TypedDocumentString(`
    fragment ExplorerPath on ExplainingPath {
  nodes {
    id
  }
  links {
    id
    type
    start
    end
  }
  window {
    from
    to
  }
}
    `, {"fragmentName":"ExplorerPath"}) as unknown as TypedDocumentString<ExplorerPathFragment, unknown>;
export const ExplorerReachWindowFragmentDoc = new TypedDocumentString(`
    fragment ExplorerReachWindow on ReachWindow {
  window {
    from
    to
  }
  hops
  exposure
  path {
    ...ExplorerPath
  }
}
    fragment ExplorerPath on ExplainingPath {
  nodes {
    id
  }
  links {
    id
    type
    start
    end
  }
  window {
    from
    to
  }
}`, {"fragmentName":"ExplorerReachWindow"}) as unknown as TypedDocumentString<ExplorerReachWindowFragment, unknown>;
export const ExplorerReachedFragmentDoc = new TypedDocumentString(`
    fragment ExplorerReached on ReachedElement {
  hops
  exposure
  certainty
  earliest
  path {
    ...ExplorerPath
  }
  windows {
    ...ExplorerReachWindow
  }
  possibleWindows {
    ...ExplorerReachWindow
  }
}
    fragment ExplorerPath on ExplainingPath {
  nodes {
    id
  }
  links {
    id
    type
    start
    end
  }
  window {
    from
    to
  }
}
fragment ExplorerReachWindow on ReachWindow {
  window {
    from
    to
  }
  hops
  exposure
  path {
    ...ExplorerPath
  }
}`, {"fragmentName":"ExplorerReached"}) as unknown as TypedDocumentString<ExplorerReachedFragment, unknown>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($text: String!) {
  search(text: $text, first: 15) {
    score
    entity {
      __typename
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerReachDocument = new TypedDocumentString(`
    query ExplorerReach($agent: ID!, $direction: ReachDirection!, $maxHops: Int!, $during: WindowInput, $disciplines: [Discipline!], $minConfidence: Confidence!, $thirdPartyRule: ThirdPartyRule!, $certainty: Certainty!, $structure: StructureRule!, $graphml: Boolean! = false) {
  penetrationReach(
    agent: $agent
    direction: $direction
    maxHops: $maxHops
    during: $during
    disciplines: $disciplines
    minConfidence: $minConfidence
    thirdPartyRule: $thirdPartyRule
    certainty: $certainty
    structure: $structure
  ) {
    agent {
      id
      name
    }
    window {
      from
      to
    }
    windows {
      from
      to
    }
    possibleWindows {
      from
      to
    }
    channels {
      channel {
        id
        name
      }
      ...ExplorerReached
    }
    services {
      service {
        id
        name
        acronym
      }
      ...ExplorerReached
    }
    operations {
      operation {
        id
        name
      }
      ...ExplorerReached
    }
    graph {
      ...ExplorerGraph
      graphml @include(if: $graphml)
    }
  }
}
    fragment ExplorerGraph on Graph {
  nodes {
    id
    label
    name
    properties
  }
  edges {
    id
    source
    target
    kind
    properties
  }
}
fragment ExplorerPath on ExplainingPath {
  nodes {
    id
  }
  links {
    id
    type
    start
    end
  }
  window {
    from
    to
  }
}
fragment ExplorerReachWindow on ReachWindow {
  window {
    from
    to
  }
  hops
  exposure
  path {
    ...ExplorerPath
  }
}
fragment ExplorerReached on ReachedElement {
  hops
  exposure
  certainty
  earliest
  path {
    ...ExplorerPath
  }
  windows {
    ...ExplorerReachWindow
  }
  possibleWindows {
    ...ExplorerReachWindow
  }
}`) as unknown as TypedDocumentString<ExplorerReachQuery, ExplorerReachQueryVariables>;
export const ExplorerExposureDocument = new TypedDocumentString(`
    query ExplorerExposure($target: ID!, $direction: ReachDirection!, $maxHops: Int!, $during: WindowInput, $disciplines: [Discipline!], $minConfidence: Confidence!, $thirdPartyRule: ThirdPartyRule!, $certainty: Certainty!, $structure: StructureRule!, $graphml: Boolean! = false) {
  exposure(
    target: $target
    direction: $direction
    maxHops: $maxHops
    during: $during
    disciplines: $disciplines
    minConfidence: $minConfidence
    thirdPartyRule: $thirdPartyRule
    certainty: $certainty
    structure: $structure
  ) {
    target {
      id
      name
    }
    count
    share
    agentsConsidered
    agents {
      agent {
        id
        name
      }
      hops
      exposure
      certainty
      path {
        ...ExplorerPath
      }
    }
    graph {
      ...ExplorerGraph
      graphml @include(if: $graphml)
    }
  }
}
    fragment ExplorerGraph on Graph {
  nodes {
    id
    label
    name
    properties
  }
  edges {
    id
    source
    target
    kind
    properties
  }
}
fragment ExplorerPath on ExplainingPath {
  nodes {
    id
  }
  links {
    id
    type
    start
    end
  }
  window {
    from
    to
  }
}`) as unknown as TypedDocumentString<ExplorerExposureQuery, ExplorerExposureQueryVariables>;
export const ExplorerPathsDocument = new TypedDocumentString(`
    query ExplorerPaths($from: ID!, $to: ID!, $k: Int!, $maxHops: Int, $during: WindowInput, $kinds: [LinkType!], $certainty: Certainty!, $possible: Boolean!, $graphml: Boolean! = false) {
  paths(
    from: $from
    to: $to
    k: $k
    maxHops: $maxHops
    during: $during
    kinds: $kinds
    certainty: $certainty
  ) {
    paths {
      ...ExplorerPath
    }
    graph {
      ...ExplorerGraph
      graphml @include(if: $graphml)
    }
  }
  certain: paths(
    from: $from
    to: $to
    k: 10
    maxHops: $maxHops
    during: $during
    kinds: $kinds
    certainty: CERTAIN
  ) @include(if: $possible) {
    paths {
      nodes {
        id
      }
      links {
        id
      }
      window {
        from
        to
      }
    }
  }
}
    fragment ExplorerGraph on Graph {
  nodes {
    id
    label
    name
    properties
  }
  edges {
    id
    source
    target
    kind
    properties
  }
}
fragment ExplorerPath on ExplainingPath {
  nodes {
    id
  }
  links {
    id
    type
    start
    end
  }
  window {
    from
    to
  }
}`) as unknown as TypedDocumentString<ExplorerPathsQuery, ExplorerPathsQueryVariables>;
export const ExplorerEntityDocument = new TypedDocumentString(`
    query ExplorerEntity($id: ID!) {
  node(id: $id) {
    __typename
    id
    name
    aliases
    notes
    classification
    releasableTo
    sources {
      ...ExplorerCitation
    }
    ... on Country {
      code
      from
      to
      attested
    }
    ... on Service {
      acronym
      serviceKind: kind
      from
      to
      attested
    }
    ... on Organization {
      organizationKind: kind
      from
      to
      attested
    }
    ... on Officer {
      born
      died
    }
    ... on LiaisonChannel {
      scope
      form
      structure
      disciplines
      sharing
      thirdPartyRule
      from
      to
      attested
    }
    ... on Operation {
      codename
      summary
      outcome
      from
      to
      attested
    }
  }
}
    fragment ExplorerCitation on Citation {
  source {
    id
    title
    author
    date
    publisher
    url
    file
  }
  lines
  quote
  section
}`) as unknown as TypedDocumentString<ExplorerEntityQuery, ExplorerEntityQueryVariables>;
export const ExplorerLinkDocument = new TypedDocumentString(`
    query ExplorerLink($id: ID!) {
  link(id: $id) {
    __typename
    id
    type
    classification
    releasableTo
    sources {
      ...ExplorerCitation
    }
    ... on ChannelParty {
      partyRole: role
      from
      to
      attested
    }
    ... on Employment {
      serviceRole: role
      post
      from
      to
      attested
    }
    ... on Posting {
      post
      from
      to
      attested
    }
    ... on Conduct {
      conductRole: role
    }
    ... on Participation {
      participationRole: role
    }
    ... on Succession {
      from
    }
    ... on Composition {
      from
      to
      attested
    }
    ... on Penetration {
      kind
      confidence
      from
      to
      attested
    }
  }
}
    fragment ExplorerCitation on Citation {
  source {
    id
    title
    author
    date
    publisher
    url
    file
  }
  lines
  quote
  section
}`) as unknown as TypedDocumentString<ExplorerLinkQuery, ExplorerLinkQueryVariables>;