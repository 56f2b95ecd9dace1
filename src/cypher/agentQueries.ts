import type { Visibility } from '../visibility/index.js';
import type { CypherQuery } from '../neo4j/index.js';

/** Ids of every visible officer with a visible AGENT_OF link, in id order. */
export function agentIds(v: Visibility): CypherQuery {
  return {
    cypher: `MATCH (a:Officer)-[r:AGENT_OF]->(h) WHERE ${v.node('a')} AND ${v.rel('r')} AND ${v.node('h')} RETURN DISTINCT a.id AS id ORDER BY id`,
    params: { ...v.params },
  };
}
