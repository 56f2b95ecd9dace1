import { availableParallelism } from 'node:os';
import type { Executor, Migration } from '../neo4j/index.js';

const CREATE = /^CREATE (?:[A-Z]+ )?(?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS\b/;
const DROP = /^DROP (?:INDEX|CONSTRAINT) (\w+) IF EXISTS$/;

/**
 * What the schema statements of `migrations` leave, run in order on an empty store: the
 * indexes and constraints that exist at the end, each created by the last statement that
 * created it, and the other statements in order. An imported store needs only these: an index
 * a later migration drops again (the link id indexes of migration 2 that migration 6 turns
 * into constraints, the full-text indexes migrations 5 and 8 replace) would be built over the
 * whole graph for nothing. Data statements (`batched`, `computed`) are left out: the importer
 * writes the data as this code does.
 */
export function netSchema(migrations: readonly Migration[]): {
  readonly creates: readonly string[];
  readonly others: readonly string[];
} {
  const creates = new Map<string, string>();
  const others: string[] = [];
  for (const migration of migrations)
    for (const statement of migration.statements) {
      if (typeof statement !== 'string') continue;
      const created = CREATE.exec(statement);
      const dropped = DROP.exec(statement);
      if (created) {
        creates.delete(created[1] ?? '');
        creates.set(created[1] ?? '', statement);
      } else if (dropped) creates.delete(dropped[1] ?? '');
      else others.push(statement);
    }
  return { creates: [...creates.values()], others };
}

/**
 * Creates `netSchema(migrations)` on an imported store: the indexes and constraints a few at
 * a time (each populates over the whole graph, one core each; on M two at a time took 6.7 s
 * where one at a time took 13.4 s), then the other statements in order. It records no
 * migration: the caller's migration runner does, with nothing left to run.
 */
export async function createSchema(
  executor: Executor,
  migrations: readonly Migration[],
  parallel = availableParallelism(),
): Promise<void> {
  const { creates, others } = netSchema(migrations);
  const queue = [...creates];
  await Promise.all(
    Array.from({ length: Math.max(1, parallel) }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift())
        await executor.write({ cypher: next, params: {} });
    }),
  );
  for (const statement of others) await executor.write({ cypher: statement, params: {} });
}
