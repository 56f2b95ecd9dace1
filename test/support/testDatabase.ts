import { getContainerRuntimeClient } from 'testcontainers';
import { Neo4jContainer } from '@testcontainers/neo4j';
import path from 'node:path';
import { createLogger } from '../../src/log/index.js';
import { startLocalNeo4j } from '../../src/neo4j/index.js';

/** How tests reach Neo4j; serialisable so the global setup can hand it to test files. */
export interface TestDatabaseInfo {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string | undefined;
  /** Which of the three ways was taken, for the run's log. */
  readonly via: 'NEO4J_URI' | 'testcontainers' | 'local';
}

export interface TestDatabase {
  readonly info: TestDatabaseInfo;
  stop(): Promise<void>;
}

/**
 * The three ways to a database, in order: `NEO4J_URI` (any running Neo4j; its data is wiped by
 * the tests, so never point it at one you care about), a `neo4j:5.26` container when a container
 * runtime answers, else the project's own local Neo4j on a test port and store of its own.
 * `TEST_DATABASE=local` or `=container` forces one of the last two.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const env = process.env;
  const log = createLogger(env['TEST_LOG_LEVEL'] === 'debug' ? 'debug' : 'warn');
  if (env['NEO4J_URI']) {
    return {
      info: {
        uri: env['NEO4J_URI'],
        user: env['NEO4J_USER'] ?? 'neo4j',
        password: env['NEO4J_PASSWORD'] ?? '',
        database: env['NEO4J_DATABASE'] || undefined,
        via: 'NEO4J_URI',
      },
      stop: () => Promise.resolve(),
    };
  }
  const mode = env['TEST_DATABASE'] ?? 'auto';
  if (mode === 'container' || (mode === 'auto' && (await containerRuntimeAnswers()))) {
    const container = await new Neo4jContainer('neo4j:5.26')
      .withPassword('liaison-graph-test')
      .start();
    return {
      info: {
        uri: container.getBoltUri(),
        user: container.getUsername(),
        password: container.getPassword(),
        database: 'neo4j',
        via: 'testcontainers',
      },
      stop: async () => {
        await container.stop();
      },
    };
  }
  const local = await startLocalNeo4j(
    {
      port: Number(env['TEST_NEO4J_PORT'] ?? 7688),
      dataDir: path.resolve(env['TEST_NEO4J_DATA'] ?? '.neo4j/test'),
      heap: '1g',
      pageCache: '512m',
      javaHome: env['JAVA_HOME'] || undefined,
    },
    log,
  );
  return {
    info: { uri: local.uri, user: 'neo4j', password: '', database: 'neo4j', via: 'local' },
    stop: () => local.stop(),
  };
}

async function containerRuntimeAnswers(): Promise<boolean> {
  try {
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) =>
        setTimeout(() => {
          reject(new Error('timeout'));
        }, 10_000),
      ),
    ]);
    return true;
  } catch {
    return false;
  }
}
