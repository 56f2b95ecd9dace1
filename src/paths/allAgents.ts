import { NEVER } from '../model/index.js';
import { readingOf } from './reading.js';
import { computeReach, type Focus } from './computeReach.js';
import { TimesToTarget } from './timesToTarget.js';
import type { BrokerRecord } from './records.js';
import type { Reached, ReachOutcome, ReachParams, ReachSource } from './reachTypes.js';

/**
 * The reach of every agent with a window inside the filters, in one read transaction (one
 * snapshot). Agents whose penetrations all fall outside the filters are not considered.
 */
export function reachOfAllAgents(
  source: ReachSource,
  params: Omit<ReachParams, 'agent'>,
  resultCap: number,
): Promise<ReachOutcome[]> {
  return reachOfConsideredAgents(source, params, resultCap, undefined);
}

/**
 * Every agent's reach, optionally focused, keeping the agents considered. The searches run side
 * by side, so each hop's reads (footholds first) are one batch across agents (see
 * neo4jReachSource).
 */
async function reachOfConsideredAgents(
  source: ReachSource,
  params: Omit<ReachParams, 'agent'>,
  resultCap: number,
  focus: Focus | undefined,
): Promise<ReachOutcome[]> {
  const ids = await source.agents();
  const outcomes = await Promise.all(
    ids.map((agent) => computeReach(source, { ...params, agent }, resultCap, focus)),
  );
  return outcomes.filter((o): o is ReachOutcome => o !== undefined && o.windows.length > 0);
}

/**
 * For every agent with a window inside the filters (the agents considered), whether its reach
 * includes the target, and how: exactly what `reachOfAllAgents` would say about the target.
 *
 * The days at which each service can still reach the target are searched backward from it
 * (`TimesToTarget`), one level per hop. With `b` levels known, every agent not yet found is
 * searched forward with a hop limit of `b`, extending only the pieces that could reach the
 * target in time within the hops left (see `Focus`): an agent found there has its least hop
 * count `b` and its best explanation among the paths of `b` hops. The rest try again with one
 * hop more, up to `maxHops`; an agent whose footholds reach the target in time at no level is
 * refused at its first step.
 */
export async function exposureOfAgents(
  source: ReachSource,
  params: Omit<ReachParams, 'agent'>,
  target: { id: string; label: 'Service' | 'LiaisonChannel' },
  resultCap: number,
): Promise<{ considered: number; exposed: { agent: string; reached: Reached }[] }> {
  const own = await readingOf(source, params.reading).spansOf(target.id, target.label);
  // The backward levels read the spans the forward searches read (computeReach applies the
  // reading to `source` itself).
  const times = await TimesToTarget.open(readingOf(source, params.reading), target, params);
  const focus: Focus = {
    target: target.id,
    mayReach: (service, interval, remaining) => times.mayReach(service, interval, remaining),
    targetValidity: own?.validity ?? NEVER,
  };
  let pending = [...(await source.agents())];
  let considered = 0;
  const exposed: { agent: string; reached: Reached }[] = [];
  for (let hops = 0; hops <= params.maxHops && pending.length > 0; hops++) {
    while (times.depth < hops) await times.extend();
    const outcomes = await Promise.all(
      pending.map((agent) =>
        computeReach(source, { ...params, agent, maxHops: hops }, resultCap, focus),
      ),
    );
    pending = [];
    for (const outcome of outcomes) {
      if (outcome === undefined || outcome.windows.length === 0) continue;
      if (hops === 0) considered++;
      const reached = [...outcome.channels, ...outcome.services].find((r) => r.id === target.id);
      if (reached) exposed.push({ agent: outcome.agent, reached });
      else pending.push(outcome.agent);
    }
  }
  exposed.sort((a, b) => (a.agent < b.agent ? -1 : 1));
  return { considered, exposed };
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
