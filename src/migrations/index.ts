import type { Logger } from '../log/index.js';
import {
  applyMigrations as runMigrations,
  migrationsApplied as recorded,
  type Executor,
  type Migration,
} from '../neo4j/index.js';
import { MIGRATIONS } from './migrations.js';

export { MIGRATIONS };

/**
 * Applies the project's migrations the database has not recorded (src/neo4j/migrationRunner.ts
 * runs them), waits for their indexes, and returns the schema version.
 */
export const applyMigrations = (
  executor: Executor,
  log: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> => runMigrations(executor, log, migrations);

/** True when every migration of the project is recorded in the database. */
export const migrationsApplied = (
  executor: Executor,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<boolean> => recorded(executor, migrations);
