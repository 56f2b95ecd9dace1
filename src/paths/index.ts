export { computeReach, perHopSearch, ResultCapExceeded, SearchTimedOut } from './computeReach.js';
export { neo4jReachSource } from './neo4jReachSource.js';
export type {
  ReachOutcome,
  Reached,
  Path,
  PathLink,
  ReachParams,
  ReachSource,
  GraphSearch,
  Focus,
  ReachedWindow,
} from './reachTypes.js';
export { underReadings, combineReadings } from './certainty.js';
export { readingOf } from './reading.js';
export type { Reading } from './reachTypes.js';
export { openEnds, validity, type Interval } from '../model/index.js';

export type {
  WindowRecord,
  GraphRecord,
  PathsRecord,
  ExposedToRecord,
  ExposureRecord,
  BrokerRecord,
  TimelineEventRecord,
} from './records.js';
export { brokersOfAgents, exposureOfAgents, type Deadline } from './allAgents.js';
