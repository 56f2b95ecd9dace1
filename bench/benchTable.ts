import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR } from './benchSupport.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};
const num = (value: unknown): string =>
  typeof value === 'number' ? value.toLocaleString('en-US') : '?';
const ms = (value: unknown): string => {
  if (typeof value !== 'number') return '?';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value} ms`;
};
const latency = (l: Json) => `p50 ${ms(l['p50'])}, p95 ${ms(l['p95'])}, p99 ${ms(l['p99'])}`;

/** One line of figures per kind of result (the JSON file holds everything). */
function summarize(name: string, r: Json): string {
  const f = obj(r['figures'] ?? r['latencyMs']);
  if (name.startsWith('load-')) {
    const ceiling = obj(f['ceiling']);
    return (
      `${num(f['relationshipsPerSecond'])} relationships/s (${num(f['seconds'])} s)` +
      (f['ceiling']
        ? `; ceiling of the same statement here: ${num(ceiling['bareRelationshipsPerSecond'])}/s bare, ${num(ceiling['withPropertiesRelationshipsPerSecond'])}/s with a link's properties`
        : '')
    );
  }
  if (name.startsWith('reach-')) {
    const p95 = (l: Json) => (typeof l['p95'] === 'number' ? l['p95'] : undefined);
    const engines = (row: Json): string => {
      const memory = obj(row['memory']);
      const ratio = (other: string) => {
        const a = p95(obj(row[other]));
        const b = p95(memory);
        return a !== undefined && b !== undefined && b > 0 ? ` (${(a / b).toFixed(1)}x)` : '';
      };
      const peer = obj(row['peer']);
      return [
        `memory ${latency(memory)}, ${num(memory['meanReached'])} reached`,
        row['search']
          ? `search alone (answer not written) p50 ${ms(obj(row['search'])['p50'])}, p95 ${ms(obj(row['search'])['p95'])}`
          : '',
        row['previous']
          ? `previous memory engine p95 ${ms(obj(row['previous'])['p95'])}${ratio('previous')}`
          : '',
        row['neo4j'] ? `per-hop p95 ${ms(obj(row['neo4j'])['p95'])}${ratio('neo4j')}` : '',
        row['peer']
          ? `peer Cypher p95 ${ms(peer['p95'])}${ratio('peer')}${Number(peer['timedOut']) > 0 ? `, ${num(peer['timedOut'])} of ${num(2 * Number(peer['n']))} runs (warm-up pass included) stopped at the ${ms(peer['timeoutMs'])} timeout` : ''}`
          : '',
        row['floor'] ? `floor p95 ${ms(obj(row['floor'])['p95'])}` : '',
      ]
        .filter((part) => part !== '')
        .join(', ');
    };
    const projection = obj(r['projection']);
    return (
      Object.entries(f)
        .map(([hops, l]) =>
          obj(l)['memory']
            ? `${hops}: ${engines(obj(l))}`
            : `${hops}: ${latency(obj(l))}, ${num(obj(l)['meanReached'])} reached on average`,
        )
        .join('; ') +
      (r['projection']
        ? `; projection built in ${ms(projection['buildMs'])}, RSS ${num(projection['rssMiB'])} MiB`
        : '')
    );
  }
  if (name.startsWith('brokers-')) {
    const p = obj(r['parameters']);
    return `top ${num(p['limit'])} at maxHops ${num(p['maxHops'])} over ${num(f['agents'])} agents (${String(p['engine'])} engine): ${latency(f)}`;
  }
  if (name.startsWith('exposure-')) {
    const part = (key: string) => {
      const l = obj(f[key]);
      return `${key} targets: ${latency(l)}, ${num(l['meanExposedAgents'])} of ${num(l['agentsConsidered'])} agents exposed on average`;
    };
    return `${part('hub')}; ${part('other')}`;
  }
  if (name.startsWith('api-')) {
    const direct = obj(f['directMs']);
    const http = obj(f['httpMs']);
    const concurrent = obj(f['concurrent']);
    const load = f['concurrent']
      ? `; ${num(concurrent['connections'])} concurrent analysts: ${num(concurrent['requestsPerSecond'])} reach/s, ${latency(obj(concurrent['latencyMs']))}, API RSS peak ${num(obj(concurrent['rss'])['peakMiB'])} MiB`
      : '';
    const small = obj(f['addedMsUpTo200Elements']);
    const large = obj(f['addedMsOver200Elements']);
    const added = f['addedMsUpTo200Elements']
      ? `; HTTP adds p50 ${ms(small['p50'])}, p95 ${ms(small['p95'])} to answers of up to 200 elements (${num(small['n'])}), p50 ${ms(large['p50'])} to larger ones (${num(large['n'])})`
      : '';
    return `direct p50 ${ms(direct['p50'])}, p95 ${ms(direct['p95'])}; HTTP GraphQL p50 ${ms(http['p50'])}, p95 ${ms(http['p95'])}; ratio at p50 ${String(f['ratioHttpOverDirectP50'])}${added}${load}`;
  }
  if (name.startsWith('nested-')) {
    const ours = obj(f['ours']);
    const theirs = obj(f['neo4jGraphql']);
    return `ours ${String(ours['requestsPerSecond'])} req/s, p95 ${ms(ours['p95Ms'])}; @neo4j/graphql ${String(theirs['requestsPerSecond'])} req/s, p95 ${ms(theirs['p95Ms'])}; throughput ratio ${num(f['throughputRatio'])}`;
  }
  if (name.startsWith('memory-')) {
    const memory = obj(f['memory']);
    const cold = obj(f['coldStart']);
    return (
      `RSS idle ${num(obj(memory['idleAfterStart'])['medianMiB'])} MiB, peak under nested reads ${num(obj(memory['nestedLoad'])['rss'] && obj(obj(memory['nestedLoad'])['rss'])['peakMiB'])} MiB, under reach ${num(obj(obj(memory['reachLoad'])['rss'])['peakMiB'])} MiB; ` +
      `cold start to first answer ${ms(obj(cold['runningNeo4j'])['medianMs'])} (Neo4j running), ${ms(obj(cold['embeddedNeo4jFromStoppedStore'])['medianMs'])} (embedded Neo4j from a stopped store)`
    );
  }
  if (name.startsWith('stress-')) {
    const writes = obj(f['writes']);
    const fault = obj(f['fault']);
    const parameters = obj(r['parameters']);
    // `kinds` is 'all' or the list `--kinds` gave (bench/benchStress.ts).
    const kinds = parameters['kinds'];
    return (
      `${num(parameters['concurrency'])} workers${Array.isArray(kinds) ? ` (${kinds.join(', ')} only)` : ''}: ` +
      `${num(f['requestsPerSecond'])} requests/s, ${latency(obj(f['latencyMs']))}; errors by code ${JSON.stringify(f['errorsByCode'])}; ` +
      `5xx outside the fault: ${num(f['serverErrorsOutsideFault'])}; writes acknowledged ${num(writes['acknowledged'])}, lost ${num(writes['lost'])}, half-applied ${num(writes['halfApplied'])}` +
      (f['fault']
        ? `; Neo4j killed at ${ms(fault['killedAtMs'])}, answering again at ${ms(fault['recoveredAtMs'])}`
        : '')
    );
  }
  if (name.startsWith('fuzz-')) {
    const side = (key: string) => {
      const part = obj(r[key]);
      const seen = obj(part['observed'] ?? part);
      return `${num(seen['inputs'])} inputs, ${num(seen['findings'])} findings`;
    };
    const bursts = obj(r['bursts']);
    const burstPart =
      r['bursts'] === undefined
        ? ''
        : `; ${num(bursts['bursts'])} concurrent-write bursts, ${num(bursts['requests'])} requests (${num(bursts['requestsPerSecond'])}/s), ${num(bursts['violations'])} violations`;
    return `own generator ${side('own')}${burstPart}; Schemathesis ${side('schemathesis')}`;
  }
  return `\`${JSON.stringify(f)}\``;
}

/** Rewrites BENCHMARKS.md from every bench/results/*.json (`npm run bench:table`). */
export function writeBenchmarksTable(): void {
  const results = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as Json);
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (or `npm run bench:table`) from `bench/results/*.json`; each file also holds the machine, the Neo4j version, the parameters and every figure. Rerun to refresh.',
    '',
    "Reach rows measure, in one run on the same store and agents: **memory**, the API's engine (the search over the in-memory projection's arrays, `PATH_ENGINE=memory`), answers written out as the API returns them; **search alone**, the same search without writing the answer (windows, explaining paths, an object per element), to show what traversal costs beside explanation; **previous memory engine**, the per-hop rules (`computeReach`, objects and paths copied per step) on the same projection, as the memory engine ran before the array search, with its p95 as a multiple of memory's; **per-hop**, the same rules reading Neo4j hop by hop (the previous engine, `PATH_ENGINE=neo4j`), with its p95 as a multiple of memory's; **peer Cypher**, the question as one variable-length Cypher query with time predicates the way a Neo4j user writes it (bench/peerReach.ts; it answers less: no windows, explanations or rules beyond time), stopped by Neo4j at its timeout; **floor**, a bare hop-bounded search over the same arrays with no time or rules. Rows named `-at-<commit>` were measured on that commit for comparison, `-neo4j` with the per-hop engine.",
    '',
    '| benchmark | dataset | figures | machine | measured |',
    '|---|---|---|---|---|',
  ];
  for (const r of results) {
    const name = String(r['name']);
    const dataset = obj(r['dataset']);
    const size =
      typeof r['dataset'] === 'string'
        ? r['dataset']
        : `${num(dataset['nodes'])} nodes, ${num(dataset['relationships'])} relationships`;
    const machine = obj(r['machine']);
    lines.push(
      `| ${name} | ${size} | ${summarize(name, r)} | ${String(machine['cpus'])} cores, ${String(machine['memoryGiB'])} GiB, Node ${String(machine['node'])} | ${String(r['measuredAt']).slice(0, 10)} |`,
    );
  }
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), lines.join('\n') + '\n');
  process.stdout.write(`BENCHMARKS.md rewritten from ${results.length} results\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  writeBenchmarksTable();
