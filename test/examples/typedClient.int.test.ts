import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../../examples/typed-client/src/client.js';
import { reachLines } from '../../examples/typed-client/src/reach.js';
import { PenetrationReachDocument } from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';
import { TEST_KEYS } from '../support/testKeys.js';

const run = promisify(execFile);
const api = useTestApi();

/** The same reach, asked through the tests' own typed document: what the example must agree with. */
async function reachAsked(agent: string): Promise<Map<string, number>> {
  const answer = await postGraphQL(api.server.url, PenetrationReachDocument, { agent });
  const reach = answer.data?.penetrationReach;
  if (!reach) throw new Error(`reach failed: ${JSON.stringify(answer.errors)}`);
  return new Map([
    ...reach.channels.map((c) => [c.channel.id, c.hops] as const),
    ...reach.operations.map((o) => [o.operation.id, o.hops] as const),
  ]);
}

describe('the typed-client example (examples/typed-client)', () => {
  it('has generated documents that match the published SDL', async () => {
    // --check fails when the example's src/gql/ is stale against docs/liaison-graph.graphql.
    await run(
      process.execPath,
      [
        'node_modules/@graphql-codegen/cli/cjs/bin.js',
        '--config',
        'examples/typed-client/codegen.ts',
        '--check',
      ],
      { timeout: 120_000 },
    );
  }, 150_000);

  it("reads Philby's reach, typed, exactly as the API answers it", async () => {
    const lines = await reachLines(
      { url: api.server.url, apiKey: TEST_KEYS.analyst },
      'kim-philby',
    );
    const asked = await reachAsked('kim-philby');
    expect(new Map(lines.map((line) => [line.id, line.hops]))).toEqual(asked);
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'channel', id: 'sis-cia' }));
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'operation', id: 'albania-infiltration' }),
    );
  });

  it("turns the API's coded errors into LiaisonError with the code and status", async () => {
    const asReader = reachLines({ url: api.server.url, apiKey: TEST_KEYS.reader }, 'kim-philby');
    await expect(asReader).rejects.toBeInstanceOf(LiaisonError);
    await expect(asReader).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const unknownKey = reachLines(
      { url: api.server.url, apiKey: 'lgk_000000000000_not-a-key' },
      'kim-philby',
    );
    await expect(unknownKey).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('runs as a command and prints one line per channel and operation', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'examples/typed-client/src/main.ts', 'kim-philby'],
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          LIAISON_URL: api.server.url,
          LIAISON_API_KEY: TEST_KEYS.analyst,
        },
        timeout: 60_000,
      },
    );
    const asked = await reachAsked('kim-philby');
    const printed = stdout.trim().split('\n');
    expect(printed).toHaveLength(asked.size);
    expect(printed.some((line) => line.includes('(sis-cia)'))).toBe(true);
    expect(printed.some((line) => line.includes('(albania-infiltration)'))).toBe(true);
  });
});
