import type { Reading } from './reachTypes.js';
import type { CitationRecord } from '../cypher/index.js';
import type { Path } from './reachTypes.js';

/** A window as answered: null ends are unknown starts or open ends. */
export interface WindowRecord {
  readonly from: string | null;
  readonly to: string | null;
}

/** A drawable graph. */
export interface GraphRecord {
  readonly nodes: readonly {
    id: string;
    label: string;
    name: string;
    properties: Readonly<Record<string, unknown>>;
  }[];
  readonly edges: readonly {
    id: string;
    source: string;
    target: string;
    kind: string;
    properties: Readonly<Record<string, unknown>>;
  }[];
}

/** One agent reaching an exposure target. */
export interface ExposedToRecord {
  readonly agent: string;
  readonly hops: number;
  readonly exposure: number;
  readonly path: Path;
  /** CERTAIN when the agent certainly reaches the target, else POSSIBLE. */
  readonly certainty: Reading;
}

/** The answer of `exposure`. */
export interface ExposureRecord {
  readonly target: string;
  readonly agents: readonly ExposedToRecord[];
  readonly agentsConsidered: number;
}

/** A choke point. */
export interface BrokerRecord {
  readonly id: string;
  readonly agentIds: readonly string[];
}

/** A dated event of an entity. */
export interface TimelineEventRecord {
  readonly date: string;
  readonly kind: string;
  readonly description: string;
  readonly other: string | null;
  readonly sourceId: string;
  readonly sources: readonly CitationRecord[];
}

/** The answer of `paths`. */
export interface PathsRecord {
  readonly paths: readonly Path[];
}
