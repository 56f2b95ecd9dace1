import DataLoader from 'dataloader';
import { servicesByIds, toServiceRecord, type ServiceRecord } from '../cypher/index.js';
import type { Executor } from '../neo4j/index.js';

/** The per-request DataLoaders; each batch is one `UNWIND $keys` query. */
export interface Loaders {
  readonly serviceById: DataLoader<string, ServiceRecord | null>;
}

/** Creates fresh loaders for one request, so no cached row outlives it. */
export function createLoaders(executor: Executor): Loaders {
  return {
    serviceById: new DataLoader(async (ids) => {
      const rows = await executor.read(servicesByIds(ids));
      const byId = new Map(
        rows.map((row) => toServiceRecord(row['service'])).map((s) => [s.id, s]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
