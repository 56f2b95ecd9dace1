import type { Logger } from '../log/index.js';
import type { CypherQuery, Executor } from './executor.js';

/**
 * One versioned schema change; every statement must be idempotent (`IF NOT EXISTS`). A statement
 * given as `{ batched }` changes data in batches of its own (`CALL { … } IN TRANSACTIONS`), so it
 * runs in an auto-commit transaction; one given as `{ computed }` writes values Cypher cannot
 * compute, with transactions of its own.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly (
    | string
    | { readonly batched: string }
    | { readonly computed: (executor: Executor) => Promise<unknown> }
  )[];
}

const appliedVersions: CypherQuery = {
  cypher: 'MATCH (m:SchemaMigration) RETURN m.version AS version',
  params: {},
};

/**
 * Applies the migrations the database has not recorded, waits for their indexes to come
 * online, and returns the schema version. Running it again is harmless.
 */
export async function applyMigrations(
  executor: Executor,
  log: Logger,
  migrations: readonly Migration[],
): Promise<number> {
  const applied = new Set(
    (await executor.read(appliedVersions)).map((row) => Number(row['version'])),
  );
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements) {
      if (typeof statement === 'string') await executor.write({ cypher: statement, params: {} });
      else if ('batched' in statement)
        await executor.autoCommit({ cypher: statement.batched, params: {} });
      else await statement.computed(executor);
    }
    await executor.write({
      cypher:
        'MERGE (m:SchemaMigration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime()',
      params: { version: migration.version, name: migration.name },
    });
    log.info('schema migration applied', { version: migration.version, name: migration.name });
  }
  await executor.read({ cypher: 'CALL db.awaitIndexes($seconds)', params: { seconds: 300 } });
  return Math.max(0, ...migrations.map((m) => m.version));
}

/** True when every migration in code is recorded in the database. */
export async function migrationsApplied(
  executor: Executor,
  migrations: readonly Migration[],
): Promise<boolean> {
  const applied = new Set(
    (await executor.read(appliedVersions)).map((row) => Number(row['version'])),
  );
  return migrations.every((m) => applied.has(m.version));
}
