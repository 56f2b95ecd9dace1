import { describe, expect, it } from 'vitest';
import {
  BrokersDocument,
  ExposureDocument,
  NeighborhoodDocument,
  PenetrationReachDocument,
  TimelineDocument,
} from '../generated/operations.js';
import { useTestApi } from '../support/testApi.js';
import { postGraphQL } from '../support/http.js';

const api = useTestApi();

describe('exposure', () => {
  it('lists the agents whose reach includes the SIS-CIA channel, consistent with penetrationReach', async () => {
    const response = await postGraphQL(api.server.url, ExposureDocument, {
      target: 'sis-cia',
      maxHops: 2,
    });
    const exposure = response.data?.exposure;
    if (!exposure) throw new Error(JSON.stringify(response.errors));
    const philby = exposure.agents.find((a) => a.agent.id === 'kim-philby');
    expect(philby?.hops).toBe(1);
    expect(philby?.path.nodes.map((n) => n.id)).toEqual(['kim-philby', 'sis-cia']);
    expect(exposure.count).toBe(exposure.agents.length);
    const drawn = new Set(exposure.graph.nodes.map((n) => n.id));
    for (const agent of exposure.agents)
      for (const node of agent.path.nodes) expect(drawn.has(node.id)).toBe(true);
    expect(exposure.share).toBeCloseTo(exposure.count / exposure.agentsConsidered, 12);
    for (const agent of exposure.agents) {
      const reach = await postGraphQL(api.server.url, PenetrationReachDocument, {
        agent: agent.agent.id,
        maxHops: 2,
      });
      const hit = reach.data?.penetrationReach.channels.find((c) => c.channel.id === 'sis-cia');
      expect({ agent: agent.agent.id, hops: hit?.hops, exposure: hit?.exposure }).toEqual({
        agent: agent.agent.id,
        hops: agent.hops,
        exposure: agent.exposure,
      });
    }
  });

  it('before 1930 considers no agent as certain, and the agents of unknown start as possible; none reaches CIA', async () => {
    // A penetration whose start is unknown (Hans Clemens) is never certain before a source
    // attests it (docs/path-semantics.md, Time), so the default reading considers no agent then;
    // the possible reading considers the agents whose outer window reaches back before 1930.
    const certain = await postGraphQL(api.server.url, ExposureDocument, {
      target: 'cia',
      during: { to: '1930' },
    });
    expect(certain.data?.exposure).toMatchObject({
      count: 0,
      share: 0,
      agentsConsidered: 0,
      agents: [],
    });
    const possible = await postGraphQL(api.server.url, ExposureDocument, {
      target: 'cia',
      during: { to: '1930' },
      certainty: 'POSSIBLE',
    });
    expect(possible.data?.exposure).toMatchObject({ count: 0, share: 0, agents: [] });
    expect(possible.data?.exposure.agentsConsidered).toBeGreaterThan(0);
  });

  it('refuses a target that is not a service or channel, and an unknown one', async () => {
    const operation = await postGraphQL(api.server.url, ExposureDocument, {
      target: 'albania-infiltration',
    });
    expect(operation.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(operation.errors?.[0]?.message).toBe(
      '\'target\' must be a service or a liaison channel; "albania-infiltration" is a Operation.',
    );
    const unknown = await postGraphQL(api.server.url, ExposureDocument, { target: 'nothing' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('brokers', () => {
  it('rank services and channels by the agents whose explaining paths pass through them', async () => {
    const response = await postGraphQL(api.server.url, BrokersDocument, { limit: 3 });
    const brokers = response.data?.brokers ?? [];
    expect(brokers).toHaveLength(3);
    expect(brokers.map((b) => b.agents)).toEqual(
      [...brokers.map((b) => b.agents)].sort((a, b) => b - a),
    );
    const top = brokers[0];
    if (!top) throw new Error('no broker');
    for (const agent of top.agentIds) {
      const reach = await postGraphQL(api.server.url, PenetrationReachDocument, {
        agent,
        maxHops: 3,
      });
      const r = reach.data?.penetrationReach;
      const paths = [...(r?.channels ?? []), ...(r?.services ?? []), ...(r?.operations ?? [])].map(
        (x) => x.path.nodes.map((n) => n.id),
      );
      expect(paths.some((nodes) => nodes.slice(1, -1).includes(top.entity.id))).toBe(true);
    }
  });
});

describe('neighborhood', () => {
  it('draws the links around SIS-CIA: parties, the posting and the operations through it', async () => {
    const response = await postGraphQL(api.server.url, NeighborhoodDocument, { id: 'sis-cia' });
    const graph = response.data?.neighborhood;
    expect(graph?.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'sis/PARTY_TO/sis-cia',
        'cia/PARTY_TO/sis-cia',
        'kim-philby/POSTED_TO/sis-cia',
        'albania-infiltration/THROUGH/sis-cia',
      ]),
    );
    expect(graph?.nodes.find((n) => n.id === 'sis-cia')?.properties).toMatchObject({
      center: true,
      depth: 0,
    });
  });

  it('keeps only links in force during a window, and only the kinds asked for', async () => {
    const later = await postGraphQL(api.server.url, NeighborhoodDocument, {
      id: 'sis-cia',
      during: { from: '1960', to: '1970' },
    });
    expect(later.data?.neighborhood.edges.map((e) => e.id)).not.toContain(
      'kim-philby/POSTED_TO/sis-cia',
    );
    const parties = await postGraphQL(api.server.url, NeighborhoodDocument, {
      id: 'sis-cia',
      kinds: ['PARTY_TO'],
    });
    expect(new Set(parties.data?.neighborhood.edges.map((e) => e.kind))).toEqual(
      new Set(['PARTY_TO']),
    );
  });

  it('refuses a depth outside 1-3', async () => {
    const response = await postGraphQL(api.server.url, NeighborhoodDocument, {
      id: 'sis-cia',
      depth: 4,
    });
    expect(response.errors?.[0]).toMatchObject({
      message: "'depth' must be from 1 to 3; got 4.",
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('timeline', () => {
  it("orders Philby's dated events, each with its sources", async () => {
    const response = await postGraphQL(api.server.url, TimelineDocument, { id: 'kim-philby' });
    const events = response.data?.timeline ?? [];
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    expect(events).toContainEqual(
      expect.objectContaining({ date: '1934', kind: 'AGENT_OF_START', other: { id: 'nkvd' } }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        date: '1949',
        kind: 'POSTED_TO_START',
        other: { id: 'sis-cia' },
        sourceId: 'kim-philby/POSTED_TO/sis-cia',
      }),
    );
    for (const event of events) expect(event.sources.length).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const response = await postGraphQL(api.server.url, TimelineDocument, { id: 'nobody' });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
