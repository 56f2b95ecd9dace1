export { searchEntities, type SearchHitRecord } from './searchEntities.js';
export { parseSearch, type SearchQuery, type SearchWord } from './searchQuery.js';
export { withSearchProps } from './searchProps.js';
export type { SearchField } from './searchFields.js';
export type { Highlight } from './snippet.js';
