import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { testApiKeysEnv } from './testKeys.js';

/** `npm start` as a child process: the real entry point, real signals, real exit codes. */
export interface ApiProcess {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the GraphQL URL once the API logs that it is ready. */
  readonly ready: Promise<string>;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>;
  /** Sends SIGTERM, as an operator would, and resolves with the exit code. */
  stop(): Promise<number | string>;
}

/** Where and how the API is started, when not as `npm start` in this checkout. */
export interface SpawnOptions {
  /** The working directory (default: this checkout). */
  readonly cwd?: string;
  /** Node's arguments (default: `--max-semi-space-size=64 --import tsx src/main.ts`, what `npm start` runs). */
  readonly args?: readonly string[];
  /** Configure the test keys in API_KEYS (default true). */
  readonly testKeys?: boolean;
}

/**
 * Starts `src/main.ts` like `npm start` does, with `env` over a minimal environment that
 * configures the test keys (API_KEYS) unless `options` says otherwise.
 */
export function spawnApi(env: Record<string, string>, options: SpawnOptions = {}): ApiProcess {
  const args = options.args ?? ['--max-semi-space-size=64', '--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      PORT: '0',
      ...((options.testKeys ?? true) ? { API_KEYS: testApiKeysEnv() } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      const entry = parseLog(line);
      if (entry?.['msg'] === 'API ready' && typeof entry['url'] === 'string') resolve(entry['url']);
    });
    void exited.then((code) => {
      reject(new Error(`API exited (${code}) before ready: ${stderr.join(' | ')}`));
    });
  });
  ready.catch(() => undefined);
  const stop = (): Promise<number | string> => {
    child.kill('SIGTERM');
    return exited;
  };
  return { child, stdout, stderr, ready, exited, stop };
}

function parseLog(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
