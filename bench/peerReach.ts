import { int } from 'neo4j-driver';
import type { CypherQuery } from '../src/neo4j/index.js';

/**
 * The peer of bench:reach: the same question as one Cypher query, the way a Neo4j user writes
 * it (a variable-length pattern with time predicates on every relationship): the services and
 * channels reachable from the agent's services within `maxHops` channels along PARTY_TO (and
 * PART_OF), with a window common to the path's relationships and the agent's penetration,
 * reported at their fewest channels. No explanation, windows, scores or rules beyond time:
 * strictly less than the engine answers, so a fair lower bound of what the peer would cost.
 */
export function peerReach(
  agent: string,
  maxHops: number,
  reading: 'CERTAIN' | 'POSSIBLE' = 'CERTAIN',
): CypherQuery {
  // Under the certain reading a relationship counts only with an inner span (docs/path-semantics.md).
  const [from, to] = reading === 'CERTAIN' ? ['innerFrom', 'innerTo'] : ['validFrom', 'validTo'];
  const certain = reading === 'CERTAIN' ? 'AND all(r IN rels WHERE r.innerFrom IS NOT NULL) ' : '';
  return {
    cypher:
      'MATCH (a:Officer {id: $agent})-[pen:AGENT_OF]->(), (a)-[serve:SERVES]->(first:Service) ' +
      `MATCH p = (first)-[:PARTY_TO|PART_OF*0..${2 * maxHops}]-(x) ` +
      'WITH x, [pen, serve] + relationships(p) AS rels, ' +
      "(size([r IN relationships(p) WHERE type(r) = 'PARTY_TO']) + 1) / 2 AS hops " +
      `WITH x, rels, hops, reduce(f = '0000-01-01', r IN rels | CASE WHEN coalesce(r.${from}, '0000-01-01') > f THEN r.${from} ELSE f END) AS since, ` +
      `reduce(t = '9999-12-31', r IN rels | CASE WHEN coalesce(r.${to}, '9999-12-31') < t THEN r.${to} ELSE t END) AS until ` +
      `WHERE since <= until AND hops <= $maxHops ${certain}` +
      'RETURN x.id AS id, min(hops) AS hops',
    params: { agent, maxHops: int(maxHops) },
  };
}
