export {
  SEE_ALL,
  citedByDocuments,
  classificationsUpTo,
  visibilityFor,
  visibleTo,
} from './visibility.js';
export type { Clearance, Marking, Visibility } from './visibility.js';
