import { Worker } from 'node:worker_threads';
import { ImportError, type GraphPlan, type ImportProblem } from '../../src/import/index.js';
import type { PlanWorkerInput } from './planWorker.js';

type WorkerMessage =
  | { kind: 'plan'; plan: GraphPlan }
  | { kind: 'done' }
  | { kind: 'error'; problems: ImportProblem[] };

/**
 * The validated plans of a synthetic graph, generated and validated in a worker thread while
 * the caller writes the previous ones (`ahead` plans are requested in advance). The worker is
 * terminated when the caller stops iterating, early or not.
 */
export async function* plannedSynthetic(
  input: PlanWorkerInput,
  ahead = 2,
): AsyncGenerator<GraphPlan> {
  const worker = new Worker(new URL('./planWorkerBoot.js', import.meta.url), {
    workerData: input,
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  try {
    for (let i = 0; i < ahead; i++) worker.postMessage('next');
    for (;;) {
      while (queue.length === 0 && failure === undefined)
        await new Promise<void>((resolve) => (wake = resolve));
      if (failure !== undefined) throw failure;
      const message = queue.shift() as WorkerMessage;
      if (message.kind === 'done') return;
      if (message.kind === 'error') throw new ImportError(message.problems);
      worker.postMessage('next');
      yield message.plan;
    }
  } finally {
    await worker.terminate();
  }
}
