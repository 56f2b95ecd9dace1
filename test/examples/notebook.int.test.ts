import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureVenv, REPO_ROOT } from '../../bench/pythonVenv.js';
import {
  ExposureDocument,
  PenetrationReachDocument,
  ReachWindowsDocument,
} from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { useTestApi } from '../support/testApi.js';
import { TEST_KEYS } from '../support/testKeys.js';

const api = useTestApi();

/** What test/examples/run_notebook.py prints about one code cell. */
interface CellSummary {
  readonly index: number;
  readonly tags: readonly string[];
  /** `stream`, `error` and the MIME types of its outputs (`image/png`, `text/html`, ...). */
  readonly outputTypes: readonly string[];
  /** The tables of its HTML outputs: rows of cell texts, the header row first. */
  readonly tables: readonly (readonly (readonly string[])[])[];
  readonly error: { readonly ename: string; readonly evalue: string } | null;
}

/** What test/examples/run_notebook.py prints about a run. */
interface RunSummary {
  /** The first cell that raised, if one did (execution stops there). */
  readonly error: {
    readonly index: number;
    readonly ename: string;
    readonly evalue: string;
  } | null;
  readonly codeCells: number;
  readonly executed: number;
  readonly cells: readonly CellSummary[];
}

interface NotebookRun {
  readonly summary: RunSummary;
  /** The kernel's working directory: the files the notebook wrote, and executed.ipynb. */
  readonly workDir: string;
}

let python = '';

beforeAll(() => {
  // Made here (once; ~35 s from PyPI), never skipped: without Python 3.11+ or PyPI this fails
  // and says which.
  const venv = ensureVenv({
    purpose: 'notebook',
    requirements: 'examples/requirements.txt',
    venv: 'node_modules/.cache/liaison-examples/venv',
    program: 'jupyter-execute',
  });
  python = path.join(venv, 'bin', 'python');
}, 600_000);

/**
 * Executes examples/penetration-paths.ipynb top to bottom in a fresh working directory, against
 * the test API with `apiKey`. Asynchronous on purpose: the API answering the notebook runs in
 * this process.
 */
function runNotebook(apiKey: string): Promise<NotebookRun> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'liaison-notebook-'));
  const runner = path.join(REPO_ROOT, 'test', 'examples', 'run_notebook.py');
  const notebook = path.join(REPO_ROOT, 'examples', 'penetration-paths.ipynb');
  const child = spawn(python, [runner, notebook, workDir], {
    cwd: workDir,
    env: {
      ...process.env,
      LIAISON_URL: api.server.url,
      LIAISON_API_KEY: apiKey,
      JUPYTER_RUNTIME_DIR: workDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`run_notebook.py exited with ${String(code)}: ${stderr.slice(-4000)}`));
        return;
      }
      resolve({ summary: JSON.parse(stdout) as RunSummary, workDir });
    });
  });
}

function cellTagged(summary: RunSummary, tag: string): CellSummary {
  const cell = summary.cells.find((c) => c.tags.includes(tag));
  if (!cell) throw new Error(`the notebook has no code cell tagged ${tag}`);
  return cell;
}

/** The first table a cell showed, as one record per row keyed by the column headers. */
function tableOf(cell: CellSummary): Record<string, string>[] {
  const [header, ...rows] = cell.tables[0] ?? [];
  if (!header) throw new Error(`cell ${cell.index} (${cell.tags.join()}) showed no table`);
  return rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i] ?? ''])));
}

/** `{ id: hops }` of reached or exposed elements. */
function hopsOf<T extends { hops: number }>(
  items: readonly T[],
  id: (item: T) => string,
): Record<string, number> {
  return Object.fromEntries(items.map((item) => [id(item), item.hops] as const));
}

/** `{ id: hops }` of a table with an id column (`idColumn`) and a hops column. */
function hopsIn(rows: readonly Record<string, string>[], idColumn: string) {
  return Object.fromEntries(rows.map((row) => [row[idColumn] ?? '', Number(row['hops'])] as const));
}

async function philbyReach() {
  const response = await postGraphQL(api.server.url, PenetrationReachDocument, {
    agent: 'kim-philby',
  });
  expect(response.errors).toBeUndefined();
  const reach = response.data?.penetrationReach;
  if (!reach) throw new Error('no reach for kim-philby');
  return reach;
}

describe('examples/penetration-paths.ipynb, run top to bottom against the API', () => {
  it('runs every cell, and its tables, figure and GraphML agree with the API', async () => {
    const { summary, workDir } = await runNotebook(TEST_KEYS.admin);
    const failed = summary.cells.filter((cell) => cell.error !== null);
    expect(failed, `executed notebook: ${path.join(workDir, 'executed.ipynb')}`).toEqual([]);
    expect(summary.error).toBeNull();
    expect(summary.executed).toBe(summary.codeCells);

    // Philby's reach tables hold what the API answers for the same (default) filters.
    const reach = await philbyReach();
    const channels = hopsIn(tableOf(cellTagged(summary, 'reach-channels')), 'id');
    const operations = hopsIn(tableOf(cellTagged(summary, 'reach-operations')), 'id');
    const apiChannels = hopsOf(reach.channels, (c) => c.channel.id);
    const apiOperations = hopsOf(reach.operations, (o) => o.operation.id);
    expect(channels).toEqual(apiChannels);
    expect(operations).toEqual(apiOperations);
    expect(channels).toHaveProperty('sis-cia', apiChannels['sis-cia']);
    expect(operations).toHaveProperty(
      'albania-infiltration',
      apiOperations['albania-infiltration'],
    );

    // The SIS-CIA exposure table lists the agents the API names, Philby among them.
    const exposure = await postGraphQL(api.server.url, ExposureDocument, { target: 'sis-cia' });
    expect(exposure.errors).toBeUndefined();
    const exposed = hopsIn(tableOf(cellTagged(summary, 'exposure-sis-cia')), 'agent');
    expect(exposed).toEqual(hopsOf(exposure.data?.exposure.agents ?? [], (a) => a.agent.id));
    expect(Object.keys(exposed)).toContain('kim-philby');

    // The citations table cites every link on the paths to SIS-CIA and the Albania operation.
    const cited = new Set(tableOf(cellTagged(summary, 'citations')).map((row) => row['element']));
    const pathLinks = [
      ...(reach.channels.find((c) => c.channel.id === 'sis-cia')?.path.links ?? []),
      ...(reach.operations.find((o) => o.operation.id === 'albania-infiltration')?.path.links ??
        []),
    ].filter((link) => link.type !== 'OF');
    expect(pathLinks.length).toBeGreaterThan(0);
    for (const link of pathLinks) expect(cited).toContain(link.id);
    expect(cited).toContain('sis-cia');
    expect(cited).toContain('albania-infiltration');

    // The windows table: one row per element, reading and window, exactly the API's answer
    // with certainty POSSIBLE (the notebook's default maxHops, 3); the possible-only table
    // lists exactly the POSSIBLE elements; the timeline was drawn.
    const windows = await postGraphQL(api.server.url, ReachWindowsDocument, {
      agent: 'kim-philby',
      certainty: 'POSSIBLE',
    });
    expect(windows.errors).toBeUndefined();
    const found = windows.data?.penetrationReach;
    const expected = [
      ...(found?.channels.map((c) => ({ ...c, id: c.channel.id })) ?? []),
      ...(found?.services.map((s) => ({ ...s, id: s.service.id })) ?? []),
      ...(found?.operations.map((o) => ({ ...o, id: o.operation.id })) ?? []),
    ].flatMap((e) => [
      ...e.windows.map((w) => `${e.id} CERTAIN ${w.window.from} ${w.window.to} ${e.certainty}`),
      ...(e.possibleWindows ?? []).map(
        (w) => `${e.id} POSSIBLE ${w.window.from} ${w.window.to} ${e.certainty}`,
      ),
    ]);
    const rows = tableOf(cellTagged(summary, 'reach-windows')).map(
      (r) => `${r['element']} ${r['certainty']} ${r['from']} ${r['to']} ${r['element certainty']}`,
    );
    expect([...rows].sort()).toEqual([...expected].sort());
    const onlyPossible = new Set(
      tableOf(cellTagged(summary, 'reach-only-possible')).map((r) => r['element']),
    );
    expect(onlyPossible).toEqual(
      new Set(
        [...(found?.channels ?? []), ...(found?.services ?? []), ...(found?.operations ?? [])]
          .filter((e) => e.certainty === 'POSSIBLE')
          .map((e) =>
            'channel' in e ? e.channel.id : 'service' in e ? e.service.id : e.operation.id,
          ),
      ),
    );
    expect(onlyPossible.has('us-imagery-counternarcotics')).toBe(true);
    expect(cellTagged(summary, 'reach-timeline').outputTypes).toContain('image/png');

    // The reach graph was drawn.
    expect(cellTagged(summary, 'draw').outputTypes).toContain('image/png');

    // The API's GraphML was saved where the notebook ran, with the reach graph's nodes.
    const graphml = readFileSync(path.join(workDir, 'kim-philby-reach.graphml'), 'utf8');
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'node' || name === 'edge',
    }).parse(graphml) as { graphml: { graph: { node: { id: string }[] } } };
    const fileNodeIds = parsed.graphml.graph.node.map((node) => node.id).sort();
    expect(fileNodeIds).toEqual(reach.graph.nodes.map((node) => node.id).sort());
    rmSync(workDir, { recursive: true }); // kept when a check fails, to read executed.ipynb
  }, 300_000);

  it('stops at the first request with UNAUTHENTICATED when the key is wrong', async () => {
    // Well formed (lgk_<12 hex>_<43 base64url>), so it is refused as unknown, not as malformed.
    const wrongKey = `lgk_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`;
    const { summary, workDir } = await runNotebook(wrongKey);
    expect(summary.error).toMatchObject({
      index: cellTagged(summary, 'agents').index,
      ename: 'ApiError',
    });
    expect(summary.error?.evalue).toMatch(/^UNAUTHENTICATED: .* \[HTTP 401\]$/);
    rmSync(workDir, { recursive: true });
  }, 300_000);
});
