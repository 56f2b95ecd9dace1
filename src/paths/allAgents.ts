import { NEVER } from '../model/index.js';
import { readingOf } from './reading.js';
import { checkDeadline } from './computeReach.js';

/** When a search over every agent must stop (see SearchTimedOut). */
export type Deadline = { readonly at: number; readonly budgetMs: number };
import type { BrokerRecord } from './records.js';
import type { Focus, GraphSearch, Reached, ReachParams } from './reachTypes.js';

/** Agents searched side by side (hop by hop in Neo4j their reads batch; memory is bounded). */
const AGENT_BATCH = 64;

/**
 * Brokers: the services and channels inside explaining paths (not their ends), by how many
 * agents pass through them, over the reach of every agent with a window inside the filters
 * (agents whose penetrations all fall outside them are not considered), the first `limit`.
 * Agents are searched in batches and each batch's paths are counted and dropped, so the
 * memory held is the counts, not every agent's reach (all of them at once overflowed the heap
 * on a graph of a million nodes). The engine says which nodes each agent's explaining paths
 * pass (`GraphSearch.through`); the memory engine reads them off its search without writing
 * the answer out.
 */
export async function brokersOfAgents(
  search: GraphSearch,
  params: Omit<ReachParams, 'agent'>,
  resultCap: number,
  limit: number,
  deadline?: Deadline,
): Promise<BrokerRecord[]> {
  const ids = await search.source.agents();
  const through = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += AGENT_BATCH) {
    const batch = ids.slice(i, i + AGENT_BATCH);
    const inside = await Promise.all(
      batch.map((agent) => search.through({ ...params, agent }, resultCap)),
    );
    batch.forEach((agent, k) => {
      for (const node of inside[k] ?? []) {
        const agents = through.get(node);
        if (agents) agents.push(agent);
        else through.set(node, [agent]);
      }
    });
    checkDeadline(deadline);
  }
  return ranked(through, limit);
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
  search: GraphSearch,
  params: Omit<ReachParams, 'agent'>,
  target: { id: string; label: 'Service' | 'LiaisonChannel' },
  resultCap: number,
  deadline?: Deadline,
): Promise<{ considered: number; exposed: { agent: string; reached: Reached }[] }> {
  const { source } = search;
  const own = await readingOf(source, params.reading).spansOf(target.id, target.label);
  const times = await search.timesTo(target, params);
  const focus: Focus = {
    target: target.id,
    mayReach: (service, interval, remaining) => times.mayReach(service, interval, remaining),
    ...(times.mayReachAt && {
      mayReachAt: (node: number, from: number, to: number, remaining: number) =>
        times.mayReachAt?.(node, from, to, remaining) ?? true,
    }),
    targetValidity: own?.validity ?? NEVER,
  };
  let pending = [...(await source.agents())];
  let considered = 0;
  const exposed: { agent: string; reached: Reached }[] = [];
  for (let hops = 0; hops <= params.maxHops && pending.length > 0; hops++) {
    checkDeadline(deadline);
    while (times.depth < hops) await times.extend();
    // Every agent is searched at hop 0 (to know which have a window); after, only those the
    // backward levels admit, the others kept for the next hop.
    const searched: string[] = [];
    const later: string[] = [];
    for (const agent of pending)
      if (hops === 0 || (times.admits?.({ ...params, agent, maxHops: hops }) ?? true))
        searched.push(agent);
      else later.push(agent);
    const outcomes = await Promise.all(
      searched.map((agent) => search.reach({ ...params, agent, maxHops: hops }, resultCap, focus)),
    );
    pending = later;
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

/** The first `limit` by agents passing, most first, then by id. */
function ranked(through: ReadonlyMap<string, readonly string[]>, limit: number): BrokerRecord[] {
  return [...through.entries()]
    .map(([id, agents]) => ({ id, agentIds: [...agents].sort() }))
    .sort((a, b) => b.agentIds.length - a.agentIds.length || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
