import DataLoader from 'dataloader';
import type { Visibility } from '../visibility/index.js';
import {
  agentIds,
  validityOf,
  listOf,
  mapOf,
  optStr,
  reachChannels,
  reachMembershipsOfServices,
  reachFootholds,
  reachOperations,
  reachStructureOf,
  str,
} from '../cypher/index.js';
import type { Plain, TransactionRunner } from '../neo4j/index.js';
import { certainty, intersect, NEVER, validity } from '../model/index.js';
import { both, boundedByParties } from './facts.js';
import type {
  ChannelFacts,
  Footholds,
  Membership,
  ReachSource,
  Spans,
  StructureLink,
} from './reachTypes.js';

const entries = (value: Plain | undefined) => listOf(value).map((item) => mapOf(item, 'item'));

/** Both spans from four stored values (outer from/to, inner from/to). */
const spansOf = (from: Plain, to: Plain, innerFrom: Plain, innerTo: Plain): Spans => ({
  validity: validity(optStr(from), optStr(to)),
  certain: certainty(optStr(innerFrom), optStr(innerTo)),
});

/** Both spans from a map's `from`, `to`, `innerFrom`, `innerTo` (after `prefix`). */
const spansIn = (m: Readonly<Record<string, Plain>>, prefix = ''): Spans =>
  spansOf(
    m[`${prefix}from`] ?? null,
    m[`${prefix}to`] ?? null,
    m[`${prefix}innerFrom`] ?? null,
    m[`${prefix}innerTo`] ?? null,
  );

/** A channel row of `reachChannels`: flat columns, parties as positional lists (cheap to decode). */
function channelOf(row: Readonly<Record<string, Plain>>): ChannelFacts {
  const parties = listOf(row['parties']).map((party): Membership => {
    const [link, service, from, to, iFrom, iTo, sFrom, sTo, siFrom, siTo] = listOf(party);
    const own = spansOf(from ?? null, to ?? null, iFrom ?? null, iTo ?? null);
    const of = spansOf(sFrom ?? null, sTo ?? null, siFrom ?? null, siTo ?? null);
    return {
      link: str(link, 'party.link'),
      service: str(service, 'party.service'),
      ...own,
      serviceValidity: of.validity,
      serviceCertain: of.certain,
    };
  });
  const own = spansOf(
    row['validFrom'] ?? null,
    row['validTo'] ?? null,
    row['innerFrom'] ?? null,
    row['innerTo'] ?? null,
  );
  const bounded = boundedByParties(own.validity, parties);
  return {
    id: str(row['id'], 'channel.id'),
    validity: bounded,
    certain: intersect(own.certain, bounded) ?? NEVER,
    sharing: optStr(row['sharing']),
    thirdPartyRule: row['thirdPartyRule'] === true,
    disciplines: listOf(row['disciplines']).filter((d): d is string => typeof d === 'string'),
    parties,
  };
}

function footholdsOf(row: Readonly<Record<string, Plain>>): Footholds {
  return {
    agent: str(row['agent'], 'agent'),
    penetrations: entries(row['penetrations']).map((p) => ({
      link: str(p['link'], 'link'),
      hostile: str(p['hostile'], 'hostile'),
      confidence: str(p['confidence'], 'confidence'),
      ...spansIn(p),
    })),
    serves: entries(row['serves']).map((s) => {
      const service = spansIn(s, 's_');
      return {
        link: str(s['link'], 'link'),
        service: str(s['service'], 'service'),
        ...spansIn(s),
        serviceValidity: service.validity,
        serviceCertain: service.certain,
      };
    }),
    postings: entries(row['postings']).map((p) => ({
      link: str(p['link'], 'link'),
      channel: str(p['channel'], 'channel'),
      ...spansIn(p),
    })),
    operations: entries(row['operations']).map((o) => ({
      link: str(o['link'], 'link'),
      operation: str(o['operation'], 'operation'),
      ...both(spansIn(o), spansIn(o, 'o_')),
    })),
  };
}

function structureLinkOf(m: Readonly<Record<string, Plain>>): StructureLink {
  const component = spansIn(m, 'a_');
  const whole = spansIn(m, 'b_');
  return {
    link: str(m['link'], 'link'),
    component: str(m['component'], 'component'),
    whole: str(m['whole'], 'whole'),
    ...spansIn(m),
    componentValidity: component.validity,
    componentCertain: component.certain,
    wholeValidity: whole.validity,
    wholeCertain: whole.certain,
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
  const structureLoader = new DataLoader<string, StructureLink[]>(async (services) => {
    const bySid = new Map<string, StructureLink[]>();
    for (const row of await tx.run(reachStructureOf(services, visibility)))
      bySid.set(str(row['sid'], 'sid'), entries(row['links']).map(structureLinkOf));
    return services.map((sid) => bySid.get(sid) ?? []);
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
        ...both(
          spansIn(mapOf(row['spans'], 'spans')),
          spansIn(mapOf(row['operationSpans'], 'operationSpans')),
        ),
      }));
    },
    async structureOf(services) {
      const lists = await loadAll(structureLoader, services);
      return new Map(services.map((sid, i) => [sid, lists[i] ?? []]));
    },
    async agents() {
      return (await tx.run(agentIds(visibility))).map((row) => str(row['id'], 'id'));
    },
    async spansOf(id, label) {
      const [row] = await tx.run(validityOf(id, label, visibility));
      return (
        row &&
        spansOf(
          row['validFrom'] ?? null,
          row['validTo'] ?? null,
          row['innerFrom'] ?? null,
          row['innerTo'] ?? null,
        )
      );
    },
  };
}
