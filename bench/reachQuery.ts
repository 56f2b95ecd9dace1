import { SEE_ALL } from '../src/context/index.js';
import type { Database } from '../src/neo4j/index.js';
import {
  computeReach,
  neo4jReachSource,
  openEnds,
  type Path,
  type ReachOutcome,
  type ReachParams,
} from '../src/paths/index.js';
import { API_RESULT_CAP } from './benchDatabase.js';
import { memorySearch, type LiveProjection } from '../src/projection/index.js';

/**
 * The penetrationReach operation of bench:api: everything the in-process computeReach returns
 * (the agent's windows; every reached channel, service and exposed operation with its hops,
 * exposure and explaining path: node ids, link ids and ends, window). Defaults of the field
 * spelled out so the two sides run the same parameters.
 */
export const REACH_QUERY = `query Reach($agent: ID!, $maxHops: Int!) {
  penetrationReach(agent: $agent, maxHops: $maxHops, direction: INBOUND,
                   minConfidence: SUSPECTED, thirdPartyRule: RESPECT) {
    agent { id }
    windows { from to }
    channels { channel { id } hops exposure path { ...P } }
    services { service { id } hops exposure path { ...P } }
    operations { operation { id } hops exposure path { ...P } }
  }
}
fragment P on ExplainingPath { nodes { id } links { id type start end } window { from to } }`;

/**
 * The reach parameters the query above stands for (the API's defaults: the certain reading);
 * `reading` POSSIBLE measures the outer-span reading alone (the superset).
 */
export function reachParamsFor(
  agent: string,
  maxHops: number,
  reading: ReachParams['reading'] = 'CERTAIN',
  followStructure = true,
): ReachParams {
  return {
    agent,
    direction: 'INBOUND',
    maxHops,
    during: undefined,
    disciplines: [],
    minConfidence: 'SUSPECTED',
    respectThirdPartyRule: true,
    followStructure,
    reading,
  };
}

/**
 * One reach computed in-process exactly as the resolver does with the API's default engine
 * (PATH_ENGINE=memory): on the projection, confirmed fresh; with `live` undefined, hop by hop
 * in its own read transaction (PATH_ENGINE=neo4j).
 */
export function directReach(
  database: Database,
  agent: string,
  maxHops: number,
  live?: LiveProjection,
): Promise<ReachOutcome | undefined> {
  const params = reachParamsFor(agent, maxHops);
  if (live) return live.use((g) => memorySearch(g, SEE_ALL).reach(params, API_RESULT_CAP));
  return database.executor.readTransaction((tx) =>
    computeReach(neo4jReachSource(tx, SEE_ALL), params, API_RESULT_CAP),
  );
}

const pathLine = (path: Path): string =>
  [
    path.nodes.join('>'),
    path.links.map((l) => `${l.id}(${l.type}:${l.start}->${l.end})`).join(','),
    JSON.stringify(openEnds(path.interval)),
  ].join(' ');

/** Canonical lines of an in-process outcome, to compare with an HTTP answer. */
export function outcomeLines(outcome: ReachOutcome): string[] {
  const items = (kind: string, list: ReachOutcome['channels']) =>
    list.map((r) => `${kind} ${r.id} ${r.hops} ${r.exposure} ${pathLine(r.path)}`);
  return [
    `agent ${outcome.agent}`,
    ...outcome.windows.map((w) => `window ${JSON.stringify(openEnds(w))}`),
    ...items('channel', outcome.channels),
    ...items('service', outcome.services),
    ...items('operation', outcome.operations),
  ];
}

interface AnsweredPath {
  nodes: { id: string }[];
  links: { id: string; type: string; start: string; end: string }[];
  window: { from: string | null; to: string | null };
}
type Answered = { hops: number; exposure: number; path: AnsweredPath } & Record<string, unknown>;

/** Canonical lines of the `penetrationReach` field of an HTTP answer (same format). */
export function answerLines(reach: Record<string, unknown>): string[] {
  const r = reach as {
    agent: { id: string };
    windows: { from: string | null; to: string | null }[];
    channels: Answered[];
    services: Answered[];
    operations: Answered[];
  };
  const pathText = (p: AnsweredPath) =>
    [
      p.nodes.map((n) => n.id).join('>'),
      p.links.map((l) => `${l.id}(${l.type}:${l.start}->${l.end})`).join(','),
      JSON.stringify({ from: p.window.from, to: p.window.to }),
    ].join(' ');
  const items = (kind: string, list: Answered[]) =>
    list.map((item) => {
      const id = (item[kind] as { id: string }).id;
      return `${kind} ${id} ${item.hops} ${item.exposure} ${pathText(item.path)}`;
    });
  return [
    `agent ${r.agent.id}`,
    ...r.windows.map((w) => `window ${JSON.stringify({ from: w.from, to: w.to })}`),
    ...items('channel', r.channels),
    ...items('service', r.services),
    ...items('operation', r.operations),
  ];
}
