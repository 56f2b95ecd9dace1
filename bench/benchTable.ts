import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR } from './benchSupport.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Rewrites BENCHMARKS.md from every bench/results/*.json (`npm run bench:table`). */
export function writeBenchmarksTable(): void {
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  writeBenchmarksTable();
