import { entitiesAfter, setSearchProps, str } from '../cypher/index.js';
import type { Executor } from '../neo4j/index.js';
import { SEARCHED_PROPERTIES, searchedProps } from './searchFields.js';
import { searchPropsOf } from './searchProps.js';

/** Entities read and written per transaction. */
const BATCH = 5_000;

/**
 * Stores the search properties of every entity (searchPropsOf), in id order, a batch per
 * transaction: migration 8, for stores written before search read them. Returns how many
 * entities it wrote.
 */
export async function storeSearchProps(executor: Executor): Promise<number> {
  let after: string | null = null;
  let stored = 0;
  for (;;) {
    const rows = await executor.read(entitiesAfter(after, SEARCHED_PROPERTIES, BATCH));
    const last = rows[rows.length - 1];
    if (last === undefined) return stored;
    await executor.write(
      setSearchProps(
        rows.map((row) => ({
          id: str(row['id'], 'id'),
          ...searchPropsOf(searchedProps(row['fields'])),
        })),
      ),
    );
    stored += rows.length;
    after = str(last['id'], 'id');
  }
}
