export {
  SEE_ALL,
  citedByDocuments,
  classificationsUpTo,
  visibilityFor,
  visibleTo,
} from './visibility.js';
export type { Clearance, Visibility } from './visibility.js';
