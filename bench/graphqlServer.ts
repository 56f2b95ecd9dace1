import http from 'node:http';
import { isRunning, sleep, spawnTsx, type BenchChild } from './benchProcesses.js';
import { BENCH_HEADERS } from './benchDatabase.js';

/** A GraphQL server running in a child process, ready (it has answered once). */
export interface GraphQLServer extends BenchChild {
  readonly url: string;
  /** From spawning the process to its first successful `{ __typename }` answer. */
  readonly startupMs: number;
}

export interface ServerSpec {
  /** Script run with `node --import tsx`, relative to the project root. */
  readonly script: string;
  /** Added to this process's environment. */
  readonly env: NodeJS.ProcessEnv;
  /** Loopback port the server listens on. */
  readonly port: number;
  /** How long it may take to answer (a cold local Neo4j takes a few seconds). */
  readonly timeoutMs?: number;
}

/** The GraphQL answer of one POST: `data` or `errors`. */
export interface GraphQLAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string }[];
}

/**
 * Kept-alive connections for `postGraphQL`. Node's `http` client is the leanest standard one:
 * on this machine undici's `fetch` alone adds 0.3-0.5 ms to a request at p50 (measured against
 * a bare Node server: 0.07 ms with `http`, 0.35-0.67 ms with `fetch`), which would be counted
 * as the API's overhead.
 */
const keptAlive = new http.Agent({ keepAlive: true });

/** POSTs one GraphQL operation and returns the parsed answer (throws on HTTP errors). */
export function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: keptAlive,
        headers: { ...BENCH_HEADERS, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLAnswer;
            const status = response.statusCode ?? 0;
            if ((status < 200 || status >= 300) && !answer.errors)
              reject(new Error(`${url} answered HTTP ${status}`));
            else resolve(answer);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** `data` of an answer, or an error naming what the server said. */
export function dataOf(answer: GraphQLAnswer, what: string): Record<string, unknown> {
  if (answer.errors?.length || !answer.data)
    throw new Error(`${what}: ${answer.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  return answer.data;
}

/**
 * Starts `spec.script` and polls `{ __typename }` every 20 ms until it answers; the time from
 * spawn to that answer is the start-up time. The child is stopped if it does not answer.
 */
export async function startGraphQLServer(spec: ServerSpec): Promise<GraphQLServer> {
  const url = `http://127.0.0.1:${spec.port}/graphql`;
  // Something already answering there would be timed instead of the new server.
  if (await answersTypename(url))
    throw new Error(`a GraphQL server already answers at ${url}; stop it or pick another port`);
  const started = performance.now();
  const child = spawnTsx(spec.script, [], { ...spec.env, PORT: String(spec.port) });
  const deadline = started + (spec.timeoutMs ?? 240_000);
  try {
    while (performance.now() < deadline) {
      if (!isRunning(child.child))
        throw new Error(`${spec.script} exited before answering:\n${child.tail()}`);
      if (await answersTypename(url)) {
        return { ...child, url, startupMs: performance.now() - started };
      }
      await sleep(20);
    }
    throw new Error(`${spec.script} did not answer at ${url} in time:\n${child.tail()}`);
  } catch (error) {
    await child.stop(10_000);
    throw error;
  }
}

async function answersTypename(url: string): Promise<boolean> {
  try {
    const answer = await postGraphQL(url, '{ __typename }');
    return answer.data?.['__typename'] === 'Query';
  } catch {
    return false;
  }
}
