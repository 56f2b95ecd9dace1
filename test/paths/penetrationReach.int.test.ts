import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import {
  PenetrationReachDocument,
  type PenetrationReachQueryVariables,
} from '../generated/operations.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { postGraphQL } from '../support/http.js';
import { serverOptions } from '../support/testApi.js';

let database: Database;
let server: RunningServer;

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
  await loadDataset(database.executor, testLog);
  server = await startServer(
    database,
    serverOptions({ pathMaxHops: 6, pathMaxResults: 10_000 }),
    testLog,
  );
});

afterAll(async () => {
  await server.stop();
  await database.close();
});

async function reach(variables: PenetrationReachQueryVariables) {
  const response = await postGraphQL(server.url, PenetrationReachDocument, variables);
  expect(response.errors).toBeUndefined();
  const data = response.data?.penetrationReach;
  if (!data) throw new Error('no reach');
  const hopsOf = <T extends { hops: number }>(items: readonly T[], id: (item: T) => string) =>
    Object.fromEntries(items.map((item) => [id(item), item.hops]));
  return {
    ...data,
    channelHops: hopsOf(data.channels, (c) => c.channel.id),
    serviceHops: hopsOf(data.services, (s) => s.service.id),
    operationHops: hopsOf(data.operations, (o) => o.operation.id),
  };
}

describe('golden cases from the documents: Kim Philby', () => {
  it('reaches the SIS-CIA channel at hop 1 through his Washington posting, and CIA through it', async () => {
    const r = await reach({ agent: 'kim-philby', maxHops: 1 });
    const sisCia = r.channels.find((c) => c.channel.id === 'sis-cia');
    expect(sisCia?.hops).toBe(1);
    expect(sisCia?.path.nodes.map((n) => n.id)).toEqual(['kim-philby', 'sis-cia']);
    expect(sisCia?.path.links).toEqual([
      {
        id: 'kim-philby/POSTED_TO/sis-cia',
        type: 'POSTED_TO',
        start: 'kim-philby',
        end: 'sis-cia',
      },
    ]);
    // The posting (1949-51) inside his NKVD window: the whole path is certainly open from the
    // last day its start can be to the first day its end can be (1949-12-31..1951-01-01), and
    // possibly 1949-01-01..1951-12-31.
    expect(sisCia?.path.window).toEqual({ from: '1949-12-31', to: '1951-01-01' });
    const possibly = await reach({ agent: 'kim-philby', maxHops: 1, certainty: 'POSSIBLE' });
    const sisCiaPossibly = possibly.channels.find((c) => c.channel.id === 'sis-cia');
    expect(sisCiaPossibly?.possibleWindows?.[0]?.path.window).toEqual({
      from: '1949-01-01',
      to: '1951-12-31',
    });
    const cia = r.services.find((s) => s.service.id === 'cia');
    expect(cia?.hops).toBe(1);
    expect(cia?.path.nodes.map((n) => n.id)).toEqual(['kim-philby', 'sis-cia', 'cia']);
    expect(r.serviceHops['sis']).toBe(0);
  });

  it('exposes the joint SIS-CIA Albania infiltration', async () => {
    const r = await reach({ agent: 'kim-philby', maxHops: 1 });
    expect(r.operationHops['albania-infiltration']).toBe(0);
  });

  it('reaches nothing before his recruitment (1934)', async () => {
    const r = await reach({ agent: 'kim-philby', during: { from: '1920', to: '1933' } });
    expect(r.windows).toEqual([]);
    expect(r.channels).toEqual([]);
    expect(r.services).toEqual([]);
    expect(r.operations).toEqual([]);
  });

  it('with maxHops 0 reaches only the service he served and, by structure, the UK community it is part of', async () => {
    const r = await reach({ agent: 'kim-philby', maxHops: 0 });
    expect(r.channels).toEqual([]);
    // SIS is PART_OF uk-ic, whose other parts (GC&CS, then GCHQ, and MI5) come at no extra hop.
    expect(Object.keys(r.serviceHops).sort()).toEqual(['gccs', 'gchq', 'mi5', 'sis', 'uk-ic']);
  });

  it('reports his window from the NKVD recruitment (1934) to his defection (January 1963)', async () => {
    const r = await reach({ agent: 'kim-philby', maxHops: 1, certainty: 'POSSIBLE' });
    // Certain: from the last day of 1934 to the first of January 1963; possible: all of both.
    expect(r.windows).toEqual([{ from: '1934-12-31', to: '1963-01-01' }]);
    expect(r.window).toEqual({ from: '1934-12-31', to: '1963-01-01' });
    expect(r.possibleWindows).toEqual([{ from: '1934-01-01', to: '1963-01-31' }]);
  });

  it('draws the paths: the agent, reached and exposed nodes, and the links on their paths', async () => {
    const r = await reach({ agent: 'kim-philby', maxHops: 1 });
    const node = (id: string) => r.graph.nodes.find((n) => n.id === id);
    expect(node('kim-philby')).toMatchObject({
      label: 'Officer',
      name: 'Kim Philby',
      properties: { role: 'agent', onPath: true },
    });
    expect(node('sis-cia')).toMatchObject({
      label: 'LiaisonChannel',
      properties: { role: 'reached', hops: 1, onPath: true, certainty: 'CERTAIN' },
    });
    expect(node('albania-infiltration')).toMatchObject({
      label: 'Operation',
      properties: { role: 'exposed', hops: 0 },
    });
    expect(r.graph.edges).toContainEqual({
      id: 'kim-philby/POSTED_TO/sis-cia',
      source: 'kim-philby',
      target: 'sis-cia',
      kind: 'POSTED_TO',
      properties: { onPath: true, from: '1949-12-31', to: '1951-01-01' },
    });
    expect(node('sis-cia')?.properties).toMatchObject({ from: null });
    expect(node('kim-philby')?.properties).toMatchObject({ from: '1912-01-01', to: '1988-05-11' });
    const ids = new Set(r.graph.nodes.map((n) => n.id));
    for (const edge of r.graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });
});

describe('golden cases from the documents: the other agents', () => {
  it('Aldrich Ames (CIA, KGB from 1985) exposes the SIS exfiltration of Gordievsky through SIS-CIA', async () => {
    const r = await reach({ agent: 'aldrich-ames', maxHops: 1 });
    expect(r.serviceHops['cia']).toBe(0);
    expect(r.channelHops['sis-cia']).toBe(1);
    expect(r.operationHops['pimlico']).toBe(1);
  });

  it('George Blake (SIS, MGB/KGB) exposes the Berlin Tunnel', async () => {
    const r = await reach({ agent: 'george-blake', maxHops: 1 });
    expect(r.serviceHops['sis']).toBe(0);
    expect(r.operationHops['berlin-tunnel']).toBe(0);
  });

  it('Heinz Felfe (Gehlen Organisation/BND) reaches CIA through the CIA-Gehlen channel', async () => {
    const r = await reach({ agent: 'heinz-felfe', maxHops: 1 });
    expect(r.serviceHops['gehlen-org']).toBe(0);
    expect(r.channelHops['cia-gehlen']).toBe(1);
    expect(r.serviceHops['cia']).toBe(1);
  });

  it('Hans Clemens (BND) reaches the CIA-BND channel', async () => {
    const r = await reach({ agent: 'hans-clemens', maxHops: 1 });
    expect(r.serviceHops['bnd']).toBe(0);
    expect(r.channelHops['cia-bnd']).toBe(1);
  });

  it('Larry Wu-tai Chin reaches CIA and FBIS, where he worked, at hop 0', async () => {
    const r = await reach({ agent: 'larry-wu-tai-chin', maxHops: 0 });
    expect(r.serviceHops).toMatchObject({ cia: 0, fbis: 0 });
  });

  it('Jonathan Pollard (NIS, LAKAM 1984-85) exposes the operation he took part in', async () => {
    const r = await reach({ agent: 'jonathan-pollard' });
    expect(r.serviceHops['nis']).toBe(0);
    expect(r.operationHops['pollard-espionage']).toBe(0);
  });

  it('Edward Snowden (insider, NSA) reaches GCHQ through UKUSA', async () => {
    const r = await reach({ agent: 'edward-snowden', maxHops: 1 });
    expect(r.serviceHops['nsa']).toBe(0);
    expect(r.channelHops['ukusa']).toBe(1);
    expect(r.serviceHops['gchq']).toBe(1);
  });

  it('Chelsea Manning (insider, US Army) reaches the Army and, by structure, the US intelligence agencies', async () => {
    const r = await reach({ agent: 'chelsea-manning' });
    // The Army's intelligence elements are PART_OF us-ic (Walsh: she copied documents "from
    // multiple American intelligence agencies"), so its other parts come at hop 0.
    expect(r.serviceHops).toMatchObject({ 'us-army': 0, 'us-ic': 0, cia: 0, nsa: 0 });
  });

  it('Oleg Penkovsky (GRU, agent of SIS and CIA) is handled in the joint operation', async () => {
    const r = await reach({ agent: 'oleg-penkovsky', maxHops: 1 });
    expect(r.serviceHops['gru']).toBe(0);
    expect(r.operationHops['penkovsky-handling']).toBe(0);
  });

  it('Oleg Gordievsky (KGB, agent of SIS) reaches the KGB, and possibly his own exfiltration', async () => {
    const r = await reach({ agent: 'oleg-gordievsky' });
    expect(r.serviceHops['kgb']).toBe(0);
    // His window and Pimlico both end in July 1985 (some day of it): no day is certainly in
    // both, so the exfiltration is only possibly exposed to him.
    expect(r.operationHops['pimlico']).toBeUndefined();
    const possibly = await reach({ agent: 'oleg-gordievsky', certainty: 'POSSIBLE' });
    expect(possibly.operationHops['pimlico']).toBe(0);
  });

  it('Anthony Blunt, John Cairncross and Robert Hanssen reach the service they served', async () => {
    expect((await reach({ agent: 'anthony-blunt' })).serviceHops['mi5']).toBe(0);
    expect((await reach({ agent: 'john-cairncross' })).serviceHops['gccs']).toBe(0);
    expect((await reach({ agent: 'robert-hanssen' })).serviceHops['fbi']).toBe(0);
  });

  it('the SBU major general (suspected) possibly reaches the FSB through SBU-FSB, and nothing when only confirmed cases count', async () => {
    // His posting to SBU-FSB is attested only "around 2014" (2014~): possible, never certain.
    const certain = await reach({ agent: 'sbu-major-general', maxHops: 1 });
    expect(certain.channelHops['sbu-fsb']).toBeUndefined();
    const suspected = await reach({
      agent: 'sbu-major-general',
      maxHops: 1,
      certainty: 'POSSIBLE',
    });
    expect(suspected.channelHops['sbu-fsb']).toBe(1);
    expect(suspected.channels.find((c) => c.channel.id === 'sbu-fsb')?.certainty).toBe('POSSIBLE');
    expect(suspected.serviceHops['fsb']).toBe(1);
    expect(suspected.services.find((s) => s.service.id === 'sbu')?.exposure).toBe(0.5);
    const confirmed = await reach({
      agent: 'sbu-major-general',
      minConfidence: 'CONFIRMED',
      certainty: 'POSSIBLE',
    });
    expect(confirmed.services).toEqual([]);
    expect(confirmed.windows).toEqual([]);
  });
});

describe('traversal rules', () => {
  it('INBOUND with the third-party rule crosses a rule channel only next to the agent', async () => {
    const respect = await reach({ agent: 'kim-philby', maxHops: 3 });
    const ignore = await reach({ agent: 'kim-philby', maxHops: 3, thirdPartyRule: 'IGNORE' });
    // five-eyes applies the rule: next to the agent (hop 1) it is crossed either way.
    expect(respect.channelHops['five-eyes']).toBe(1);
    for (const c of respect.channels) {
      const onPath = c.path.nodes.map((n) => n.id);
      expect(onPath.indexOf('five-eyes') <= 2).toBe(true);
    }
    expect(Object.keys(ignore.serviceHops).length).toBeGreaterThanOrEqual(
      Object.keys(respect.serviceHops).length,
    );
  });

  it('OUTBOUND with the rule stops at the services reached over a rule channel', async () => {
    const outbound = await reach({ agent: 'edward-snowden', direction: 'OUTBOUND', maxHops: 3 });
    const outboundIgnore = await reach({
      agent: 'edward-snowden',
      direction: 'OUTBOUND',
      maxHops: 3,
      thirdPartyRule: 'IGNORE',
    });
    for (const s of outbound.services) {
      const nodes = s.path.nodes.map((n) => n.id);
      const rule = nodes.indexOf('five-eyes');
      if (rule >= 0) expect(nodes.length).toBe(rule + 2);
    }
    expect(Object.keys(outboundIgnore.serviceHops).length).toBeGreaterThanOrEqual(
      Object.keys(outbound.serviceHops).length,
    );
  });

  it('a discipline filter keeps only channels carrying it (or with none recorded)', async () => {
    const r = await reach({ agent: 'edward-snowden', maxHops: 2, disciplines: ['HUMINT'] });
    expect(r.channelHops['ukusa']).toBeUndefined();
  });

  it('scores a path by confidence times the sharing of its channels', async () => {
    const r = await reach({ agent: 'edward-snowden', maxHops: 1 });
    const nsaIsnu = r.channels.find((c) => c.channel.id === 'nsa-isnu');
    expect(nsaIsnu?.exposure).toBe(1); // CONFIRMED (1) x RAW (1)
  });
});

describe('limits and bad input', () => {
  it('refuses maxHops over the server cap with LIMIT_EXCEEDED naming the limit', async () => {
    const response = await postGraphQL(server.url, PenetrationReachDocument, {
      agent: 'kim-philby',
      maxHops: 7,
    });
    expect(response.errors?.[0]).toMatchObject({
      message:
        "'maxHops' 7 exceeds the server's cap of 6 hops (PATH_MAX_HOPS); ask for 6 or fewer.",
      extensions: { code: 'LIMIT_EXCEEDED', limit: 'PATH_MAX_HOPS', value: 6 },
    });
  });

  it('refuses a negative maxHops and an unknown agent', async () => {
    const negative = await postGraphQL(server.url, PenetrationReachDocument, {
      agent: 'kim-philby',
      maxHops: -1,
    });
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const unknown = await postGraphQL(server.url, PenetrationReachDocument, { agent: 'nobody' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses a reach larger than the result cap with LIMIT_EXCEEDED', async () => {
    const small = await startServer(database, serverOptions({ pathMaxResults: 10 }), testLog);
    try {
      const response = await postGraphQL(small.url, PenetrationReachDocument, {
        agent: 'aldrich-ames',
        maxHops: 3,
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        limit: 'PATH_MAX_RESULTS',
        value: 10,
      });
    } finally {
      await small.stop();
    }
  });
});
