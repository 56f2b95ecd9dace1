import type { Visibility } from '../context/index.js';
import type { CypherQuery } from '../neo4j/index.js';

/** A channel's visible parties, each as [link, service, from, to, service from, service to]. */
const PARTIES = (v: Visibility) =>
  `CALL (c) { MATCH (c)<-[q:PARTY_TO]-(t:Service) WHERE ${v.rel('q')} AND ${v.node('t')} ` +
  `RETURN collect([q.id, t.id, q.validFrom, q.validTo, t.validFrom, t.validTo]) AS parties }`;
const CHANNEL =
  'c.id AS id, c.validFrom AS validFrom, c.validTo AS validTo, c.sharing AS sharing, ' +
  'c.thirdPartyRule AS thirdPartyRule, c.disciplines AS disciplines';

/** The agents' penetrations, services served, postings and operations taken part in (a row per agent found). */
export function reachFootholds(agents: readonly string[], v: Visibility): CypherQuery {
  return {
    cypher:
      `UNWIND $agents AS agent MATCH (a:Officer {id: agent}) WHERE ${v.node('a')} ` +
      `CALL (a) { MATCH (a)-[r:AGENT_OF]->(h) WHERE (h:Service OR h:Organization) AND ${v.rel('r')} AND ${v.node('h')} ` +
      'RETURN collect({link: r.id, hostile: h.id, confidence: r.confidence, from: r.validFrom, to: r.validTo}) AS penetrations } ' +
      `CALL (a) { MATCH (a)-[r:SERVES]->(s:Service) WHERE ${v.rel('r')} AND ${v.node('s')} ` +
      'RETURN collect({link: r.id, service: s.id, from: r.validFrom, to: r.validTo, sFrom: s.validFrom, sTo: s.validTo}) AS serves } ' +
      `CALL (a) { MATCH (a)-[r:POSTED_TO]->(c:LiaisonChannel) WHERE ${v.rel('r')} AND ${v.node('c')} ` +
      'RETURN collect({link: r.id, channel: c.id, from: r.validFrom, to: r.validTo}) AS postings } ' +
      `CALL (a) { MATCH (a)-[r:TOOK_PART]->(o:Operation) WHERE ${v.rel('r')} AND ${v.node('o')} ` +
      'RETURN collect({link: r.id, operation: o.id, from: coalesce(r.validFrom, o.validFrom), to: coalesce(r.validTo, o.validTo)}) AS operations } ' +
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
      "RETURN sid AS via, r.id AS link, 'CONDUCTED' AS type, o.id AS operation, coalesce(r.validFrom, o.validFrom) AS from, coalesce(r.validTo, o.validTo) AS to " +
      'UNION ALL ' +
      `UNWIND $channels AS cid MATCH (o:Operation)-[r:THROUGH]->(c:LiaisonChannel {id: cid}) WHERE ${v.rel('r')} AND ${v.node('o')} ` +
      "RETURN cid AS via, r.id AS link, 'THROUGH' AS type, o.id AS operation, coalesce(r.validFrom, o.validFrom) AS from, coalesce(r.validTo, o.validTo) AS to " +
      '} RETURN via, link, type, operation, from, to',
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

/** An entity's validity window (`validFrom`, `validTo`), when visible. */
export function validityOf(
  id: string,
  label: 'Service' | 'LiaisonChannel',
  v: Visibility,
): CypherQuery {
  return {
    cypher: `MATCH (n:${label === 'Service' ? 'Service' : 'LiaisonChannel'} {id: $id}) WHERE ${v.node('n')} RETURN n.validFrom AS validFrom, n.validTo AS validTo`,
    params: { id, ...v.params },
  };
}
