import DataLoader from 'dataloader';
import type { Visibility } from '../context/index.js';
import {
  listOf,
  mapOf,
  optStr,
  reachChannels,
  reachMembershipsOfServices,
  reachFootholds,
  reachOperations,
  str,
} from '../cypher/index.js';
import type { Plain, TransactionRunner } from '../neo4j/index.js';
import { validity } from './interval.js';
import type { ChannelFacts, Footholds, Membership, ReachSource } from './reachTypes.js';

const entries = (value: Plain | undefined) => listOf(value).map((item) => mapOf(item, 'item'));

/** A channel row of `reachChannels`: flat columns, parties as positional lists (cheap to decode). */
function channelOf(row: Readonly<Record<string, Plain>>): ChannelFacts {
  return {
    id: str(row['id'], 'channel.id'),
    validity: validity(optStr(row['validFrom']), optStr(row['validTo'])),
    sharing: optStr(row['sharing']),
    thirdPartyRule: row['thirdPartyRule'] === true,
    disciplines: listOf(row['disciplines']).filter((d): d is string => typeof d === 'string'),
    parties: listOf(row['parties']).map((party) => {
      const [link, service, from, to, sFrom, sTo] = listOf(party);
      return {
        link: str(link, 'party.link'),
        service: str(service, 'party.service'),
        validity: validity(optStr(from), optStr(to)),
        serviceValidity: validity(optStr(sFrom), optStr(sTo)),
      };
    }),
  };
}

function footholdsOf(row: Readonly<Record<string, Plain>>): Footholds {
  return {
    agent: str(row['agent'], 'agent'),
    penetrations: entries(row['penetrations']).map((p) => ({
      link: str(p['link'], 'link'),
      hostile: str(p['hostile'], 'hostile'),
      confidence: str(p['confidence'], 'confidence'),
      validity: validity(optStr(p['from']), optStr(p['to'])),
    })),
    serves: entries(row['serves']).map((s) => ({
      link: str(s['link'], 'link'),
      service: str(s['service'], 'service'),
      validity: validity(optStr(s['from']), optStr(s['to'])),
      serviceValidity: validity(optStr(s['sFrom']), optStr(s['sTo'])),
    })),
    postings: entries(row['postings']).map((p) => ({
      link: str(p['link'], 'link'),
      channel: str(p['channel'], 'channel'),
      validity: validity(optStr(p['from']), optStr(p['to'])),
    })),
    operations: entries(row['operations']).map((o) => ({
      link: str(o['link'], 'link'),
      operation: str(o['operation'], 'operation'),
      validity: validity(optStr(o['from']), optStr(o['to'])),
    })),
  };
}

type Adjacent = { membership: Membership; channel: ChannelFacts };

/** `loader.loadMany`, failing as a whole when any key failed. */
async function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  for (const value of values) if (value instanceof Error) throw value;
  return values as V[];
}

/**
 * Reads the graph for `computeReach` inside one read transaction, under a visibility rule.
 * Reads go through per-transaction DataLoaders: an agent's footholds, a service's memberships
 * and a channel with its parties are each read once, and the requests of searches that run
 * side by side (every agent of an exposure, hop by hop) are batched into one statement each.
 */
export function neo4jReachSource(tx: TransactionRunner, visibility: Visibility): ReachSource {
  const footholdLoader = new DataLoader<string, Footholds | null>(async (agents) => {
    const byAgent = new Map<string, Footholds>();
    for (const row of await tx.run(reachFootholds(agents, visibility))) {
      const facts = footholdsOf(row);
      byAgent.set(facts.agent, facts);
    }
    return agents.map((agent) => byAgent.get(agent) ?? null);
  });
  const channelLoader = new DataLoader<string, ChannelFacts | null>(async (ids) => {
    const byId = new Map<string, ChannelFacts>();
    for (const row of await tx.run(reachChannels(ids, visibility))) {
      const channel = channelOf(row);
      byId.set(channel.id, channel);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
  const membershipLoader = new DataLoader<string, Adjacent[]>(async (services) => {
    const channelsOf = new Map<string, string[]>();
    for (const row of await tx.run(reachMembershipsOfServices(services, visibility))) {
      channelsOf.set(
        str(row['sid'], 'sid'),
        listOf(row['channels']).map((id) => str(id, 'channel')),
      );
    }
    const ids = [...new Set([...channelsOf.values()].flat())];
    const channels = new Map<string, ChannelFacts>();
    for (const channel of await loadAll(channelLoader, ids)) {
      if (channel) channels.set(channel.id, channel);
    }
    return services.map((sid) =>
      (channelsOf.get(sid) ?? []).flatMap((id) => {
        const channel = channels.get(id);
        if (!channel) return [];
        return channel.parties
          .filter((party) => party.service === sid)
          .map((membership) => ({ membership, channel }));
      }),
    );
  });
  return {
    async footholds(agent) {
      return (await footholdLoader.load(agent)) ?? undefined;
    },
    async channelsOfServices(services) {
      const lists = await loadAll(membershipLoader, services);
      return new Map(services.map((sid, i) => [sid, lists[i] ?? []]));
    },
    async channels(ids) {
      const out = new Map<string, ChannelFacts>();
      for (const channel of await loadAll(channelLoader, ids)) {
        if (channel) out.set(channel.id, channel);
      }
      return out;
    },
    async operationsOf(services, channels) {
      return (await tx.run(reachOperations(services, channels, visibility))).map((row) => ({
        via: str(row['via'], 'via'),
        link: str(row['link'], 'link'),
        type: row['type'] === 'CONDUCTED' ? ('CONDUCTED' as const) : ('THROUGH' as const),
        operation: str(row['operation'], 'operation'),
        validity: validity(optStr(row['from']), optStr(row['to'])),
      }));
    },
  };
}
