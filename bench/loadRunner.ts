import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { percentiles } from './benchSupport.js';
import { waitForQuiet } from './procStatus.js';

/**
 * The load generator of bench:nested and bench:memory, run as its own process (see runLoad):
 * `node --import tsx bench/loadRunner.ts '<LoadSpec as JSON>'` prints one LoadResult as JSON.
 * autocannon POSTs the bodies in turn (each connection takes the next one) to a loopback URL,
 * first for `warmupS` unmeasured, then for `durationS` measured.
 */
export interface LoadSpec {
  readonly url: string;
  /** Request headers (content type and credentials). */
  readonly headers: Readonly<Record<string, string>>;
  /** GraphQL request bodies (JSON text), sent round-robin across all connections. */
  readonly bodies: readonly string[];
  readonly connections: number;
  readonly durationS: number;
  readonly warmupS: number;
  /** A 2xx response shorter than this counts as failed (a GraphQL error answer is short). */
  readonly minBytes: number;
  /** The server's pid: after the warm-up, wait until it has finished what is in flight. */
  readonly serverPid: number;
}

/** What one measured run gave. */
export interface LoadResult {
  /** Successful responses (2xx, at least minBytes) per second. */
  readonly requestsPerSecond: number;
  readonly latencyMs: ReturnType<typeof percentiles>;
  readonly ok: number;
  readonly failed: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly durationS: number;
  readonly bytes: { readonly min: number; readonly max: number };
}

/** One autocannon run; latencies come from every response (autocannon reports no p95). */
async function run(spec: LoadSpec, durationS: number): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  let minBytes = Infinity;
  let maxBytes = 0;
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: durationS,
    timeout: 60,
    method: 'POST',
    headers: { ...spec.headers },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: spec.bodies[next++ % spec.bodies.length] }),
      },
    ],
  });
  // @types/autocannon omits the client the event passes first (lib/run.js emits it).
  (instance as unknown as EventEmitter).on(
    'response',
    (_client: unknown, status: number, bytes: number, ms: number) => {
      if (status >= 200 && status < 300 && bytes >= spec.minBytes) latencies.push(ms);
      else failed++;
      minBytes = Math.min(minBytes, bytes);
      maxBytes = Math.max(maxBytes, bytes);
    },
  );
  const result = await instance;
  return {
    requestsPerSecond: Math.round((latencies.length / result.duration) * 100) / 100,
    latencyMs: percentiles(latencies),
    ok: latencies.length,
    failed,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
    bytes: { min: Number.isFinite(minBytes) ? minBytes : 0, max: maxBytes },
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  if (!spec.url.startsWith('http://127.0.0.1:')) throw new Error('loopback URLs only');
  if (spec.warmupS > 0) {
    await run(spec, spec.warmupS);
    await waitForQuiet(spec.serverPid);
  }
  process.stdout.write(`${JSON.stringify(await run(spec, spec.durationS))}\n`);
}

if (process.argv[1]?.endsWith('loadRunner.ts')) void main();
