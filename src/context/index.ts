export { createContext } from './createContext.js';
export type { Context } from './createContext.js';
