import { createServer } from 'node:net';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j/index.js';
import { testLog } from '../support/connect.js';

/** A loopback port nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts (or starts again) a fault test's own local Neo4j, on its port and store. */
export const startSpareNeo4j = (port: number, dataDir: string): Promise<LocalNeo4j> =>
  startLocalNeo4j(
    {
      port,
      dataDir,
      heap: '512m',
      pageCache: '256m',
      javaHome: process.env['JAVA_HOME'] || undefined,
    },
    testLog,
  );
