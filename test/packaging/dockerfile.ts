/** What the last stage of a Dockerfile does, as far as the packaging test repeats it. */
export interface Stage {
  /** `COPY [--from=stage] source... target`, one entry per source, in order. */
  readonly copies: readonly Copy[];
  /** `ENV name=value ...`, merged. */
  readonly env: Readonly<Record<string, string>>;
  /** The shell commands of `RUN`. */
  readonly runs: readonly string[];
  /** The exec form of `CMD`. */
  readonly command: readonly string[];
}

/** One source of a COPY, and where it goes (a folder when the target ends with '/'). */
export interface Copy {
  readonly from?: string;
  readonly source: string;
  readonly target: string;
}

/**
 * Reads the last stage (the image that runs) of a Dockerfile: instructions joined across
 * backslash continuations, comments dropped. Only the forms our Dockerfile uses are understood;
 * anything else in the run stage is an error, so the test cannot silently skip an instruction.
 */
export function runStage(dockerfile: string): Stage {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const last = instructions.map((line) => line.startsWith('FROM ')).lastIndexOf(true);
  if (last < 0) throw new Error('the Dockerfile has no FROM');
  const copies: Copy[] = [];
  const env: Record<string, string> = {};
  const runs: string[] = [];
  let command: string[] = [];
  for (const line of instructions.slice(last + 1)) {
    const [keyword = '', ...words] = line.split(/\s+/);
    const rest = line.slice(keyword.length).trim();
    switch (keyword) {
      case 'COPY': {
        const from = words[0]?.startsWith('--from=') ? words.shift()?.slice(7) : undefined;
        const target = words.pop();
        if (target === undefined || words.length === 0)
          throw new Error(`COPY with sources and a target expected: ${line}`);
        if (words.length > 1 && !target.endsWith('/'))
          throw new Error(`COPY of several sources needs a folder target: ${line}`);
        for (const source of words) {
          const into = target.endsWith('/') ? `${target}${source.split('/').pop() ?? ''}` : target;
          copies.push({ ...(from === undefined ? {} : { from }), source, target: into });
        }
        break;
      }
      case 'ENV':
        for (const pair of words) {
          const [name = '', value = ''] = pair.split('=');
          env[name] = value;
        }
        break;
      case 'RUN':
        runs.push(rest);
        break;
      case 'CMD':
        command = JSON.parse(rest) as string[];
        break;
      case 'WORKDIR':
      case 'USER':
      case 'EXPOSE':
      case 'HEALTHCHECK':
        break;
      default:
        throw new Error(`the packaging test does not know ${keyword}: ${line}`);
    }
  }
  return { copies, env, runs, command };
}
