import { describe, expect, it } from 'vitest';
import type { CypherQuery } from '../../src/neo4j/index.js';
import { NestedPartiesDocument } from '../generated/operations.js';
import { useTestApi } from '../support/testApi.js';
import { postGraphQL } from '../support/http.js';

/**
 * A synthetic graph big enough that one query per parent would show: 50 services, each a party
 * to 2 of 10 channels (so each channel has 10 parties), and 0 to 3 officers per service.
 */
const SERVICES = 50;
const CHANNELS = 10;
const pad = (n: number): string => String(n).padStart(2, '0');
const serviceId = (i: number): string => `svc-${pad(i)}`;
const channelId = (j: number): string => `chan-${pad(j)}`;
/** The two channels service `i` is a party to. */
const channelsOf = (i: number): number[] => [i % CHANNELS, (i + 3) % CHANNELS];
const officerCount = (i: number): number => i % 4;

const services = Array.from({ length: SERVICES }, (_, i) => i);
const partiesOf = (j: number): number[] => services.filter((i) => channelsOf(i).includes(j));

/** Properties every element carries as the loader writes them. */
const access = { classification: 'UNCLASSIFIED', releasableTo: [], citations: [] };

const api = useTestApi(async (database) => {
  await database.executor.write({
    cypher:
      'UNWIND $services AS s CREATE (n:Service) SET n = s ' +
      'WITH count(*) AS created UNWIND $channels AS c CREATE (n:LiaisonChannel) SET n = c',
    params: {
      services: services.map((i) => ({
        id: serviceId(i),
        name: `Service ${pad(i)}`,
        aliases: [],
        kind: 'SIGINT',
        ...access,
      })),
      channels: Array.from({ length: CHANNELS }, (_, j) => ({
        id: channelId(j),
        name: `Channel ${pad(j)}`,
        aliases: [],
        scope: 'MULTILATERAL',
        disciplines: [],
        ...access,
      })),
    },
  });
  await database.executor.write({
    cypher:
      'UNWIND $parties AS p MATCH (s:Service {id: p.service}), (c:LiaisonChannel {id: p.channel}) ' +
      "CREATE (s)-[r:PARTY_TO]->(c) SET r = p.props, r.id = p.service + '/PARTY_TO/' + p.channel",
    params: {
      parties: services.flatMap((i) =>
        channelsOf(i).map((j) => ({
          service: serviceId(i),
          channel: channelId(j),
          props: { role: 'MEMBER', ...access },
        })),
      ),
    },
  });
  await database.executor.write({
    cypher:
      'UNWIND $officers AS o MATCH (s:Service {id: o.service}) ' +
      'CREATE (n:Officer)-[r:SERVES]->(s) SET n = o.props, r = o.link',
    params: {
      officers: services.flatMap((i) =>
        Array.from({ length: officerCount(i) }, (_, k) => ({
          service: serviceId(i),
          props: {
            id: `off-${pad(i)}-${k}`,
            name: `Officer ${pad(i)}-${k}`,
            aliases: [],
            ...access,
          },
          link: { id: `off-${pad(i)}-${k}/SERVES/${serviceId(i)}`, role: 'OFFICER', ...access },
        })),
      ),
    },
  });
});

/** Runs the nested query over HTTP and records every statement sent to Neo4j meanwhile. */
async function nestedParties(first: number) {
  const statements: { query: CypherQuery; mode: string }[] = [];
  const stop = api.database.executor.observe((query, mode) => statements.push({ query, mode }));
  try {
    const response = await postGraphQL(api.server.url, NestedPartiesDocument, { first });
    expect(response.errors).toBeUndefined();
    return { data: response.data, statements };
  } finally {
    stop();
  }
}

/** Which level a statement reads and how many parents it was asked for. */
function describeStatement({ query, mode }: { query: CypherQuery; mode: string }) {
  const link = /MATCH (\(n:\w+ \{id: id\}\)\S+\(m\))/.exec(query.cypher)?.[1];
  const ids = query.params['ids'];
  return {
    mode,
    read: link ?? query.cypher.slice(0, 'MATCH (n:Service)'.length),
    parents: Array.isArray(ids) ? ids.length : null,
  };
}

/** The first `first` services in name order, as the synthetic data has them. */
const firstServices = (first: number): number[] => services.slice(0, first);

describe('nested relationship fields are batched per level', () => {
  it('reads services -> channels -> parties -> officers of 50 services in 4 statements', async () => {
    const { data, statements } = await nestedParties(SERVICES);
    expect(statements.map(describeStatement)).toEqual([
      { mode: 'READ', read: 'MATCH (n:Service)', parents: null },
      { mode: 'READ', read: '(n:Service {id: id})-[r:PARTY_TO]->(m)', parents: SERVICES },
      { mode: 'READ', read: '(n:LiaisonChannel {id: id})<-[r:PARTY_TO]-(m)', parents: CHANNELS },
      { mode: 'READ', read: '(n:Service {id: id})<-[r:SERVES]-(m)', parents: SERVICES },
    ]);

    const edges = data?.services.edges ?? [];
    expect(edges.map((e) => e.node.id)).toEqual(services.map(serviceId));
    for (const [i, edge] of edges.entries()) {
      expect(edge.node.channels.map((c) => c.channel.id).sort()).toEqual(
        channelsOf(i).map(channelId).sort(),
      );
      for (const membership of edge.node.channels) {
        const j = Number(membership.channel.id.slice('chan-'.length));
        expect(membership.channel.parties.map((p) => p.service.id)).toEqual(
          partiesOf(j).map(serviceId),
        );
        for (const party of membership.channel.parties) {
          const p = Number(party.service.id.slice('svc-'.length));
          expect(party.service.officers.map((o) => o.officer.name)).toEqual(
            Array.from({ length: officerCount(p) }, (_, k) => `Officer ${pad(p)}-${k}`),
          );
        }
      }
    }

    const names = edges.flatMap((e) =>
      e.node.channels.flatMap((c) =>
        c.channel.parties.flatMap((p) => p.service.officers.map((o) => o.officer.name)),
      ),
    );
    const expectedNames = services
      .flatMap(channelsOf)
      .reduce((total, j) => total + partiesOf(j).reduce((n, p) => n + officerCount(p), 0), 0);
    expect(names).toHaveLength(expectedNames);
    expect(expectedNames).toBeGreaterThan(1000);
  });

  it('sends the same 4 statements for a page of 5: the count does not grow with the parents', async () => {
    const page = firstServices(5);
    const channels = [...new Set(page.flatMap(channelsOf))];
    const parties = [...new Set(channels.flatMap(partiesOf))];
    const { data, statements } = await nestedParties(page.length);
    expect(statements.map(describeStatement)).toEqual([
      { mode: 'READ', read: 'MATCH (n:Service)', parents: null },
      { mode: 'READ', read: '(n:Service {id: id})-[r:PARTY_TO]->(m)', parents: page.length },
      {
        mode: 'READ',
        read: '(n:LiaisonChannel {id: id})<-[r:PARTY_TO]-(m)',
        parents: channels.length,
      },
      { mode: 'READ', read: '(n:Service {id: id})<-[r:SERVES]-(m)', parents: parties.length },
    ]);
    expect(data?.services.edges.map((e) => e.node.id)).toEqual(page.map(serviceId));
  });
});
