import { int } from 'neo4j-driver';
import type { CypherQuery, Plain } from '../neo4j/index.js';
import { mapOf, optStr, str } from './fields.js';

/** A `Service` node as resolvers see it. */
export interface ServiceRecord {
  readonly id: string;
  readonly name: string;
  readonly acronym: string | null;
  readonly kind: string | null;
}

const SERVICE_PROJECTION = 's { .id, .name, .acronym, .kind }';

/** Services with the given ids, one row each that exists (batched lookups). */
export function servicesByIds(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id MATCH (s:Service {id: id}) RETURN ${SERVICE_PROJECTION} AS service`,
    params: { ids },
  };
}

/** The first `first` services ordered by id. */
export function listServices(first: number): CypherQuery {
  return {
    cypher: `MATCH (s:Service) RETURN ${SERVICE_PROJECTION} AS service ORDER BY s.id LIMIT $first`,
    params: { first: int(first) },
  };
}

/** Reads the `service` column of a row built by the functions above. */
export function toServiceRecord(value: Plain | undefined): ServiceRecord {
  const s = mapOf(value, 'service');
  return {
    id: str(s['id'], 'service.id'),
    name: str(s['name'], 'service.name'),
    acronym: optStr(s['acronym']),
    kind: optStr(s['kind']),
  };
}
