import { describe, expect, it } from 'vitest';
import { PathsDocument, type PathsQuery } from '../generated/operations.js';
import { useTestApi } from '../support/testApi.js';
import { postGraphQL } from '../support/http.js';

const api = useTestApi();

/** Every path is a chain from `from` to `to` whose links join consecutive nodes. */
function expectChains(result: PathsQuery['paths'], from: string, to: string): void {
  for (const path of result.paths) {
    const nodes = path.nodes.map((n) => n.id);
    expect(nodes[0]).toBe(from);
    expect(nodes.at(-1)).toBe(to);
    expect(path.links).toHaveLength(nodes.length - 1);
    path.links.forEach((link, i) => {
      expect([link.start, link.end].sort()).toEqual([nodes[i], nodes[i + 1]].sort());
    });
    expect((path.window.from ?? '0000') <= (path.window.to ?? '9999')).toBe(true);
  }
}

describe('k shortest paths', () => {
  it('finds Philby to CIA shortest first, through his posting among them', async () => {
    const response = await postGraphQL(api.server.url, PathsDocument, {
      from: 'kim-philby',
      to: 'cia',
      k: 3,
    });
    const result = response.data?.paths;
    if (!result) throw new Error(JSON.stringify(response.errors));
    expect(result.paths).toHaveLength(3);
    expectChains(result, 'kim-philby', 'cia');
    const lengths = result.paths.map((p) => p.links.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(lengths[0]).toBe(2);
    expect(result.paths.map((p) => p.nodes.map((n) => n.id).join('>'))).toContain(
      'kim-philby>sis-cia>cia',
    );
    // Certainly open from the last day the posting's start can be to the first day its end can
    // be; possibly from the first day of 1949 to the last of 1951.
    const posting = result.paths.find((p) => p.nodes.some((n) => n.id === 'sis-cia'));
    expect(posting?.window).toEqual({ from: '1949-12-31', to: '1951-01-01' });
    const possible = await postGraphQL(api.server.url, PathsDocument, {
      from: 'kim-philby',
      to: 'cia',
      k: 3,
      certainty: 'POSSIBLE',
    });
    const possiblePosting = possible.data?.paths.paths.find((p) =>
      p.nodes.some((n) => n.id === 'sis-cia'),
    );
    expect(possiblePosting?.window).toEqual({ from: '1949-01-01', to: '1951-12-31' });
  });

  it('respects time: from 1957 no path uses the 1956 posting of Felfe, and every window lies inside the request', async () => {
    const response = await postGraphQL(api.server.url, PathsDocument, {
      from: 'heinz-felfe',
      to: 'cia',
      k: 3,
      during: { from: '1957' },
    });
    const result = response.data?.paths;
    if (!result) throw new Error(JSON.stringify(response.errors));
    expectChains(result, 'heinz-felfe', 'cia');
    expect(result.paths.length).toBeGreaterThan(0);
    for (const path of result.paths) {
      expect(path.links.map((l) => l.id)).not.toContain('heinz-felfe/POSTED_TO/cia-bnd');
      expect((path.window.from ?? '') >= '1957-01-01').toBe(true);
    }
    const edges = new Set(result.graph.edges.map((e) => e.id));
    for (const path of result.paths)
      for (const link of path.links) expect(edges.has(link.id)).toBe(true);
  });

  it('finds nothing when no window is shared, and keeps to the link kinds asked for', async () => {
    const before = await postGraphQL(api.server.url, PathsDocument, {
      from: 'kim-philby',
      to: 'cia',
      during: { to: '1930' },
    });
    expect(before.data?.paths.paths).toEqual([]);
    const kinds = await postGraphQL(api.server.url, PathsDocument, {
      from: 'kim-philby',
      to: 'cia',
      kinds: ['POSTED_TO', 'PARTY_TO', 'SERVES'],
    });
    for (const path of kinds.data?.paths.paths ?? []) {
      for (const link of path.links)
        expect(['POSTED_TO', 'PARTY_TO', 'SERVES']).toContain(link.type);
    }
    expect(kinds.data?.paths.paths[0]?.nodes.map((n) => n.id)).toEqual([
      'kim-philby',
      'sis-cia',
      'cia',
    ]);
  });

  it('refuses k out of range, hops over the cap and unknown ids', async () => {
    const k = await postGraphQL(api.server.url, PathsDocument, {
      from: 'kim-philby',
      to: 'cia',
      k: 0,
    });
    expect(k.errors?.[0]).toMatchObject({
      message: "'k' must be from 1 to 10; got 0.",
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const hops = await postGraphQL(api.server.url, PathsDocument, {
      from: 'kim-philby',
      to: 'cia',
      maxHops: 7,
    });
    expect(hops.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'PATH_MAX_HOPS',
      value: 6,
    });
    const unknown = await postGraphQL(api.server.url, PathsDocument, { from: 'nobody', to: 'cia' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
