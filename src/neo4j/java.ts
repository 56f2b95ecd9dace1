import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from './startupError.js';

const run = promisify(execFile);

/** Oldest Java that Neo4j 5.26 runs on. */
export const MIN_JAVA = 17;

/**
 * Finds a Java 17+ runtime: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` on PATH.
 * Returns the command and its major version.
 */
export async function findJava(
  javaHome: string | undefined,
): Promise<{ command: string; major: number }> {
  const command = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  let versionText: string;
  try {
    const { stderr, stdout } = await run(command, ['-version']);
    versionText = stderr + stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StartupError(
        javaHome
          ? `no Java at ${command} (from JAVA_HOME); the local Neo4j needs Java ${MIN_JAVA}+`
          : `Java not found on PATH; the local Neo4j needs Java ${MIN_JAVA}+`,
        `install a JDK ${MIN_JAVA}+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME to one, or set NEO4J_URI to use a running Neo4j`,
      );
    }
    throw new StartupError(
      `'${command} -version' failed: ${String(error)}`,
      'check the Java installation or JAVA_HOME',
    );
  }
  const major = parseJavaMajor(versionText);
  if (major === undefined || major < MIN_JAVA) {
    throw new StartupError(
      `${command} is Java ${major ?? 'of unknown version'}; the local Neo4j needs Java ${MIN_JAVA}+`,
      `install a JDK ${MIN_JAVA}+ and point JAVA_HOME at it, or set NEO4J_URI to use a running Neo4j`,
    );
  }
  return { command, major };
}

/** Reads the major version from `java -version` output: `"17.0.15"` -> 17, `"1.8.0_402"` -> 8. */
export function parseJavaMajor(versionText: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** The JDK modules Neo4j 5.26 reaches into, opened on every JVM that runs its code. */
export const NEO4J_JVM_OPENS: readonly string[] = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];
