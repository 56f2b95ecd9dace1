import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ImportError, type GraphPlan } from '../../src/import/index.js';
import type { CsvGroup } from '../../src/import/importCsv.js';
import type { CsvSource, WrittenChunk } from '../../src/import/importFiles.js';
import type { PlanWorkerInput, WorkerMessage } from './planWorker.js';

/** What the synthetic graph is: its size, seed and chunk size. */
export type SyntheticInput = Pick<PlanWorkerInput, 'size' | 'seed' | 'chunk'>;

/** Validation is the loader's heaviest work: a worker per core by default. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** One plan worker and the messages it posted that nobody has taken yet. */
class PlanWorker {
  private readonly worker: Worker;
  private readonly queue: WorkerMessage[] = [];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(input: PlanWorkerInput) {
    this.worker = new Worker(new URL('./planWorkerBoot.js', import.meta.url), {
      workerData: input,
    });
    this.worker.on('message', (message: WorkerMessage) => {
      this.queue.push(message);
      this.wake?.();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.wake?.();
    });
  }

  /** Grants the worker one more chunk. */
  ask(): void {
    this.worker.postMessage('next');
  }

  /** The next message, in the order posted; a refused chunk throws its problems. */
  async take(): Promise<Exclude<WorkerMessage, { kind: 'error' }>> {
    while (this.queue.length === 0 && this.failure === undefined)
      await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure !== undefined) throw this.failure;
    const message = this.queue.shift() as WorkerMessage;
    if (message.kind === 'error') throw new ImportError(message.problems);
    return message;
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

const startWorkers = (input: PlanWorkerInput, workers: number): PlanWorker[] =>
  Array.from({ length: workers }, (_, index) => new PlanWorker({ ...input, index, workers }));

/**
 * The validated plans of a synthetic graph in document order, generated and validated by
 * `workers` worker threads (chunk i by worker i mod workers) while the caller writes the
 * previous ones; each worker is `ahead` plans in advance. The workers are terminated when the
 * caller stops iterating, early or not.
 */
export async function* plannedSynthetic(
  input: SyntheticInput,
  options: { ahead?: number; workers?: number } = {},
): AsyncGenerator<GraphPlan> {
  const workers = startWorkers(input, options.workers ?? defaultWorkers());
  try {
    for (const worker of workers) for (let i = 0; i < (options.ahead ?? 2); i++) worker.ask();
    for (let i = 0; ; i++) {
      const worker = workers[i % workers.length] as PlanWorker;
      const message = await worker.take();
      if (message.kind !== 'plan') return;
      worker.ask();
      yield message.plan;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/**
 * A synthetic graph written as the offline importer's CSV files into `dir` by `workers` worker
 * threads, each planning its chunks and writing files of its own; the chunks come in the
 * order the workers finish them (the checks across chunks need no order).
 */
export function syntheticCsv(
  input: SyntheticInput,
  workers = defaultWorkers(),
): (dir: string) => CsvSource {
  return (dir) => {
    const groups: CsvGroup[] = [];
    async function* chunks(): AsyncGenerator<WrittenChunk> {
      const started = startWorkers({ ...input, csvDir: dir }, workers);
      try {
        // Each worker runs ahead freely: what it posts back is small.
        for (const worker of started) for (let i = 0; i < 4; i++) worker.ask();
        const pending = new Map(started.map((worker) => [worker, worker.take()] as const));
        while (pending.size > 0) {
          const [worker, message] = await Promise.race(
            [...pending].map(([w, taken]) => taken.then((m) => [w, m] as const)),
          );
          if (message.kind === 'done') {
            groups.push(...message.groups);
            pending.delete(worker);
            continue;
          }
          worker.ask();
          pending.set(worker, worker.take());
          if (message.kind === 'written') yield message.chunk;
        }
      } finally {
        await Promise.all(started.map((worker) => worker.stop()));
      }
    }
    return { chunks: chunks(), groups: () => Promise.resolve(groups) };
  };
}
