import { loadConfig } from '../src/config/index.js';
import { bulkLoad } from '../src/import/index.js';
import { createLogger } from '../src/log/index.js';
import { openDatabase, type Executor } from '../src/neo4j/index.js';
import { applyMigrations } from '../src/migrations/index.js';
import {
  ids,
  NAMED_SIZES,
  sizeFor,
  syntheticLabel,
  type SyntheticSize,
} from '../seed/synthetic/generateGraph.js';
import { defaultWorkers, plannedSynthetic } from '../seed/synthetic/plannedSynthetic.js';
import path from 'node:path';
import { ROOT } from './benchProcesses.js';
import { benchOffline } from './offlineLoad.js';
import { flag, writeResult } from './benchSupport.js';

/**
 * `npm run bench:load -- --size M [--seed 1] [--chunk 5000] [--workers N]`: replaces the
 * configured graph with a synthetic one and reports the online bulk load rate
 * (relationships/s) and the graph's counts, in bench/results/load-<size>.json.
 *
 * `--offline [--port 7698]`: loads the graph with Neo4j's offline importer into a fresh store of
 * the benchmark's own and starts the API on it until it is ready (bench/offlineLoad.ts), in
 * bench/results/load-<size>-offline.json: the importer's rate and the empty store to ready API.
 */
async function main(): Promise<void> {
  const size = (flag('size') ?? 'S').toUpperCase();
  const nodes = NAMED_SIZES[size];
  if (nodes === undefined) throw new Error(`--size must be S, M or L; got ${size}`);
  const seed = Number(flag('seed') ?? 1);
  const chunk = Number(flag('chunk') ?? 5000);
  const workers = Number(flag('workers') ?? defaultWorkers());
  const config = loadConfig();
  const log = createLogger('warn');
  if (process.argv.includes('--offline')) {
    const input = { size: sizeFor(nodes), seed, chunk, name: size };
    const run = await benchOffline(config, log, input, {
      port: Number(flag('port') ?? 7698),
      workers,
    });
    process.stdout.write(`${size} offline: ${JSON.stringify(run.figures)}\n`);
    const file = writeResult(`load-${size}-offline`, {
      neo4j: 'Neo4j/5.26.30 (embedded launcher; neo4j-admin database import full, Community)',
      dataset: { size, nodes: run.nodes, relationships: run.links, totals: run.totals },
      parameters: {
        seed,
        chunk,
        workers,
        store: path.relative(ROOT, run.store),
        note: 'into a fresh store; relationshipsPerSecond is the importer alone, seconds is empty store to /health/ready 200',
      },
      figures: run.figures,
    });
    process.stdout.write(`written ${file}\n`);
    return;
  }
  const database = await openDatabase(config.database, { ...config, txTimeoutMs: 3_600_000 }, log);
  try {
    await applyMigrations(database.executor, log);
    const result = await bulkLoad(
      database.executor,
      plannedSynthetic({ size: sizeFor(nodes), seed, chunk }, { workers }),
      {
        reset: true,
        labelHint: syntheticLabel,
        onProgress: ({ nodes: n, links, elapsedMs }) => {
          process.stderr.write(
            `\r${n} nodes ${links} links ${Math.round(links / Math.max(0.001, elapsedMs / 1000))} links/s   `,
          );
        },
      },
    );
    process.stderr.write('\n');
    const seconds = result.elapsedMs / 1000;
    const figures = {
      relationshipsPerSecond: Math.round(result.links / seconds),
      nodesPerSecond: Math.round(result.nodes / seconds),
      seconds: Math.round(seconds * 10) / 10,
      ceiling: await writeCeiling(database.executor, sizeFor(nodes)),
    };
    process.stdout.write(`${size}: ${JSON.stringify(figures)}\n`);
    const file = writeResult(`load-${size}`, {
      neo4j: database.serverAgent,
      dataset: { size, nodes: result.nodes, relationships: result.links, totals: result.totals },
      parameters: {
        seed,
        chunk,
        workers,
        note: 'into an empty store; the rate covers validation and writing, not the reset',
      },
      figures,
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    await database.close();
  }
}

/**
 * What this machine's Neo4j does at best through the driver: the same batched statement the
 * loader uses for links (`UNWIND`, two id-index lookups, `CREATE`), in batches of 20,000, with
 * no properties and with a generated link's ten, between existing officers and services, on a
 * scratch relationship type that is deleted afterwards. The loader's rate is bounded by these.
 */
async function writeCeiling(
  executor: Executor,
  size: SyntheticSize,
): Promise<{ bareRelationshipsPerSecond: number; withPropertiesRelationshipsPerSecond: number }> {
  const rate = async (props: (i: number) => Record<string, unknown>): Promise<number> => {
    const batch = 20_000;
    let written = 0;
    const started = performance.now();
    for (let round = 0; round < 3; round++) {
      const rows = Array.from({ length: batch }, (_, i) => ({
        id: `ceiling-${round}-${i}`,
        start: ids.officer((i * 7 + round) % size.officers),
        end: ids.service((i * 13 + round) % size.services),
        props: props(i),
      }));
      const [row] = await executor.write({
        cypher:
          'UNWIND $rows AS row MATCH (a:Officer {id: row.start}) MATCH (b:Service {id: row.end}) ' +
          'CREATE (a)-[r:BENCH_CEILING]->(b) SET r = row.props, r.id = row.id RETURN count(r) AS written',
        params: { rows },
      });
      written += Number(row?.['written'] ?? 0);
    }
    const perSecond = Math.round(written / ((performance.now() - started) / 1000));
    await executor.autoCommit({
      cypher: 'MATCH ()-[r:BENCH_CEILING]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS',
      params: {},
    });
    return perSecond;
  };
  return {
    bareRelationshipsPerSecond: await rate(() => ({})),
    withPropertiesRelationshipsPerSecond: await rate(() => ({
      citations: ['{"source":"synthetic","section":"generated"}'],
      sourceIds: ['synthetic'],
      classification: 'UNCLASSIFIED',
      releasableTo: [],
      role: 'OFFICER',
      from: '1950',
      validFrom: '1950-01-01',
      to: '1970',
      validTo: '1970-12-31',
    })),
  };
}

void main();
