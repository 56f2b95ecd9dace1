export { computeReach, ResultCapExceeded } from './computeReach.js';
export { neo4jReachSource } from './neo4jReachSource.js';
export type {
  ReachOutcome,
  Reached,
  Path,
  PathLink,
  ReachParams,
  ReachSource,
} from './reachTypes.js';
export { openEnds, validity, type Interval } from './interval.js';

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
