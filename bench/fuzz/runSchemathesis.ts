import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { Database } from '../../src/neo4j/index.js';
import { ensureVenv } from '../pythonVenv.js';
import { FuzzObserver, type FuzzCounts } from './fuzzObserver.js';
import { ALLOWED_CODES } from './judgeResponse.js';
import { startObservingProxy } from './observingProxy.js';

const FUZZ_DIR = fileURLToPath(new URL('../../fuzz/', import.meta.url));

/**
 * Makes (or finds) the Python environment with Schemathesis (fuzz/requirements.txt, in
 * node_modules/.cache/liaison-fuzz/venv or $FUZZ_VENV) and returns its path. Throws when it
 * cannot: a fuzz run without its independent fuzzer is a failed run, not a skipped one.
 */
function ensureFuzzVenv(): string {
  return ensureVenv({
    purpose: 'Schemathesis',
    requirements: 'fuzz/requirements.txt',
    venv: process.env['FUZZ_VENV'] ?? 'node_modules/.cache/liaison-fuzz/venv',
    program: 'st',
  });
}

export interface SchemathesisOptions {
  /** The venv of `ensureFuzzVenv`. */
  readonly venv: string;
  /** The `/graphql` URL to test (the observing proxy's). */
  readonly url: string;
  /** The schema, written to a file for Schemathesis (introspection is not relied on). */
  readonly schema: GraphQLSchema;
  /** Sent as `X-API-Key` with every request. */
  readonly apiKey: string;
  /** Codes the hooks' own check accepts when no verdict header is there. */
  readonly allowedCodes: Iterable<string>;
  /** Test cases per root field (`--max-examples`). */
  readonly maxExamples: number;
  readonly seed: number;
  /** Schemathesis's own time budget (`--max-time`), if any: it fuzzes until it is spent. */
  readonly maxTimeSeconds?: number;
  /** The process is killed after this long, and the run counts as failed. */
  readonly killAfterSeconds: number;
  /** Where Schemathesis runs and writes its report (a temporary folder). */
  readonly workDir: string;
}

/** Schemathesis's own account of a run (its JSON report), and how it ended. */
export interface SchemathesisResult {
  readonly version: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly killed: boolean;
  readonly seconds: number;
  readonly operationsTested: number;
  /** Test cases it generated (each one or more requests). */
  readonly generated: number;
  readonly withFailures: number;
  /** Its failures by kind: title, count and the root fields. */
  readonly failures: readonly { title: string; count: number; operations: string[] }[];
  /** Errors of the run itself (e.g. a scalar it could not generate). */
  readonly errors: readonly { title: string; count: number }[];
  /** The last lines it printed, for a failed run. */
  readonly outputTail: string;
}

/**
 * Runs `st run` in GraphQL mode: every root field of the schema file, `maxExamples` cases each
 * (fuzzing, then stateful), judged by the check `coded_errors_only` of fuzz/schemathesis_hooks.py,
 * with one worker so that the proxy sees requests in order.
 */
async function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisResult> {
  const schemaFile = path.join(options.workDir, 'schema.graphql');
  const reportFile = path.join(options.workDir, 'report.json');
  writeFileSync(schemaFile, printSchema(options.schema));
  const args = [
    'run',
    schemaFile,
    '--url',
    options.url,
    '--header',
    `X-API-Key: ${options.apiKey}`,
    '--checks',
    'coded_errors_only',
    '--max-examples',
    String(options.maxExamples),
    '--seed',
    String(options.seed),
    '--workers',
    '1',
    '--phases',
    'fuzzing,stateful',
    '--generation-database',
    'none',
    '--request-timeout',
    '60',
    '--report',
    'json',
    '--report-json-path',
    reportFile,
    '--no-color',
    ...(options.maxTimeSeconds === undefined ? [] : ['--max-time', String(options.maxTimeSeconds)]),
  ];
  const started = performance.now();
  const output: string[] = [];
  const child = spawn(path.join(options.venv, 'bin', 'st'), args, {
    cwd: options.workDir,
    env: {
      ...process.env,
      SCHEMATHESIS_HOOKS: path.join(FUZZ_DIR, 'schemathesis_hooks.py'),
      FUZZ_ALLOWED_CODES: [...options.allowedCodes].join(','),
      PYTHONDONTWRITEBYTECODE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, options.killAfterSeconds * 1_000);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      resolve(code);
    });
  });
  clearTimeout(timer);
  const outputTail = output.join('').split('\n').slice(-40).join('\n');
  const report = readReport(reportFile);
  return {
    version: report?.schemathesis_version ?? 'unknown',
    command: `st ${args.map((a) => (a.startsWith('X-API-Key') ? 'X-API-Key: [key]' : a)).join(' ')}`,
    exitCode,
    killed,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    operationsTested: report?.operations.tested ?? 0,
    generated: report?.test_cases.generated ?? 0,
    withFailures: report?.test_cases.with_failures ?? 0,
    failures: (report?.failures ?? []).map((f) => ({
      title: f.title,
      count: f.count,
      operations: f.operations,
    })),
    errors: (report?.errors ?? []).map((e) => ({ title: e.title, count: e.count })),
    outputTail,
  };
}

/** The parts of Schemathesis's JSON report that are used. */
interface Report {
  readonly schemathesis_version: string;
  readonly operations: { readonly tested: number };
  readonly test_cases: { readonly generated: number; readonly with_failures: number };
  readonly failures: readonly { title: string; count: number; operations: string[] }[];
  readonly errors: readonly { title: string; count: number }[];
}

function readReport(file: string): Report | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch {
    return undefined;
  }
}

export interface SchemathesisFuzzOptions extends Pick<
  SchemathesisOptions,
  'schema' | 'apiKey' | 'maxExamples' | 'seed' | 'maxTimeSeconds' | 'killAfterSeconds'
> {
  /** The API's database, watched for changes by refused requests. */
  readonly database: Database;
  /** The API's `/graphql` URL. */
  readonly apiUrl: string;
}

/**
 * Schemathesis against the API through the observing proxy, in a temporary folder: what it
 * reported itself, and what our observer counted of the same requests.
 */
export async function fuzzWithSchemathesis(
  options: SchemathesisFuzzOptions,
): Promise<{ counts: FuzzCounts; schemathesis: SchemathesisResult }> {
  const venv = ensureFuzzVenv();
  const workDir = mkdtempSync(path.join(tmpdir(), 'liaison-fuzz-'));
  const observer = await FuzzObserver.start(options.database);
  const proxy = await startObservingProxy(options.apiUrl, observer, (headers) =>
    headers['x-api-key'] === options.apiKey ? 'admin' : headers['x-api-key'] ? 'other-key' : 'none',
  );
  try {
    const schemathesis = await runSchemathesis({
      ...options,
      venv,
      url: proxy.url,
      allowedCodes: ALLOWED_CODES,
      workDir,
    });
    return { counts: await observer.finish(), schemathesis };
  } finally {
    await proxy.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
