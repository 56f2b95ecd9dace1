import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, RESULTS_DIR } from './benchSupport.js';

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

function writeBenchmarksTable(): void {
  const results = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map(
      (f) => JSON.parse(readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as Record<string, unknown>,
    );
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` from `bench/results/*.json` (each file also holds the machine, Neo4j version and parameters). Rerun to refresh.',
    '',
    '| benchmark | dataset | figures | machine | measured |',
    '|---|---|---|---|---|',
  ];
  for (const r of results) {
    const dataset = r['dataset'] as Record<string, unknown> | undefined;
    const machineInfo = r['machine'] as Record<string, unknown> | undefined;
    const figures = r['figures'] ?? r['latencyMs'];
    lines.push(
      `| ${String(r['name'])} | ${dataset ? `${String(dataset['nodes'])} nodes, ${String(dataset['relationships'])} relationships` : ''} | \`${JSON.stringify(figures)}\` | ${machineInfo ? `${String(machineInfo['cpus'])} cores, ${String(machineInfo['memoryGiB'])} GiB, Node ${String(machineInfo['node'])}` : ''} | ${String(r['measuredAt']).slice(0, 10)} |`,
    );
  }
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), lines.join('\n') + '\n');
  process.stdout.write(`BENCHMARKS.md rewritten from ${results.length} results\n`);
}
