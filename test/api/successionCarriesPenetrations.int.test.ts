import { describe, expect, it } from 'vitest';
import { ServiceAgentsDocument } from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';

const api = useTestApi();

async function agentsOf(id: string, at?: string) {
  const response = await postGraphQL(api.server.url, ServiceAgentsDocument, { id, at });
  expect(response.errors).toBeUndefined();
  return (response.data?.service?.agents ?? []).map((p) => [p.agent.id, p.service?.id]);
}

/**
 * Penetrations follow succession (issue 14): one recruitment, to the service that recruited,
 * is an agent of its successors while it lasts, with no new recruitment date.
 */
describe("a service's agents include its predecessors' recruitments carried over", () => {
  it('lists Philby (NKVD, 1934-63) among the KGB agents, naming the NKVD', async () => {
    expect(await agentsOf('kgb')).toContainEqual(['kim-philby', 'nkvd']);
    expect(await agentsOf('mgb')).toContainEqual(['kim-philby', 'nkvd']);
    expect(await agentsOf('nkvd')).toContainEqual(['kim-philby', 'nkvd']);
  });

  it('does not carry over a recruitment that ended before the successor existed', async () => {
    // Cairncross (NKVD, 1937 to 1951) was an MGB agent, never a KGB one (founded 1954).
    expect(await agentsOf('mgb')).toContainEqual(['john-cairncross', 'nkvd']);
    expect((await agentsOf('kgb')).map(([agent]) => agent)).not.toContain('john-cairncross');
  });

  it('keeps the time filters: at 1960 the KGB had Philby, not Ames (1985)', async () => {
    const in1960 = (await agentsOf('kgb', '1960')).map(([agent]) => agent);
    expect(in1960).toContain('kim-philby');
    expect(in1960).not.toContain('aldrich-ames');
  });
});
