import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Logger } from '../log/index.js';
import { StartupError } from './startupError.js';

const run = promisify(execFile);

/** The Maven project of the local Neo4j launcher. */
export const RUNTIME_DIR = fileURLToPath(new URL('../../neo4j-runtime/', import.meta.url));

/** What `java` needs to start the launcher. */
export interface RuntimeBuild {
  readonly classpath: string;
  readonly mainClass: string;
}

const TARGET = path.join(RUNTIME_DIR, 'target');
const STAMP = path.join(TARGET, '.build-stamp');

/**
 * Builds the launcher with Maven unless a build of the same sources exists. The stamp is a hash
 * of the POM and the Java sources, so editing either rebuilds, and a clean clone builds once.
 */
export async function ensureRuntimeBuilt(log: Logger): Promise<RuntimeBuild> {
  const build: RuntimeBuild = {
    classpath: [path.join(TARGET, 'neo4j-runtime.jar'), path.join(TARGET, 'lib', '*')].join(
      path.delimiter,
    ),
    mainClass: 'org.liaisongraph.runtime.Launcher',
  };
  const stamp = await sourceHash();
  if (existsSync(STAMP) && (await readFile(STAMP, 'utf8')) === stamp) return build;

  const mvn = process.env['MAVEN_CMD'] ?? 'mvn';
  log.info('building the local Neo4j runtime with Maven (first start only)', { dir: RUNTIME_DIR });
  const started = Date.now();
  try {
    await run(mvn, ['-B', '-q', '-DskipTests', 'package'], {
      cwd: RUNTIME_DIR,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StartupError(
        `Maven ('${mvn}') not found; it builds the local Neo4j runtime on first start`,
        'install Maven 3.8+ (e.g. apt-get install maven), or set NEO4J_URI to use a running Neo4j',
      );
    }
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const output = `${stdout ?? ''}${stderr ?? ''}`;
    const tail = output.trim().split('\n').slice(-3).join(' | ');
    throw new StartupError(
      `the Maven build of the local Neo4j runtime failed: ${tail}`,
      `run 'mvn -B package' in ${RUNTIME_DIR} to see the whole error (Maven Central must be reachable on first build)`,
    );
  }
  await writeFile(STAMP, stamp);
  log.info('local Neo4j runtime built', { ms: Date.now() - started });
  return build;
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = ['pom.xml', ...(await listFiles(path.join(RUNTIME_DIR, 'src')))].sort();
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(path.resolve(RUNTIME_DIR, file)));
  }
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(RUNTIME_DIR, path.join(entry.parentPath, entry.name)));
}
