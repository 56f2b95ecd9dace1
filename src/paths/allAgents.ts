import type { Visibility } from '../context/index.js';
import { agentIds, str } from '../cypher/index.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { computeReach } from './computeReach.js';
import { neo4jReachSource } from './neo4jReachSource.js';
import type { BrokerRecord } from './records.js';
import type { ReachOutcome, ReachParams } from './reachTypes.js';

/**
 * The reach of every agent with a window inside the filters, in one read transaction (one
 * snapshot). Agents whose penetrations all fall outside the filters are not considered.
 */
export async function reachOfAllAgents(
  tx: TransactionRunner,
  visibility: Visibility,
  params: Omit<ReachParams, 'agent'>,
  resultCap: number,
): Promise<ReachOutcome[]> {
  const ids = (await tx.run(agentIds(visibility))).map((row) => str(row['id'], 'id'));
  const source = neo4jReachSource(tx, visibility);
  const outcomes: ReachOutcome[] = [];
  for (const agent of ids) {
    const outcome = await computeReach(source, { ...params, agent }, resultCap);
    if (outcome && outcome.windows.length > 0) outcomes.push(outcome);
  }
  return outcomes;
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
