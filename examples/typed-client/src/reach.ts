import { request, type Endpoint } from './client.js';
import { graphql } from './gql/index.js';
import type { ReachDirection } from './gql/graphql.js';

/** An agent's reach: each channel and operation with its hops, score and explaining path. */
export const AgentReach = graphql(`
  query AgentReach($agent: ID!, $maxHops: Int, $direction: ReachDirection) {
    penetrationReach(agent: $agent, maxHops: $maxHops, direction: $direction) {
      agent {
        id
        name
      }
      window {
        from
        to
      }
      channels {
        hops
        exposure
        channel {
          id
          name
        }
        path {
          nodes {
            id
          }
        }
      }
      operations {
        hops
        operation {
          id
          name
        }
      }
    }
  }
`);

/** What the example prints: one line per channel and operation reached. */
export interface ReachLine {
  readonly kind: 'channel' | 'operation';
  readonly id: string;
  readonly name: string;
  readonly hops: number;
}

/** Philby's reach (or any agent's), as plain lines; every field here is typed from the schema. */
export async function reachLines(
  endpoint: Endpoint,
  agent: string,
  maxHops = 3,
  direction: ReachDirection = 'INBOUND',
): Promise<ReachLine[]> {
  const { penetrationReach } = await request(endpoint, AgentReach, { agent, maxHops, direction });
  return [
    ...penetrationReach.channels.map(({ channel, hops }) => ({
      kind: 'channel' as const,
      id: channel.id,
      name: channel.name,
      hops,
    })),
    ...penetrationReach.operations.map(({ operation, hops }) => ({
      kind: 'operation' as const,
      id: operation.id,
      name: operation.name,
      hops,
    })),
  ];
}
