import { migrationsApplied } from '../migrations/index.js';
import type { Database } from '../neo4j/index.js';

/** The answer of `GET /health/ready`. */
export interface Readiness {
  readonly ready: boolean;
  readonly neo4j: 'reachable' | 'unreachable';
  readonly schema: 'applied' | 'pending' | 'unknown';
}

/** Ready means: Neo4j answers a query now, and every schema migration in code is recorded. */
export async function checkReadiness(database: Database): Promise<Readiness> {
  try {
    const applied = await migrationsApplied(database.executor);
    return { ready: applied, neo4j: 'reachable', schema: applied ? 'applied' : 'pending' };
  } catch {
    return { ready: false, neo4j: 'unreachable', schema: 'unknown' };
  }
}
