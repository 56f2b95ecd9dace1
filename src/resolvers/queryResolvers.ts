import { listServices, toServiceRecord } from '../cypher/index.js';
import { badInput } from '../errors/index.js';
import type { QueryResolvers } from '../generated/resolvers.js';

const MAX_PAGE = 500;

/** Root query fields. */
export const queryResolvers: QueryResolvers = {
  service: (_parent, { id }, { loaders }) => loaders.serviceById.load(id),
  services: async (_parent, { first }, { executor }) => {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput(`'first' must be from 1 to ${MAX_PAGE}; got ${first}.`, {
        argument: 'first',
        min: 1,
        max: MAX_PAGE,
      });
    }
    const rows = await executor.read(listServices(first));
    return rows.map((row) => toServiceRecord(row['service']));
  },
};
