import { spawnTsx } from './benchProcesses.js';
import type { LoadResult, LoadSpec } from './loadRunner.js';

/**
 * Runs one load (warm-up then measured run) from a separate process, so the generator's CPU
 * is not the server's, and returns its result. The generator is killed if it outlives its
 * time by a minute.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const generator = spawnTsx('bench/loadRunner.ts', [JSON.stringify(spec)], {});
  let output = '';
  generator.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const limitMs = (spec.warmupS + spec.durationS + 60) * 1000;
  const killer = setTimeout(() => generator.child.kill('SIGKILL'), limitMs);
  try {
    const code = await new Promise<number | null>((resolve) =>
      generator.child.once('exit', (exitCode) => {
        resolve(exitCode);
      }),
    );
    const line = output.trim().split('\n').at(-1);
    if (code !== 0 || !line)
      throw new Error(`load generator failed (${code}):\n${generator.tail()}`);
    return JSON.parse(line) as LoadResult;
  } finally {
    clearTimeout(killer);
    await generator.stop(5_000);
  }
}
