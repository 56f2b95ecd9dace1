export { GraphProjection } from './graphProjection.js';
export { LiveProjection, LIVE_DEFAULTS, ProjectionUnavailable } from './liveProjection.js';
export type { LiveOptions } from './liveProjection.js';
export { projectedReachSource } from './projectedReachSource.js';
export { memoryEngine, memorySearch, neo4jEngine } from './pathEngine.js';
export type { EngineKind, PathEngine } from './pathEngine.js';
