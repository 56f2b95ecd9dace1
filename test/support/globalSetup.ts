import type { TestProject } from 'vitest/node';
import { startTestDatabase, type TestDatabaseInfo } from './testDatabase.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestDatabaseInfo;
  }
}

/** Starts the run's one database (see `startTestDatabase`) and stops it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startTestDatabase();
  process.stdout.write(
    `integration tests use Neo4j at ${database.info.uri} (via ${database.info.via})\n`,
  );
  project.provide('neo4j', database.info);
  return () => database.stop();
}
