import type { Resolvers } from '../generated/resolvers.js';
import { queryResolvers } from './queryResolvers.js';

/** Every resolver, keyed by type. Fields not listed here resolve by property name. */
export const resolvers: Resolvers = {
  Query: queryResolvers,
};
