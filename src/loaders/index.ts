export { createLoaders } from './createLoaders.js';
export type { Loaders } from './createLoaders.js';
