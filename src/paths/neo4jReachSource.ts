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

function membershipOf(m: Readonly<Record<string, Plain>>): Membership {
  return {
    link: str(m['link'], 'link'),
    service: str(m['service'], 'service'),
    validity: validity(optStr(m['from']), optStr(m['to'])),
    serviceValidity: validity(optStr(m['sFrom']), optStr(m['sTo'])),
  };
}

function channelOf(channel: Plain | undefined, parties: Plain | undefined): ChannelFacts {
  const c = mapOf(channel, 'channel');
  return {
    id: str(c['id'], 'channel.id'),
    validity: validity(optStr(c['validFrom']), optStr(c['validTo'])),
    sharing: optStr(c['sharing']),
    thirdPartyRule: c['thirdPartyRule'] === true,
    disciplines: listOf(c['disciplines']).filter((d): d is string => typeof d === 'string'),
    parties: entries(parties).map(membershipOf),
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

/** Reads the graph for `computeReach` inside one read transaction, under a visibility rule. */
export function neo4jReachSource(tx: TransactionRunner, visibility: Visibility): ReachSource {
  const channelCache = new Map<string, ChannelFacts>();
  const footholdCache = new Map<string, Footholds | undefined>();
  const membershipCache = new Map<string, { membership: Membership; channel: ChannelFacts }[]>();
  const loadChannels = async (ids: readonly string[]): Promise<void> => {
    for (const row of await tx.run(reachChannels(ids, visibility))) {
      const channel = channelOf(row['channel'], row['parties']);
      channelCache.set(channel.id, channel);
    }
  };
  return {
    async prefetchFootholds(agents) {
      for (const agent of agents) footholdCache.set(agent, undefined);
      for (const row of await tx.run(reachFootholds(agents, visibility))) {
        const facts = footholdsOf(row);
        footholdCache.set(facts.agent, facts);
      }
    },
    async footholds(agent) {
      if (footholdCache.has(agent)) return footholdCache.get(agent);
      const row = (await tx.run(reachFootholds([agent], visibility)))[0];
      return row ? footholdsOf(row) : undefined;
    },
    // Channels (with their parties) and each service's memberships are read once per
    // transaction and reused across hops: a hop reads only what no earlier hop read.
    async channelsOfServices(services) {
      const unread = services.filter((sid) => !membershipCache.has(sid));
      if (unread.length > 0) {
        const rows = await tx.run(reachMembershipsOfServices(unread, visibility));
        const unseen = [...new Set(rows.map((row) => str(row['channel'], 'channel')))].filter(
          (id) => !channelCache.has(id),
        );
        if (unseen.length > 0) await loadChannels(unseen);
        for (const sid of unread) membershipCache.set(sid, []);
        for (const row of rows) {
          const sid = str(row['sid'], 'sid');
          const channel = channelCache.get(str(row['channel'], 'channel'));
          if (!channel) continue;
          const membership = membershipOf({
            link: row['link'] ?? null,
            service: sid,
            from: row['from'] ?? null,
            to: row['to'] ?? null,
            sFrom: row['sFrom'] ?? null,
            sTo: row['sTo'] ?? null,
          });
          membershipCache.get(sid)?.push({ membership, channel });
        }
      }
      const out = new Map<string, { membership: Membership; channel: ChannelFacts }[]>();
      for (const sid of services) out.set(sid, membershipCache.get(sid) ?? []);
      return out;
    },
    async channels(ids) {
      const unseen = ids.filter((id) => !channelCache.has(id));
      if (unseen.length > 0) await loadChannels(unseen);
      const out = new Map<string, ChannelFacts>();
      for (const id of ids) {
        const channel = channelCache.get(id);
        if (channel) out.set(id, channel);
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
