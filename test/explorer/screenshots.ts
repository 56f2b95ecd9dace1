import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { loadDataset } from '../../src/import/index.js';
import { createLogger } from '../../src/log/index.js';
import { boltAnswers, openDatabase } from '../../src/neo4j/index.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { startServer } from '../../src/server/index.js';
import { ExplorerPage, launchChromium } from '../support/explorerBrowser.js';
import { keysOnly, serverOptions } from '../support/testApi.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where the README's screenshots live. */
const OUT_DIR = path.join(ROOT, 'docs/img');

/**
 * `npm run explorer:screenshots`: the README's pictures of the explorer. A Neo4j of its own
 * (port EXPLORER_NEO4J_PORT, default 7694; store `.neo4j/screenshots`, wiped first) gets the
 * historical dataset, the API serves the built explorer in this process with a key made for the
 * run, and headless Chromium takes 1280x800 screenshots into docs/img/: Kim Philby's reach with
 * the SIS-CIA channel's path highlighted, the side panel with that channel's sources, and the
 * agents exposing it.
 */
async function main(): Promise<void> {
  const log = createLogger('warn');
  const port = Number(process.env['EXPLORER_NEO4J_PORT'] ?? 7694);
  const uri = `bolt://127.0.0.1:${port}`;
  if (await boltAnswers(uri))
    throw new Error(`something already answers at ${uri}; stop it or set EXPLORER_NEO4J_PORT`);
  const dataDir = path.join(ROOT, '.neo4j/screenshots');
  await rm(dataDir, { recursive: true, force: true });
  // Closing it stops the Neo4j it started.
  const database = await openDatabase(
    {
      kind: 'local',
      port,
      dataDir,
      heap: '1g',
      pageCache: '512m',
      javaHome: process.env['JAVA_HOME'] || undefined,
    },
    { txTimeoutMs: 60_000, connectTimeoutMs: 30_000 },
    log,
  );
  const analyst = newApiKeyRecord({
    name: 'screenshots',
    role: 'analyst',
    clearance: 'TOP_SECRET',
    nationality: null,
  });
  try {
    await applyMigrations(database.executor, log);
    await loadDataset(database.executor, log);
    const server = await startServer(
      database,
      serverOptions({ auth: keysOnly([analyst.record]) }),
      log,
    );
    try {
      await shoot(server.origin, analyst.key);
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
  }
}

async function shoot(origin: string, key: string): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const chromium = await launchChromium();
  try {
    const explorer = new ExplorerPage(await chromium.context.newPage());
    await explorer.open(origin, key);
    await explorer.search('Philby');
    await explorer.pick('kim-philby');
    await explorer.run();
    await explorer.row('sis-cia').hover();
    await save(explorer, 'explorer-reach.png');

    await explorer.page.mouse.move(1, 1);
    await explorer.clickElement('sis-cia');
    await save(explorer, 'explorer-sources.png');

    await explorer.choose('exposure');
    await explorer.fill('target', 'sis-cia');
    await explorer.run();
    await explorer.row('kim-philby').hover();
    await save(explorer, 'explorer-exposure.png');
  } finally {
    await chromium.close();
  }
}

async function save(explorer: ExplorerPage, name: string): Promise<void> {
  const file = path.join(OUT_DIR, name);
  await explorer.page.screenshot({ path: file });
  process.stdout.write(`wrote ${path.relative(ROOT, file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `explorer:screenshots: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
