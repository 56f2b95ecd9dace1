import type { Visibility } from '../visibility/index.js';
import type { CypherQuery } from '../neo4j/index.js';

/** The outer and inner span of `x` as four values (docs/path-semantics.md, "Time"). */
const SPANS = (x: string) => `${x}.validFrom, ${x}.validTo, ${x}.innerFrom, ${x}.innerTo`;
/** The same as map entries `from`, `to`, `innerFrom`, `innerTo` (prefixed). */
const spanEntries = (x: string, prefix = '') =>
  `${prefix}from: ${x}.validFrom, ${prefix}to: ${x}.validTo, ${prefix}innerFrom: ${x}.innerFrom, ${prefix}innerTo: ${x}.innerTo`;

/** A channel's visible parties, each as [link, service, link spans (4), service spans (4)]. */
const PARTIES = (v: Visibility) =>
  `CALL (c) { MATCH (c)<-[q:PARTY_TO]-(t:Service) WHERE ${v.rel('q')} AND ${v.node('t')} ` +
  `RETURN collect([q.id, t.id, ${SPANS('q')}, ${SPANS('t')}]) AS parties }`;
const CHANNEL =
  'c.id AS id, c.validFrom AS validFrom, c.validTo AS validTo, c.innerFrom AS innerFrom, c.innerTo AS innerTo, ' +
  'c.sharing AS sharing, c.thirdPartyRule AS thirdPartyRule, c.disciplines AS disciplines';

/** The agents' penetrations, services served, postings and operations taken part in (a row per agent found). */
export function reachFootholds(agents: readonly string[], v: Visibility): CypherQuery {
  return {
    cypher:
      `UNWIND $agents AS agent MATCH (a:Officer {id: agent}) WHERE ${v.node('a')} ` +
      `CALL (a) { MATCH (a)-[r:AGENT_OF]->(h) WHERE (h:Service OR h:Organization) AND ${v.rel('r')} AND ${v.node('h')} ` +
      `RETURN collect({link: r.id, hostile: h.id, confidence: r.confidence, ${spanEntries('r')}}) AS penetrations } ` +
      `CALL (a) { MATCH (a)-[r:SERVES]->(s:Service) WHERE ${v.rel('r')} AND ${v.node('s')} ` +
      `RETURN collect({link: r.id, service: s.id, ${spanEntries('r')}, ${spanEntries('s', 's_')}}) AS serves } ` +
      `CALL (a) { MATCH (a)-[r:POSTED_TO]->(c:LiaisonChannel) WHERE ${v.rel('r')} AND ${v.node('c')} ` +
      `RETURN collect({link: r.id, channel: c.id, ${spanEntries('r')}}) AS postings } ` +
      `CALL (a) { MATCH (a)-[r:TOOK_PART]->(o:Operation) WHERE ${v.rel('r')} AND ${v.node('o')} ` +
      `RETURN collect({link: r.id, operation: o.id, ${spanEntries('r')}, ${spanEntries('o', 'o_')}}) AS operations } ` +
      'RETURN a.id AS agent, penetrations, serves, postings, operations',
    params: { agents, ...v.params },
  };
}

/** Channels by id with their visible parties (the agent's postings). */
export function reachChannels(ids: readonly string[], v: Visibility): CypherQuery {
  return {
    cypher: `UNWIND $ids AS cid MATCH (c:LiaisonChannel {id: cid}) WHERE ${v.node('c')} ${PARTIES(v)} RETURN ${CHANNEL}, parties`,
    params: { ids, ...v.params },
  };
}

/** Operations conducted by the services or run through the channels. */
export function reachOperations(
  services: readonly string[],
  channels: readonly string[],
  v: Visibility,
): CypherQuery {
  return {
    cypher:
      'CALL () { ' +
      `UNWIND $services AS sid MATCH (s:Service {id: sid})-[r:CONDUCTED]->(o:Operation) WHERE ${v.rel('r')} AND ${v.node('o')} ` +
      "RETURN sid AS via, r.id AS link, 'CONDUCTED' AS type, o.id AS operation, r AS l, o " +
      'UNION ALL ' +
      `UNWIND $channels AS cid MATCH (o:Operation)-[r:THROUGH]->(c:LiaisonChannel {id: cid}) WHERE ${v.rel('r')} AND ${v.node('o')} ` +
      "RETURN cid AS via, r.id AS link, 'THROUGH' AS type, o.id AS operation, r AS l, o " +
      `} RETURN via, link, type, operation, {${spanEntries('l')}} AS spans, {${spanEntries('o')}} AS operationSpans`,
    params: { services, channels, ...v.params },
  };
}

/**
 * For each service, the ids of the visible channels it is party to (one hop). The memberships
 * themselves (link, windows) are among the channel's parties (`reachChannels`), so they are not
 * read twice.
 */
export function reachMembershipsOfServices(
  services: readonly string[],
  v: Visibility,
): CypherQuery {
  return {
    cypher:
      `UNWIND $services AS sid MATCH (s:Service {id: sid})-[p:PARTY_TO]->(c:LiaisonChannel) WHERE ${v.rel('p')} AND ${v.node('c')} ` +
      'RETURN sid, collect(DISTINCT c.id) AS channels',
    params: { services, ...v.params },
  };
}

/** The visible PART_OF links of each service (as component or whole), with both ends' spans. */
export function reachStructureOf(services: readonly string[], v: Visibility): CypherQuery {
  return {
    cypher:
      `UNWIND $services AS sid MATCH (s:Service {id: sid})-[r:PART_OF]-(o:Service) WHERE ${v.rel('r')} AND ${v.node('o')} ` +
      'WITH sid, r, startNode(r) AS a, endNode(r) AS b ' +
      `RETURN sid, collect({link: r.id, component: a.id, whole: b.id, ${spanEntries('r')}, ${spanEntries('a', 'a_')}, ${spanEntries('b', 'b_')}}) AS links`,
    params: { services, ...v.params },
  };
}

/** An entity's validity window (`validFrom`, `validTo`), when visible. */
export function validityOf(
  id: string,
  label: 'Service' | 'LiaisonChannel',
  v: Visibility,
): CypherQuery {
  return {
    cypher: `MATCH (n:${label === 'Service' ? 'Service' : 'LiaisonChannel'} {id: $id}) WHERE ${v.node('n')} RETURN n.validFrom AS validFrom, n.validTo AS validTo, n.innerFrom AS innerFrom, n.innerTo AS innerTo`,
    params: { id, ...v.params },
  };
}
