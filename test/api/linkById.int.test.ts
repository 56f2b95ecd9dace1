import { describe, expect, it } from 'vitest';
import { LinkByIdDocument, NeighborhoodDocument } from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';
import { TEST_KEYS } from '../support/testKeys.js';

const api = useTestApi();

/** The ids of every entity an answer names (the link's ends, whatever their fields are called). */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'sources') continue;
      if (inner !== null && typeof inner === 'object' && 'id' in inner)
        into.add(String((inner as { id: unknown }).id));
      else idsIn(inner, into);
    }
  }
  return into;
}

async function edgesAround(id: string, kinds?: ('OF' | 'POSTED_TO')[]) {
  const response = await postGraphQL(api.server.url, NeighborhoodDocument, {
    id,
    depth: 2,
    ...(kinds ? { kinds } : {}),
  });
  expect(response.errors).toBeUndefined();
  return response.data?.neighborhood.edges ?? [];
}

describe('link(id)', () => {
  it('answers every link around Philby with its type, the ends the graph draws, and its sources', async () => {
    const edges = (await edgesAround('kim-philby')).filter((edge) => edge.kind !== 'OF');
    expect(edges.length).toBeGreaterThan(5);
    // SIS PART_OF uk-ic: a Composition names its component and whole.
    expect(edges.map((edge) => edge.kind)).toContain('PART_OF');
    for (const edge of edges) {
      const response = await postGraphQL(
        api.server.url,
        LinkByIdDocument,
        { id: edge.id },
        { key: TEST_KEYS.reader },
      );
      expect(response.errors).toBeUndefined();
      const link = response.data?.link;
      expect(link, edge.id).toMatchObject({ id: edge.id, type: edge.kind });
      expect(idsIn(link)).toEqual(new Set([edge.source, edge.target]));
      // Every fact of the historical dataset cites its source.
      expect(link?.sources.length, edge.id).toBeGreaterThan(0);
    }
  });

  it("gives Philby's posting to SIS-CIA as a Posting with its window", async () => {
    const [posting] = await edgesAround('kim-philby', ['POSTED_TO']);
    expect(posting).toBeDefined();
    const response = await postGraphQL(api.server.url, LinkByIdDocument, { id: posting?.id ?? '' });
    expect(response.data?.link).toMatchObject({
      __typename: 'Posting',
      officer: { id: 'kim-philby' },
      channel: { id: 'sis-cia' },
    });
  });

  it('answers null for an id no link has, an entity id included', async () => {
    for (const id of ['no/SUCH/link', 'kim-philby']) {
      const response = await postGraphQL(api.server.url, LinkByIdDocument, { id });
      expect(response.errors).toBeUndefined();
      expect(response.data?.link).toBeNull();
    }
  });

  it('refuses an OF link, which is a field of its entity, naming where to read it', async () => {
    const [of] = await edgesAround('kim-philby', ['OF']);
    expect(of).toBeDefined();
    const response = await postGraphQL(api.server.url, LinkByIdDocument, { id: of?.id ?? '' });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'id',
      type: 'OF',
    });
    expect(response.errors?.[0]?.message).toContain(`node(id: "${of?.source ?? ''}")`);
  });
});
