export { planGraph, type GraphPlan } from './planGraph.js';
export { writeGraph, type GraphCounts, type ImportSummary } from './writeGraph.js';
export { ImportError, formatProblem, type ImportProblem } from './importProblem.js';
export { SECTION_NAMES, type Section } from './graphDocument.js';
export { readGraphFiles, HISTORICAL_DIR } from './readGraphFiles.js';
export { loadDataset, graphIsEmpty } from './loadHistorical.js';
export {
  createEntity,
  updateEntity,
  deleteEntity,
  createLink,
  updateLink,
  deleteLink,
  importDocument,
  ENTITY_SECTIONS,
  type EntitySection,
} from './mutateGraph.js';
export type { Behalf } from './mutateGraph.js';
export { bulkLoad, planChunks, type BulkProgress, type DocumentChunk } from './bulkLoad.js';
