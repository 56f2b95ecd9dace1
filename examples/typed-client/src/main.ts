import { readFileSync } from 'node:fs';
import { LiaisonError } from './client.js';
import { reachLines } from './reach.js';

/**
 * `node --import tsx examples/typed-client/src/main.ts [agent]`: prints what the agent reaches.
 * LIAISON_URL (default the local API) and LIAISON_API_KEY (default the local admin key that a
 * non-production API writes to .liaison/admin.key).
 */
const url = process.env['LIAISON_URL'] ?? 'http://127.0.0.1:4000/graphql';
const apiKey = process.env['LIAISON_API_KEY'] ?? readFileSync('.liaison/admin.key', 'utf8').trim();
const agent = process.argv[2] ?? 'kim-philby';

try {
  for (const line of await reachLines({ url, apiKey }, agent)) {
    console.log(
      `${line.kind.padEnd(9)} ${String(line.hops).padStart(2)} hop(s)  ${line.name} (${line.id})`,
    );
  }
} catch (error) {
  if (!(error instanceof LiaisonError)) throw error;
  console.error(`liaison-graph answered ${error.message}`);
  process.exitCode = 1;
}
