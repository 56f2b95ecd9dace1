import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL, type Neo4jGraphQLContext } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

/**
 * The comparison server of bench:nested, benchmark only: the Neo4j GraphQL Library serving
 * bench/neo4jGraphql/typeDefs.graphql (our labels, relationship types and directions) from
 * @apollo/server on 127.0.0.1:PORT, over NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE as for the API). Started as a child process by bench/benchNested.ts.
 */
async function main(): Promise<void> {
  const uri = process.env['NEO4J_URI'];
  if (!uri) throw new Error('NEO4J_URI is required');
  const database = process.env['NEO4J_DATABASE'] || undefined;
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env['NEO4J_USER'] ?? 'neo4j', process.env['NEO4J_PASSWORD'] ?? ''),
    // The same pool size as the API's driver (src/neo4j/openDatabase.ts).
    { maxConnectionPoolSize: 100, connectionAcquisitionTimeout: 30_000 },
  );
  const typeDefs = readFileSync(new URL('./typeDefs.graphql', import.meta.url), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer<Neo4jGraphQLContext>({ schema, stopOnTerminationSignals: false });
  await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: Number(process.env['PORT'] ?? 4101) },
    context: () => Promise.resolve(database ? { sessionConfig: { database } } : {}),
  });
  const stop = (): void => {
    void server
      .stop()
      .then(() => driver.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
