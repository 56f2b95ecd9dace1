export { createContext } from './createContext.js';
export { DEFAULT_LIMITS } from './createContext.js';
export type { Context, Limits, Shared } from './createContext.js';
export {
  SEE_ALL,
  citedByDocuments,
  classificationsUpTo,
  visibilityFor,
  visibleTo,
} from '../visibility/index.js';
export type { Clearance, Visibility } from '../visibility/index.js';
