import { ConfigError, loadConfig } from '../config/index.js';
import { createLogger } from '../log/index.js';
import { startLocalNeo4j, StartupError } from '../neo4j/index.js';

/**
 * `npm run neo4j`: runs the local Neo4j in the foreground (for notebooks, benchmarks or a second
 * API process pointed at it with NEO4J_URI) until SIGINT or SIGTERM, with the same settings
 * `npm start` would use.
 */
async function main(): Promise<void> {
  try {
    const config = loadConfig();
    if (config.database.kind !== 'local') {
      throw new StartupError(
        'NEO4J_URI is set, so there is no local Neo4j to run',
        'unset NEO4J_URI',
      );
    }
    const log = createLogger(config.logLevel);
    const neo4j = await startLocalNeo4j(config.database, log);
    if (!neo4j.startedHere) return;
    process.stdout.write(`Neo4j serves ${neo4j.uri}; Ctrl-C stops it.\n`);
    const stop = (): void => {
      void neo4j.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems)
        process.stderr.write(`neo4j: configuration: ${problem}\n`);
      process.exit(2);
    }
    if (error instanceof StartupError) {
      process.stderr.write(`neo4j: cannot start: ${error.line()}\n`);
      process.exit(2);
    }
    throw error;
  }
}

void main();
