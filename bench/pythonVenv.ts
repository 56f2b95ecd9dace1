import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A Python environment the project makes for itself (see scripts/setup-venv.sh). */
export interface VenvSpec {
  /** What it is for, named in the error when it cannot be made. */
  readonly purpose: string;
  /** The pinned requirements file, relative to the repository root. */
  readonly requirements: string;
  /** The venv folder, relative to the repository root (under node_modules/.cache/). */
  readonly venv: string;
  /** A program the requirements put in the venv's bin/, proof that they are installed. */
  readonly program: string;
}

/**
 * Makes (or finds) the venv of `spec` by running scripts/setup-venv.sh, and returns its absolute
 * path. Throws, with what the script said, when it cannot (no Python 3.11+, PyPI unreachable):
 * a run that needs the venv fails rather than being skipped.
 */
export function ensureVenv(spec: VenvSpec): string {
  try {
    const out = execFileSync(
      'bash',
      ['scripts/setup-venv.sh', spec.requirements, spec.venv, spec.program],
      { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 },
    );
    return out.trim().split('\n').at(-1) ?? '';
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `The ${spec.purpose} environment could not be made (scripts/setup-venv.sh ${spec.requirements}): ${stderr.trim() || String(error)}`,
    );
  }
}
