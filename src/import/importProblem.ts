/** Where in a graph document something is wrong, and what. */
export interface ImportProblem {
  /** The file (`officers.yaml`) or, for `importGraph`, the section (`officers`). */
  readonly file: string;
  /** 0-based index of the entry in its file or section; absent for file-level problems. */
  readonly entry?: number;
  /** The entry's id when it has one. */
  readonly id?: string;
  /** Dotted path inside the entry, e.g. `agentOf[1].confidence`. */
  readonly field?: string;
  readonly message: string;
  /**
   * What went wrong: a bad value (default), an id naming nothing, an id already taken, or a
   * write the caller's clearance does not allow.
   */
  readonly kind?: 'invalid' | 'missing' | 'conflict' | 'forbidden';
}

/** Where a problem is, without the problem. */
export type Place = Omit<ImportProblem, 'message'>;

/** One line per problem: `officers.yaml: entry 3 (kim-philby): agentOf[1].confidence: ...`. */
export function formatProblem(problem: ImportProblem): string {
  const entry =
    problem.entry === undefined
      ? ''
      : ` entry ${problem.entry}${problem.id === undefined ? '' : ` (${problem.id})`}:`;
  const field = problem.field === undefined ? '' : ` ${problem.field}:`;
  return `${problem.file}:${entry}${field} ${problem.message}`;
}

/** A refused graph document: nothing of it was written. */
export class ImportError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(
      `the graph document was refused (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ImportError';
  }
}

/** `['agentOf', 1, 'confidence']` -> `agentOf[1].confidence`. */
export function fieldPath(path: readonly PropertyKey[]): string | undefined {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? undefined : out;
}
