import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../seed/synthetic/generateGraph.js';

/** Where every benchmark writes its JSON result. */
export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** The machine a result was measured on. */
export function machine() {
  return {
    os: `${os.type()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Percentiles (nearest rank) of a sample in milliseconds. */
export function percentiles(samples: readonly number[]): {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    n: sorted.length,
  };
}

/** Writes `bench/results/<name>.json` with the machine and the figures; returns the path. */
export function writeResult(name: string, result: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { name, measuredAt: new Date().toISOString(), machine: machine(), ...result },
      null,
      2,
    ) + '\n',
  );
  return file;
}

/** Command-line flags `--name value`. */
export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `count` items of `items`, drawn with the generator's seeded PRNG (with repetition when too few). */
export function prngPick<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = prng(seed);
  if (items.length === 0) return [];
  return Array.from({ length: count }, () => items[Math.floor(random() * items.length)] as T);
}
