import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { countGraph } from '../../src/cypher/index.js';
import type { GraphDocument } from '../../src/import/graphDocument.js';
import {
  HISTORICAL_DIR,
  ImportError,
  loadDataset,
  readGraphFiles,
  type Section,
} from '../../src/import/index.js';
import type { Database } from '../../src/neo4j/index.js';
import { connectTestDatabase, resetDatabase, testLog } from '../support/connect.js';
import { entry, expectedTotals, indexOf, readHistorical } from './historicalDataset.js';

const DOCUMENTS_DIR = path.join(HISTORICAL_DIR, '..', 'documents');

let database: Database;
const historical = readHistorical();
const expected = expectedTotals(historical);
const tempDirs: string[] = [];

beforeAll(async () => {
  database = connectTestDatabase();
  await resetDatabase(database);
});

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  await database.close();
});

/** The whole graph's node and link counts, read from the database. */
async function graphCounts(): Promise<unknown> {
  const rows = await database.executor.read(countGraph());
  return rows[0]?.['counts'];
}

/**
 * A copy of the historical folder with `documents/` beside it, as the loader expects, after
 * `edit` has changed the parsed entries of one file.
 */
function corruptedCopy<S extends Section>(
  section: S,
  edit: (entries: GraphDocument[S][number][]) => void,
): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'liaison-dataset-'));
  tempDirs.push(root);
  const dir = path.join(root, 'historical');
  cpSync(HISTORICAL_DIR, dir, { recursive: true });
  cpSync(DOCUMENTS_DIR, path.join(root, 'documents'), { recursive: true });
  const file = path.join(dir, `${section}.yaml`);
  const entries = parse(readFileSync(file, 'utf8')) as GraphDocument[S][number][];
  edit(entries);
  writeFileSync(file, stringify(entries));
  return dir;
}

/** The ImportError a load of `dir` is refused with (with reset, to prove the rollback). */
async function refusal(dir: string): Promise<ImportError> {
  try {
    await loadDataset(database.executor, testLog, { dir, reset: true });
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`the dataset in ${dir} was accepted`);
}

describe('loading the historical dataset', () => {
  it('writes exactly the nodes and links the YAML files declare', async () => {
    const summary = await loadDataset(database.executor, testLog, { reset: true });
    expect(summary.totals).toEqual(expected);
    expect(summary.written).toEqual(expected);
    expect(await graphCounts()).toEqual(expected);
  });

  it('meets the minimum size of the dataset', () => {
    expect(expected['Service']).toBeGreaterThanOrEqual(40);
    expect(expected['Officer']).toBeGreaterThanOrEqual(25);
    expect(expected['LiaisonChannel']).toBeGreaterThanOrEqual(25);
    expect(expected['Operation']).toBeGreaterThanOrEqual(15);
    expect(expected['AGENT_OF']).toBeGreaterThanOrEqual(10);
  });

  it('is idempotent: loading it again without reset changes no count', async () => {
    await loadDataset(database.executor, testLog, { reset: true });
    const again = await loadDataset(database.executor, testLog);
    expect(again.totals).toEqual(expected);
    expect(again.written).toEqual(expected);
    expect(await graphCounts()).toEqual(expected);
  });

  it('keeps other entities without reset and replaces the whole graph with reset', async () => {
    await database.executor.write({
      cypher:
        "CREATE (:Service {id: 'stray-service', name: 'Stray', kind: 'SIGINT', classification: 'UNCLASSIFIED'})",
      params: {},
    });
    const kept = await loadDataset(database.executor, testLog);
    expect(kept.totals).toEqual({ ...expected, Service: (expected['Service'] ?? 0) + 1 });

    const replaced = await loadDataset(database.executor, testLog, { reset: true });
    expect(replaced.totals).toEqual(expected);
    expect(await graphCounts()).toEqual(expected);
  });
});

describe('a bad dataset folder is refused whole, and the database is untouched', () => {
  let before: unknown;

  beforeAll(async () => {
    await loadDataset(database.executor, testLog, { reset: true });
    before = await graphCounts();
    expect(before).toEqual(expected);
  });

  it('names the file, entry, id and field of a value outside its vocabulary', async () => {
    const dir = corruptedCopy('officers', (officers) => {
      const philby = entry(officers, 'kim-philby');
      const nkvd = philby.agentOf?.[0];
      if (nkvd?.service !== 'nkvd') throw new Error('expected Philby agentOf[0] to be the NKVD');
      Object.assign(nkvd, { confidence: 'SURE' });
    });
    const error = await refusal(dir);
    const index = indexOf(historical.officers, 'kim-philby');
    expect(error.problems).toEqual([
      {
        file: 'officers.yaml',
        entry: index,
        id: 'kim-philby',
        field: 'agentOf[0].confidence',
        message: 'Invalid option: expected one of "CONFIRMED"|"SUSPECTED"; got "SURE"',
      },
    ]);
    expect(error.message).toBe(
      'the graph document was refused (1 problem); nothing was written:\n' +
        `officers.yaml: entry ${index} (kim-philby): agentOf[0].confidence: Invalid option: expected one of "CONFIRMED"|"SUSPECTED"; got "SURE"`,
    );
    expect(await graphCounts()).toEqual(before);
  });

  it('names the link that references an id defined nowhere, and rolls back the reset', async () => {
    const dir = corruptedCopy('channels', (channels) => {
      const party = entry(channels, 'sis-cia').parties?.[1];
      if (party?.service !== 'cia') throw new Error('expected sis-cia parties[1] to be the CIA');
      party.service = 'no-such-service';
    });
    const error = await refusal(dir);
    expect(error.problems).toEqual([
      {
        file: 'channels.yaml',
        entry: indexOf(historical.channels, 'sis-cia'),
        id: 'sis-cia',
        field: 'parties[1]',
        message: '"no-such-service" names nothing, neither in the document nor in the database',
        kind: 'missing',
      },
    ]);
    // The refusal came after `reset` had deleted the graph inside the same transaction.
    expect(await graphCounts()).toEqual(before);
  });

  it('names the citation whose quote is not in the cited lines', async () => {
    const philby = entry(historical.officers, 'kim-philby');
    const citation = philby.postedTo?.[0]?.sources[0];
    if (citation === undefined || !('lines' in citation))
      throw new Error('expected Philby postedTo[0] to cite document lines first');
    const file = entry(historical.sources, citation.source).file;
    const dir = corruptedCopy('officers', (officers) => {
      const cited = entry(officers, 'kim-philby').postedTo?.[0]?.sources[0];
      if (cited === undefined || !('quote' in cited)) throw new Error('citation moved');
      cited.quote = 'Philby was never in Washington';
    });
    const error = await refusal(dir);
    expect(error.problems).toEqual([
      {
        file: 'officers.yaml',
        entry: indexOf(historical.officers, 'kim-philby'),
        id: 'kim-philby',
        field: 'postedTo[0].sources[0]',
        message: `the quote does not appear in lines ${citation.lines[0]}-${citation.lines[1]} of ${file}: "Philby was never in Washington"`,
      },
    ]);
    expect(await graphCounts()).toEqual(before);
  });

  it('names a citation of lines past the end of its document', async () => {
    const citation = entry(historical.services, 'cia').sources[0];
    if (citation === undefined || !('lines' in citation))
      throw new Error('expected the CIA to cite document lines first');
    const file = entry(historical.sources, citation.source).file ?? '';
    const length = readFileSync(path.join(DOCUMENTS_DIR, file), 'utf8').split('\n').length;
    const dir = corruptedCopy('services', (services) => {
      const cited = entry(services, 'cia').sources[0];
      if (cited === undefined || !('lines' in cited)) throw new Error('citation moved');
      cited.lines = [length + 1, length + 2];
    });
    const error = await refusal(dir);
    expect(error.problems).toEqual([
      {
        file: 'services.yaml',
        entry: indexOf(historical.services, 'cia'),
        id: 'cia',
        field: 'sources[0]',
        message: `cites lines ${length + 1}-${length + 2} of ${file}, which has ${length} lines`,
      },
    ]);
    expect(await graphCounts()).toEqual(before);
  });

  it('reports every problem of the folder at once', async () => {
    const dir = corruptedCopy('officers', (officers) => {
      Object.assign(entry(officers, 'kim-philby').agentOf?.[0] ?? {}, { confidence: 'SURE' });
    });
    const services = path.join(dir, 'services.yaml');
    const entries = parse(readFileSync(services, 'utf8')) as Record<string, unknown>[];
    Object.assign(entries[indexOf(historical.services, 'gchq')] ?? {}, { kind: 'CODEBREAKING' });
    writeFileSync(services, stringify(entries));

    const error = await refusal(dir);
    expect(error.problems.map((p) => [p.file, p.id, p.field])).toEqual([
      ['services.yaml', 'gchq', 'kind'],
      ['officers.yaml', 'kim-philby', 'agentOf[0].confidence'],
    ]);
    expect(await graphCounts()).toEqual(before);
  });
});

describe('document citations', () => {
  it('are all verified against their documents when the real dataset is read', () => {
    expect(() => readGraphFiles(HISTORICAL_DIR)).not.toThrow();
    expect(readGraphFiles(HISTORICAL_DIR)).toEqual(historical);
  });

  it('each quote of the real dataset appears in its cited lines (checked here independently)', () => {
    const files = new Map(historical.sources.map((s) => [s.id, s.file]));
    const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
    const missing: string[] = [];
    let checked = 0;
    const visit = (value: unknown, where: string): void => {
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          visit(item, `${where}[${i}]`);
        });
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      const citation = value as { source?: unknown; lines?: unknown; quote?: unknown };
      if (typeof citation.quote === 'string' && Array.isArray(citation.lines)) {
        const [first, last] = citation.lines as [number, number];
        const file = files.get(String(citation.source)) ?? '';
        const lines = readFileSync(path.join(DOCUMENTS_DIR, file), 'utf8').split('\n');
        checked += 1;
        if (!collapse(lines.slice(first - 1, last).join(' ')).includes(collapse(citation.quote)))
          missing.push(where);
        return;
      }
      for (const [key, inner] of Object.entries(value)) visit(inner, `${where}.${key}`);
    };
    visit(historical, 'dataset');
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
