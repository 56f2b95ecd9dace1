export { createContext } from './createContext.js';
export { DEFAULT_LIMITS } from './createContext.js';
export type { Context, Limits } from './createContext.js';
export { SEE_ALL } from './visibility.js';
export type { Visibility } from './visibility.js';
