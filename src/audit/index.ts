export { auditorFor, markingOf, AUDIT_MAX_IDS, RELEASABLE_TO_NONE } from './auditor.js';
export type { Actor, Auditor, Touched } from './auditor.js';
