import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../../src/import/importProblem.js';
import { planGraph } from '../../src/import/planGraph.js';
import { generateGraph, type SyntheticSize } from './generateGraph.js';

/**
 * Worker thread: generates a synthetic graph and validates it chunk by chunk (`planGraph`), so
 * the loading thread only writes. It posts one plan per credit the loader grants (backpressure:
 * at most a few plans wait in memory), then `done`; a refused chunk posts its problems.
 */
export interface PlanWorkerInput {
  readonly size: SyntheticSize;
  readonly seed: number;
  readonly chunk: number;
}

const port = parentPort;
if (port) {
  const { size, seed, chunk } = workerData as PlanWorkerInput;
  const chunks = generateGraph(size, seed, chunk);
  port.on('message', () => {
    const next = chunks.next();
    if (next.done === true) {
      port.postMessage({ kind: 'done' });
      return;
    }
    try {
      const plan = planGraph(
        { [next.value.section]: next.value.entries },
        (section) => `${section} (synthetic chunk)`,
      );
      port.postMessage({ kind: 'plan', plan });
    } catch (error) {
      port.postMessage({
        kind: 'error',
        problems:
          error instanceof ImportError
            ? error.problems
            : [{ file: 'generator', message: String(error) }],
      });
    }
  });
}
