import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag } from './benchSupport.js';
import { writeBenchmarksTable } from './benchTable.js';

/**
 * `npm run bench -- [--sizes S,M]`: for each size, a dedicated local Neo4j store
 * (.neo4j/bench-<size>, port 7697) is loaded (bench:load) and measured (bench:reach); then
 * BENCHMARKS.md is rewritten from every bench/results/*.json.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const sizes = (flag('sizes') ?? 'S,M').split(',');
for (const size of sizes) {
  const env = {
    ...process.env,
    NEO4J_LOCAL_PORT: process.env['BENCH_NEO4J_PORT'] ?? '7697',
    NEO4J_LOCAL_DATA: path.join(ROOT, '.neo4j', `bench-${size}`),
    NEO4J_HEAP: process.env['NEO4J_HEAP'] ?? '4g',
    NEO4J_PAGECACHE: process.env['NEO4J_PAGECACHE'] ?? '4g',
  };
  const run = (script: string, args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', script), ...args], {
      env,
      stdio: 'inherit',
      cwd: ROOT,
    });
  run('benchLoad.ts', ['--size', size]);
  run('benchReach.ts', ['--label', size, '--agents', '100', '--hops', '2,4,6']);
}
writeBenchmarksTable();
