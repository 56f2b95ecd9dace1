import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root; every child process runs there. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A child process with the last lines of its output, for error messages. */
export interface BenchChild {
  readonly child: ChildProcess;
  readonly pid: number;
  /** The last lines the child wrote (stdout and stderr). */
  tail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
let handlersInstalled = false;

/** Kills whatever is still running when this process exits, however it exits. */
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill('SIGTERM');
      process.exit(130);
    });
  }
}

/**
 * Runs `node --import tsx <script>` from the project root with `env` added to this process's
 * environment. The child is killed when this process exits.
 */
export function spawnTsx(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): BenchChild {
  installExitHandlers();
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      // e.g. BENCH_CHILD_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API child.
      ...(process.env['BENCH_CHILD_NODE_FLAGS']?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      script,
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 30));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    child,
    pid: child.pid,
    tail: () => lines.join('\n'),
    stop: (graceMs = 60_000) => stopChild(child, graceMs),
  };
}

/** True when the child has not exited yet. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
