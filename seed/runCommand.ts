import { ConfigError } from '../src/config/index.js';
import { formatProblem, ImportError } from '../src/import/index.js';
import { StartupError } from '../src/neo4j/index.js';

/**
 * Runs a seed command and exits with its code; a failure prints what the operator can act on
 * (configuration lines, the start-up problem, every refused entry) under the command's name,
 * and exits with 2.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        for (const p of error.problems) process.stderr.write(`${name}: configuration: ${p}\n`);
      } else if (error instanceof StartupError) {
        process.stderr.write(`${name}: cannot start: ${error.line()}\n`);
      } else if (error instanceof ImportError) {
        process.stderr.write(
          `${name}: the dataset was refused; nothing of the refused chunk was written:\n`,
        );
        for (const p of error.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
      } else {
        process.stderr.write(
          `${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
      }
      process.exit(2);
    },
  );
}
