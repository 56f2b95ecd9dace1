import type { Visibility } from '../context/index.js';
import {
  agentIds,
  neighbourServices,
  optStr,
  servicesOfChannel,
  str,
  validityOf,
} from '../cypher/index.js';
import { validity } from './interval.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { computeReach, type Focus } from './computeReach.js';
import { neo4jReachSource } from './neo4jReachSource.js';
import type { BrokerRecord } from './records.js';
import type { Reached, ReachOutcome, ReachParams } from './reachTypes.js';

/**
 * The reach of every agent with a window inside the filters, in one read transaction (one
 * snapshot). Agents whose penetrations all fall outside the filters are not considered.
 */
export function reachOfAllAgents(
  tx: TransactionRunner,
  visibility: Visibility,
  params: Omit<ReachParams, 'agent'>,
  resultCap: number,
): Promise<ReachOutcome[]> {
  return reachOfConsideredAgents(tx, visibility, params, resultCap, undefined);
}

/**
 * Every agent's reach, optionally focused, keeping the agents considered. The searches run side
 * by side, so each hop's reads (footholds first) are one batch across agents (see
 * neo4jReachSource).
 */
async function reachOfConsideredAgents(
  tx: TransactionRunner,
  visibility: Visibility,
  params: Omit<ReachParams, 'agent'>,
  resultCap: number,
  focus: Focus | undefined,
): Promise<ReachOutcome[]> {
  const ids = (await tx.run(agentIds(visibility))).map((row) => str(row['id'], 'id'));
  const source = neo4jReachSource(tx, visibility);
  const outcomes = await Promise.all(
    ids.map((agent) => computeReach(source, { ...params, agent }, resultCap, focus)),
  );
  return outcomes.filter((o): o is ReachOutcome => o !== undefined && o.windows.length > 0);
}

/** Services beyond which a target's distance bounds are not read (they count as one level further). */
const DISTANCE_READ_CAP = 20_000;

/**
 * For every agent with a window inside the filters (the agents considered), whether its reach
 * includes the target, and how: exactly what `reachOfAllAgents` would say about the target, but
 * each agent's search is focused (see `Focus`) on the services that could still reach the target
 * in time, by lower bounds of their distance to it read breadth-first from the target.
 */
export async function exposureOfAgents(
  tx: TransactionRunner,
  visibility: Visibility,
  params: Omit<ReachParams, 'agent'>,
  target: { id: string; label: 'Service' | 'LiaisonChannel' },
  resultCap: number,
): Promise<{ considered: number; exposed: { agent: string; reached: Reached }[] }> {
  const [own] = await tx.run(validityOf(target.id, target.label, visibility));
  const focus: Focus = {
    target: target.id,
    hopsToTarget: await distancesToTarget(tx, visibility, target, params.maxHops),
    targetValidity: validity(optStr(own?.['validFrom']), optStr(own?.['validTo'])),
  };
  const outcomes = await reachOfConsideredAgents(tx, visibility, params, resultCap, focus);
  const exposed = outcomes.flatMap((outcome) => {
    const reached = [...outcome.channels, ...outcome.services].find((r) => r.id === target.id);
    return reached ? [{ agent: outcome.agent, reached }] : [];
  });
  return { considered: outcomes.length, exposed };
}

/**
 * Hops from each service to the target over PARTY_TO (one hop per channel crossed), ignoring
 * time and the third-party rule, so each is a lower bound of any real path's. Read level by level
 * up to `maxHops`, or until more than DISTANCE_READ_CAP services are known; a service not read
 * is at least one level further than the last level read (unreachable when the search ran dry).
 */
async function distancesToTarget(
  tx: TransactionRunner,
  visibility: Visibility,
  target: { id: string; label: 'Service' | 'LiaisonChannel' },
  maxHops: number,
): Promise<(service: string) => number> {
  const distance = new Map<string, number>();
  let level = target.label === 'Service' ? 0 : 1;
  let frontier =
    target.label === 'Service'
      ? [target.id]
      : (await tx.run(servicesOfChannel(target.id, visibility))).map((r) => str(r['id'], 'id'));
  for (const id of frontier) distance.set(id, level);
  while (level < maxHops && frontier.length > 0 && distance.size <= DISTANCE_READ_CAP) {
    const next: string[] = [];
    for (const row of await tx.run(neighbourServices(frontier, visibility))) {
      const id = str(row['id'], 'id');
      if (distance.has(id)) continue;
      distance.set(id, level + 1);
      next.push(id);
    }
    frontier = next;
    level++;
  }
  const beyond = frontier.length === 0 ? Number.POSITIVE_INFINITY : level + 1;
  return (service) => distance.get(service) ?? beyond;
}

/** Services and channels inside explaining paths (not their ends), by how many agents pass. */
export function brokersOf(outcomes: readonly ReachOutcome[], limit: number): BrokerRecord[] {
  const through = new Map<string, Set<string>>();
  for (const outcome of outcomes) {
    for (const reached of [...outcome.channels, ...outcome.services, ...outcome.operations]) {
      for (const node of reached.path.nodes.slice(1, -1)) {
        const agents = through.get(node) ?? new Set<string>();
        agents.add(outcome.agent);
        through.set(node, agents);
      }
    }
  }
  return [...through.entries()]
    .map(([id, agents]) => ({ id, agentIds: [...agents].sort() }))
    .sort((a, b) => b.agentIds.length - a.agentIds.length || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
