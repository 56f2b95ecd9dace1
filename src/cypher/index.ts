export * from './records.js';
export * from './window.js';
export { documentSourceIds, entitiesByIds, sourcesByIds, labelOf } from './entities.js';
export { listAuditEntries, writeAuditEntry } from './auditQueries.js';
export type { AuditFilter, AuditRecord } from './auditQueries.js';
export { linksOf, type LinkFieldSpec, type LinkProjection } from './links.js';
export {
  listEntities,
  countEntities,
  listPenetrations,
  countPenetrations,
  type EntityListFilter,
  type PenetrationListFilter,
  type Keyset,
  type SortField,
  type SortDirection,
} from './connections.js';
export { searchCandidates, entitiesAfter, setSearchProps } from './search.js';
export * from './importQueries.js';
export { lockEntities, lockLinks, lockExplicitLinkIds } from './writeLocks.js';
export { str, optStr, mapOf, listOf } from './fields.js';
export {
  entityWithCountry,
  deleteOfLinks,
  deleteEntity,
  linkById,
  linkRecordOf,
  setLinkProps,
  deleteLinkById,
} from './mutationQueries.js';
export {
  reachFootholds,
  reachMembershipsOfServices,
  reachChannels,
  reachOperations,
  reachStructureOf,
  validityOf,
} from './reachQueries.js';
export { agentIds } from './agentQueries.js';
export { neighborhoodLinks, entityLinks } from './neighborhoodQueries.js';
export { shortestPaths } from './pathQueries.js';
