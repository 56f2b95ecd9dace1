import { newApiKeyRecord } from '../src/auth/apiKeyRecord.js';
import { loadDataset } from '../src/import/index.js';
import { createLogger } from '../src/log/index.js';
import { startServer } from '../src/server/index.js';
import { datasetOf, openBenchDatabase } from './benchDatabase.js';
import { flag, writeResult } from './benchSupport.js';
import {
  BURST_WRITERS,
  fuzzSchema,
  fuzzWithSchemathesis,
  KNOWN_BUGS,
  knownIds,
  runBursts,
  runOwnFuzzer,
  type BurstWriter,
  type FuzzCounts,
} from './fuzz/index.js';

/**
 * `npm run fuzz -- [--inputs 5000] [--seed N] [--bursts 20] [--burst-clients 16]
 * [--burst-ops 30] [--st-examples 100] [--st-seconds 300] [--max-seconds 1500]`: the long fuzz
 * run. Wipes its database, loads the historical dataset, starts the API in this process on
 * 127.0.0.1 with an admin and a reader key made for the run (and the burst writers' keys), then
 * sends `--inputs` requests of our own generator, runs `--bursts` concurrent-mutation bursts
 * (`--burst-clients` clients of `--burst-ops` writes each; bench/fuzz/runBursts.ts) and runs
 * Schemathesis for `--st-seconds` (at least `--st-examples` cases per root field) through the
 * observing proxy. Every response is judged and the graph watched (bench/fuzz); writes
 * bench/results/fuzz-historical.json and exits 1 when anything broke the contract other than
 * the bugs listed in knownBugs.ts.
 *
 * The database: NEO4J_URI when set (wiped!), else a local Neo4j of its own on port 7692 with
 * its store in .neo4j/fuzz (NEO4J_LOCAL_PORT, NEO4J_LOCAL_DATA), never the store of `npm start`.
 */
process.env['NEO4J_LOCAL_PORT'] ??= '7692';
process.env['NEO4J_LOCAL_DATA'] ??= '.neo4j/fuzz';

const inputs = Number(flag('inputs') ?? 5_000);
const seed = Number(flag('seed') ?? Date.now() % 1_000_000);
const stExamples = Number(flag('st-examples') ?? 100);
const stSeconds = Number(flag('st-seconds') ?? 300);
const maxSeconds = Number(flag('max-seconds') ?? 1_500);
const bursts = Number(flag('bursts') ?? 20);
const burstClients = Number(flag('burst-clients') ?? 16);
const burstOps = Number(flag('burst-ops') ?? 30);
const started = Date.now();
const deadline = started + maxSeconds * 1_000;

/** The API's error lines, by message, for the report (a fuzz run makes many of the same). */
const apiErrors: Record<string, number> = {};
const log = createLogger('error', (line) => {
  const { msg, error, stack } = JSON.parse(line) as {
    msg?: string;
    error?: string;
    stack?: string;
  };
  const at =
    stack
      ?.split('\n')
      .find((l) => l.includes('/src/'))
      ?.trim() ?? '';
  const key = `${msg ?? ''}: ${error ?? ''} ${at}`.slice(0, 400);
  apiErrors[key] = (apiErrors[key] ?? 0) + 1;
});
const bench = await openBenchDatabase();
const { database, config } = bench;
let stop = async () => {
  await database.close();
};
try {
  process.stdout.write(`fuzz: wiping ${database.uri} and loading the historical dataset\n`);
  // openBenchDatabase applied the migrations: their records stay, so that the schema they made
  // is not made again (migration 5 would rebuild the full-text index), as test resets do.
  await database.executor.write({
    cypher: 'MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n',
    params: {},
  });
  await loadDataset(database.executor, log);
  const dataset = await datasetOf(database);
  const admin = newApiKeyRecord({
    name: 'fuzz admin',
    role: 'admin',
    clearance: 'TOP_SECRET',
    nationality: null,
  });
  const reader = newApiKeyRecord({
    name: 'fuzz reader',
    role: 'reader',
    clearance: 'TOP_SECRET',
    nationality: null,
  });
  const burstKeys = Object.fromEntries(
    Object.entries(BURST_WRITERS).map(([writer, input]) => [writer, newApiKeyRecord(input)]),
  ) as Record<BurstWriter, ReturnType<typeof newApiKeyRecord>>;
  const server = await startServer(
    database,
    {
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: config.maxBodyBytes,
      pathMaxHops: config.pathMaxHops,
      pathMaxResults: config.pathMaxResults,
      auth: {
        anonymousRead: false,
        apiKeys: [
          admin.record,
          reader.record,
          ...Object.values(burstKeys).map((made) => made.record),
        ],
        jwt: undefined,
        localAdminKeyDir: undefined,
      },
    },
    log,
  );
  stop = async () => {
    await server.stop();
    await database.close();
  };
  const schema = fuzzSchema();
  const ids = await knownIds(database);

  process.stdout.write(`fuzz: own generator, ${inputs} inputs, seed ${seed}\n`);
  const ownStarted = performance.now();
  const own = await runOwnFuzzer({
    url: server.url,
    schema,
    ids,
    keys: { admin: admin.key, reader: reader.key },
    maxBodyBytes: config.maxBodyBytes,
    count: inputs,
    seed,
    deadline: deadline - stSeconds * 1_000,
    database,
    onProgress: (sent) => {
      if (sent % 500 === 0) process.stdout.write(`  ${sent} sent\n`);
    },
  });
  const ownSeconds = (performance.now() - ownStarted) / 1_000;

  process.stdout.write(
    `fuzz: ${bursts} concurrent-mutation bursts, ${burstClients} clients x ${burstOps} writes\n`,
  );
  const burst = await runBursts({
    url: server.url,
    database,
    keys: Object.fromEntries(
      Object.entries(burstKeys).map(([writer, made]) => [writer, made.key]),
    ) as Record<BurstWriter, string>,
    bursts,
    clients: burstClients,
    opsPerClient: burstOps,
    seed,
    deadline: deadline - stSeconds * 1_000,
    errorLog: apiErrors,
    onBurst: (done, counts) => {
      if (done % 5 === 0 || counts.violations > 0)
        process.stdout.write(
          `  ${done} bursts, ${counts.requests} requests, ${counts.violations} violations\n`,
        );
    },
  });

  const stBudget = Math.max(30, Math.min(stSeconds, (deadline - Date.now()) / 1_000 - 30));
  process.stdout.write(
    `fuzz: Schemathesis, ${stExamples} examples per root field, ${Math.round(stBudget)} s\n`,
  );
  const st = await fuzzWithSchemathesis({
    database,
    apiUrl: server.url,
    schema,
    apiKey: admin.key,
    maxExamples: stExamples,
    seed,
    maxTimeSeconds: Math.round(stBudget),
    killAfterSeconds: Math.round(stBudget) + 120,
  });

  const summary = (counts: FuzzCounts) => ({
    ...counts,
    findings: counts.findings.length,
    findingsShown: counts.findings.slice(0, 50),
  });
  const file = writeResult('fuzz-historical', {
    seed,
    durationSeconds: Math.round((Date.now() - started) / 1_000),
    neo4j: database.serverAgent,
    dataset,
    knownBugs: KNOWN_BUGS.map(({ id, description, example }) => ({ id, description, example })),
    apiErrorLog: apiErrors,
    own: { seconds: Math.round(ownSeconds), requested: inputs, ...summary(own) },
    bursts: {
      requested: bursts,
      clients: burstClients,
      writesPerClient: burstOps,
      ...burst,
      findings: burst.findings.slice(0, 20),
    },
    schemathesis: { ...st.schemathesis, observed: summary(st.counts) },
  });
  const failed =
    own.findings.length + st.counts.findings.length + burst.violations > 0 ||
    st.schemathesis.exitCode !== 0 ||
    st.schemathesis.generated === 0;
  process.stdout.write(
    [
      `own generator: ${own.inputs} inputs in ${Math.round(ownSeconds)} s, errors by code ${JSON.stringify(own.errorsByCode)}`,
      `  known bugs ${JSON.stringify(own.knownBugs)}, findings ${own.findings.length}`,
      `bursts: ${burst.bursts} of ${burstClients} clients, ${burst.requests} requests in ${burst.sendingSeconds} s (${burst.requestsPerSecond}/s), violations ${burst.violations}`,
      `  acknowledged ${JSON.stringify(burst.acknowledged)}, refused ${JSON.stringify(burst.refusals)}`,
      `Schemathesis ${st.schemathesis.version}: ${st.schemathesis.generated} test cases, ${st.counts.inputs} requests in ${st.schemathesis.seconds} s, exit ${st.schemathesis.exitCode}`,
      `  errors by code ${JSON.stringify(st.counts.errorsByCode)}, known bugs ${JSON.stringify(st.counts.knownBugs)}, findings ${st.counts.findings.length}`,
      `wrote ${file}`,
      failed ? 'FAILED: see the findings in the report' : 'passed',
      '',
    ].join('\n'),
  );
  if (failed) {
    for (const finding of [...own.findings, ...st.counts.findings].slice(0, 10))
      process.stdout.write(
        `- ${finding.problem}\n  ${finding.request.slice(0, 400)}\n  -> ${finding.status} ${finding.response.slice(0, 400)}\n`,
      );
    for (const finding of burst.findings.slice(0, 5))
      process.stdout.write(
        `- burst ${finding.burst} (seed ${finding.seed}): ${finding.problem}\n${finding.exchanges
          .slice(0, 20)
          .map((line) => `    ${line}\n`)
          .join('')}`,
      );
    if (st.schemathesis.exitCode !== 0) process.stdout.write(`${st.schemathesis.outputTail}\n`);
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  await stop();
}
