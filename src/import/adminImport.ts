import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { findJava, NEO4J_JVM_OPENS } from '../neo4j/java.js';
import { ensureRuntimeBuilt } from '../neo4j/runtimeBuild.js';
import type { Logger } from '../log/index.js';
import { ARRAY_DELIMITER, type CsvGroup } from './importCsv.js';

/** Where the importer is: one of its four stages (`Node import`, ...) and how far into it. */
export interface ImporterProgress {
  readonly stage: string;
  readonly step: number;
  readonly steps: number;
  readonly percent: number;
}

/** What the importer reports having written. */
export interface ImporterResult {
  readonly nodes: number;
  readonly relationships: number;
  readonly properties: number;
  readonly ms: number;
}

const unicode = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The arguments of `neo4j-admin database import full` for these CSV groups: into database
 * `neo4j`, replacing whatever files it has (the caller has checked the store is empty), with
 * no tolerance for bad entries (the caller has checked the document: one would be a bug).
 */
export function importerArguments(groups: readonly CsvGroup[], reportFile: string): string[] {
  const list = (files: readonly string[]) => {
    for (const file of files)
      if (file.includes(','))
        throw new Error(`the importer's file lists are comma-separated; ${file} has a comma`);
    return files.join(',');
  };
  return [
    'neo4j',
    '--overwrite-destination=true',
    `--array-delimiter=${unicode(ARRAY_DELIMITER)}`,
    '--bad-tolerance=0',
    `--report-file=${reportFile}`,
    ...groups.map((group) => `--${group.kind}=${group.labels.join(':')}=${list(group.files)}`),
  ];
}

/**
 * Runs Neo4j's offline importer (Community 5.26, through the launcher's `OfflineImport`, see
 * neo4j-runtime) on the local store `dataDir`, which no Neo4j may have open. Calls `onProgress`
 * as the importer moves through its stages; rejects with the importer's own last lines when it
 * fails.
 */
export async function runAdminImport(options: {
  readonly dataDir: string;
  readonly javaHome: string | undefined;
  readonly heap: string;
  readonly groups: readonly CsvGroup[];
  readonly reportFile: string;
  readonly log: Logger;
  readonly onProgress?: (progress: ImporterProgress) => void;
}): Promise<ImporterResult> {
  const java = await findJava(options.javaHome);
  const build = await ensureRuntimeBuilt(options.log);
  const args = [
    `-Xmx${options.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    ...NEO4J_JVM_OPENS,
    '-cp',
    build.classpath,
    'org.liaisongraph.runtime.OfflineImport',
    `--home=${path.resolve(options.dataDir)}`,
    ...importerArguments(options.groups, options.reportFile),
  ];
  const started = Date.now();
  const child = spawn(java.command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  let cause: string | undefined;
  const keep = (line: string) => {
    // OfflineImport's line: the importer alone says only "Error importing csv file".
    if (line.startsWith('CAUSE ')) cause = line.slice('CAUSE '.length);
    if (line.trim() === '' || /^[.-]/.test(line)) return;
    tail.push(line);
    if (tail.length > 12) tail.shift();
  };
  const counts = { nodes: 0, relationships: 0, properties: 0 };
  let stage: Omit<ImporterProgress, 'percent'> | undefined;
  createInterface({ input: child.stdout }).on('line', (line) => {
    keep(line);
    const begun = /^\((\d+)\/(\d+)\) (.+?) \d{4}-\d\d-\d\d/.exec(line);
    if (begun) {
      stage = { step: Number(begun[1]), steps: Number(begun[2]), stage: begun[3] ?? '' };
      options.onProgress?.({ ...stage, percent: 0 });
      return;
    }
    const percent = /(\d+)% ∆/.exec(line);
    if (percent && stage) options.onProgress?.({ ...stage, percent: Number(percent[1]) });
    const imported = /^\s+(\d+) (nodes|relationships|properties)$/.exec(line);
    if (imported) counts[imported[2] as keyof typeof counts] = Number(imported[1]);
  });
  createInterface({ input: child.stderr }).on('line', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0)
    throw new Error(
      `the offline importer failed (exit ${code ?? 'by signal'})${cause === undefined ? '' : `: ${cause}`}; its last lines:\n  ${tail.join('\n  ')}`,
    );
  return { ...counts, ms: Date.now() - started };
}
