import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag } from './benchSupport.js';
import { writeBenchmarksTable } from './benchTable.js';

/**
 * `npm run bench -- [--sizes S,M,L] [--api-sizes S]`: for each size, a fresh local Neo4j store
 * (.neo4j/bench-<size>, port 7697, emptied first) is loaded (bench:load) and measured
 * (bench:reach with its four engines side by side, bench:exposure on the memory engine and, below
 * L, on the per-hop one, bench:brokers); for the API sizes, the HTTP overhead and 64 concurrent
 * analysts (bench:api), the nested reads against
 * @neo4j/graphql and the server's memory and cold start are measured too (bench:api,
 * bench:nested, bench:memory). Then BENCHMARKS.md is rewritten from every bench/results/*.json.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const sizes = (flag('sizes') ?? 'S,M').split(',');
const apiSizes = (flag('api-sizes') ?? 'S').split(',');
for (const size of sizes) {
  const store = path.join(ROOT, '.neo4j', `bench-${size}`);
  rmSync(store, { recursive: true, force: true });
  const env = {
    ...process.env,
    NEO4J_LOCAL_PORT: process.env['BENCH_NEO4J_PORT'] ?? '7697',
    NEO4J_LOCAL_DATA: store,
    NEO4J_HEAP: process.env['NEO4J_HEAP'] ?? '4g',
    NEO4J_PAGECACHE: process.env['NEO4J_PAGECACHE'] ?? '4g',
  };
  const run = (script: string, args: string[]) =>
    execFileSync(
      process.execPath,
      ['--max-semi-space-size=64', '--import', 'tsx', path.join(ROOT, 'bench', script), ...args],
      {
        env,
        stdio: 'inherit',
        cwd: ROOT,
      },
    );
  run('benchLoad.ts', ['--size', size]);
  // The per-hop engine takes seconds per agent on L: left out there (bench/results keeps its
  // figures from the runs that measured it).
  run('benchReach.ts', [
    '--label',
    size,
    '--agents',
    '100',
    '--hops',
    '2,4,6',
    '--engines',
    size === 'L' ? 'memory,previous,peer,floor' : 'memory,previous,neo4j,peer,floor',
  ]);
  run('benchExposure.ts', ['--label', size, '--hubs', '10', '--others', '20', '--hops', '4']);
  run('benchBrokers.ts', ['--label', size, '--hops', '4', '--limit', '20', '--runs', '3']);
  // The previous engine (hop by hop in Neo4j) on the same store, for the side-by-side ratios.
  if (size !== 'L')
    run('benchExposure.ts', [
      '--label',
      `${size}-neo4j`,
      '--engine',
      'neo4j',
      '--hubs',
      '10',
      '--others',
      '20',
      '--hops',
      '4',
    ]);
  if (apiSizes.includes(size)) {
    run('benchApi.ts', ['--label', size, '--agents', '100', '--hops', '4', '--runs', '3']);
    run('benchNested.ts', ['--label', size, '--duration', '20', '--warmup', '5', '--runs', '3']);
    run('benchMemory.ts', [
      '--label',
      size,
      '--duration',
      '20',
      '--warmup',
      '5',
      '--cold-runs',
      '3',
    ]);
  }
}
writeBenchmarksTable();
