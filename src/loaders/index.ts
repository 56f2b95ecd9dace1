export { createLoaders } from './createLoaders.js';
export type { Loaders, LinkRow } from './createLoaders.js';
