import { parentPort, workerData } from 'node:worker_threads';
import type { CsvGroup } from '../../src/import/importCsv.js';
import { ImportFiles, type WrittenChunk } from '../../src/import/importFiles.js';
import { ImportError, type ImportProblem } from '../../src/import/importProblem.js';
import { planGraph, type GraphPlan } from '../../src/import/planGraph.js';
import { generateGraph, type SyntheticSize } from './generateGraph.js';

/**
 * Worker thread: generates a synthetic graph and validates it chunk by chunk (`planGraph`), so
 * the loading thread only writes. Of `workers` workers, worker `index` takes the chunks whose
 * number modulo `workers` is its index (each generates the whole sequence, which is cheap next
 * to validation). It answers each credit the loader grants with one chunk (backpressure: at
 * most a few wait in memory): the plan itself, or with `csvDir` the plan written as the
 * offline importer's CSV files and what the checks across chunks need of it; then `done` (with
 * its CSV groups); a refused chunk posts its problems.
 */
export interface PlanWorkerInput {
  readonly size: SyntheticSize;
  readonly seed: number;
  readonly chunk: number;
  readonly index?: number;
  readonly workers?: number;
  readonly csvDir?: string;
}

export type WorkerMessage =
  | { kind: 'plan'; plan: GraphPlan }
  | { kind: 'written'; chunk: WrittenChunk }
  | { kind: 'done'; groups: CsvGroup[] }
  | { kind: 'error'; problems: ImportProblem[] };

const port = parentPort;
if (port) {
  const { size, seed, chunk, index = 0, workers = 1, csvDir } = workerData as PlanWorkerInput;
  const chunks = generateGraph(size, seed, chunk);
  const files = csvDir === undefined ? undefined : new ImportFiles(csvDir, `w${index}-`);
  let number = -1;
  let finished = false;
  const post = (message: WorkerMessage) => {
    port.postMessage(message);
  };
  port.on('message', () => {
    if (finished) return;
    let next = chunks.next();
    while (next.done !== true && ++number % workers !== index) next = chunks.next();
    if (next.done === true) {
      finished = true;
      post({ kind: 'done', groups: files?.close() ?? [] });
      return;
    }
    const file = `${next.value.section} (synthetic chunk)`;
    try {
      const plan = planGraph({ [next.value.section]: next.value.entries }, () => file);
      post(files ? { kind: 'written', chunk: files.add(plan, file) } : { kind: 'plan', plan });
    } catch (error) {
      post({
        kind: 'error',
        problems:
          error instanceof ImportError
            ? [...error.problems]
            : [{ file: 'generator', message: String(error) }],
      });
    }
  });
}
