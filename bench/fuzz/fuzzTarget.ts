import { buildSchema, type GraphQLSchema } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/index.js';
import type { Database } from '../../src/neo4j/index.js';
import type { KnownIds } from './hostileValues.js';

/** The API's schema, built from `schema/*.graphql` as the server builds it. */
export function fuzzSchema(): GraphQLSchema {
  return buildSchema(loadTypeDefs().join('\n'));
}

/** A sample of the ids in the graph (entities, links, sources), for requests that hit. */
export async function knownIds(database: Database, limit = 200): Promise<KnownIds> {
  const ids = async (cypher: string) =>
    (await database.executor.read({ cypher, params: { limit } })).map((row) => row['id'] as string);
  const entities = await ids(
    'MATCH (n) WHERE n.id IS NOT NULL AND NOT n:Source AND NOT n:AuditEntry AND NOT n:ApiKey RETURN n.id AS id ORDER BY id LIMIT toInteger($limit)',
  );
  const links = await ids(
    'MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id ORDER BY id LIMIT toInteger($limit)',
  );
  const sources = await ids(
    'MATCH (s:Source) RETURN s.id AS id ORDER BY id LIMIT toInteger($limit)',
  );
  // Never empty: fast-check cannot pick from an empty list.
  return {
    entities: entities.length > 0 ? entities : ['kim-philby'],
    links: links.length > 0 ? links : ['kim-philby/POSTED_TO/sis-cia'],
    sources: sources.length > 0 ? sources : ['belfer-2009'],
  };
}
