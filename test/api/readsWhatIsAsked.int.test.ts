import { describe, expect, it } from 'vitest';
import type { CypherQuery } from '../../src/neo4j/index.js';
import { useTestApi } from '../support/testApi.js';
import { postRaw } from '../support/http.js';

/**
 * Fields that need only an entity's id read nothing more: reach answers give references, and
 * relationship fields read only the properties their selection asks for. Anything else still
 * answers as a full read would, through one batched entity load.
 */
const api = useTestApi();

type Data = Record<string, unknown>;

/** Runs an operation over HTTP, recording every statement sent to Neo4j meanwhile. */
async function observed(query: string, variables: Data = {}) {
  const statements: CypherQuery[] = [];
  const stop = api.database.executor.observe((statement) => statements.push(statement));
  try {
    const response = await postRaw<Data>(api.server.url, JSON.stringify({ query, variables }));
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('no data');
    return { data: response.data, statements };
  } finally {
    stop();
  }
}

/** Statements of the entity loader (`entitiesByIds`). */
const entityLoads = (statements: readonly CypherQuery[]) =>
  statements.filter((s) => s.cypher.startsWith('UNWIND $ids AS id CALL (id)'));

/** Statements of relationship fields (`linksOf`). */
const linkReads = (statements: readonly CypherQuery[]) =>
  statements.filter((s) => /^UNWIND \$ids AS id MATCH \(n:/.test(s.cypher));

const REACH = (selection: string) => `query Reach($agent: ID!) {
  penetrationReach(agent: $agent, maxHops: 2) {
    agent { ${selection} }
    channels { channel { ${selection} } path { nodes { ${selection} } } }
    services { service { ${selection} } path { nodes { ${selection} } } }
    operations { operation { ${selection} } path { nodes { ${selection} } } }
  }
}`;

interface ReachAnswer {
  penetrationReach: {
    agent: Data;
    channels: { channel: Data; path: { nodes: Data[] } }[];
    services: { service: Data; path: { nodes: Data[] } }[];
    operations: { operation: Data; path: { nodes: Data[] } }[];
  };
}

/** Every entity of a reach answer in answer order, the reached ones and their path nodes. */
function reachEntities(data: Data): Data[] {
  const reach = (data as unknown as ReachAnswer).penetrationReach;
  return [
    reach.agent,
    ...reach.channels.flatMap((r) => [r.channel, ...r.path.nodes]),
    ...reach.services.flatMap((r) => [r.service, ...r.path.nodes]),
    ...reach.operations.flatMap((r) => [r.operation, ...r.path.nodes]),
  ];
}

describe('a reach asking only ids', () => {
  it('makes no entity-load statement', async () => {
    const { data, statements } = await observed(REACH('id __typename'), { agent: 'kim-philby' });
    expect(entityLoads(statements)).toEqual([]);
    const entities = reachEntities(data);
    expect(entities.length).toBeGreaterThan(5);
    const reach = (data as unknown as ReachAnswer).penetrationReach;
    expect(reach.agent).toEqual({ id: 'kim-philby', __typename: 'Officer' });
    expect(reach.channels.map((r) => r.channel.id)).toContain('sis-cia');
    expect(reach.channels.every((r) => r.channel['__typename'] === 'LiaisonChannel')).toBe(true);
  });

  it('gives path nodes the types a full read gives, and loads all names in one statement', async () => {
    const ids = await observed(REACH('id __typename'), { agent: 'kim-philby' });
    const full = await observed(REACH('id __typename name'), { agent: 'kim-philby' });
    expect(entityLoads(full.statements)).toHaveLength(1);
    const entities = reachEntities(full.data);
    expect(reachEntities(ids.data)).toEqual(
      entities.map((e) => ({ id: e['id'], __typename: e['__typename'] })),
    );
    const philby = await observed('{ node(id: "kim-philby") { name } }');
    expect(entities[0]?.['name']).toBe((philby.data['node'] as Data)['name']);
  });
});

const NESTED = (channel: string, link = '') => `{
  services(first: 3, orderBy: { field: ID, direction: ASC }) {
    edges { node { id channels { ${link} channel { ${channel} } } } }
  }
}`;

interface NestedAnswer {
  services: { edges: { node: { id: string; channels: Data[] } }[] };
}

const channelsOf = (data: Data): Data[] =>
  (data as unknown as NestedAnswer).services.edges.flatMap((e) => e.node.channels);

describe('relationship fields read what their selection asks for', () => {
  it('read only id and name of the other end and nothing of the link when only those are asked', async () => {
    const { statements } = await observed(NESTED('id name'));
    const [read] = linkReads(statements);
    expect(read?.params).toMatchObject({ otherKeys: ['id', 'name'], linkKeys: [] });
    expect(entityLoads(statements)).toEqual([]);
  });

  it('read the whole link when one of its properties is asked', async () => {
    const { data, statements } = await observed(NESTED('id', 'id role from'));
    const [read] = linkReads(statements);
    expect(read?.params['linkKeys']).toBeUndefined();
    expect(read?.params).toMatchObject({ otherKeys: ['id'] });
    for (const link of channelsOf(data)) expect(link['id']).toMatch(/\/PARTY_TO\//);
  });

  it('answer heavy properties, sources included, as a full read of the node does', async () => {
    const selection = 'id name aliases notes classification sources { source { id } lines }';
    const { data, statements } = await observed(NESTED(selection));
    expect(linkReads(statements)[0]?.params['otherKeys']).toEqual([
      'aliases',
      'citations',
      'classification',
      'id',
      'name',
      'notes',
    ]);
    expect(entityLoads(statements)).toEqual([]);
    const projected = channelsOf(data).map((link) => link['channel'] as Data);
    expect(projected.length).toBeGreaterThan(0);
    for (const channel of projected) {
      const single = await observed(`{ node(id: ${JSON.stringify(channel['id'])}) {
        ... on LiaisonChannel { ${selection} } } }`);
      expect(channel).toEqual(single.data['node']);
    }
  });
});
