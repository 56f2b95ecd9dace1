import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../../src/neo4j/index.js';
import { FuzzObserver, type FuzzCounts } from './fuzzObserver.js';
import { drawRequest, type Caller, type FuzzRequest } from './fuzzRequests.js';
import type { KnownIds } from './hostileValues.js';
import { sendRequest } from './sendRequest.js';

/** The keys the fuzzer's callers use. */
export interface FuzzKeys {
  readonly admin: string;
  readonly reader: string;
}

export interface OwnFuzzOptions {
  /** The API's `/graphql` URL (loopback). */
  readonly url: string;
  readonly schema: GraphQLSchema;
  readonly ids: KnownIds;
  readonly keys: FuzzKeys;
  /** The API's MAX_BODY_BYTES. */
  readonly maxBodyBytes: number;
  /** How many requests to send. */
  readonly count: number;
  /** fast-check seed: the same seed sends the same requests. */
  readonly seed: number;
  /** Stop sending at this time (ms since the epoch), whatever the count. */
  readonly deadline?: number;
  /** The API's database, watched for changes by refused requests. */
  readonly database: Database;
  /** Called after each request with how many were sent. */
  readonly onProgress?: (sent: number) => void;
}

/** A well-formed key that names no key: refused as UNAUTHENTICATED like any wrong one. */
const WRONG_KEY = `lgk_000000000000_${'A'.repeat(43)}`;
/** An unsigned JWT (`alg: none`), which the API must never accept. */
const UNSIGNED_TOKEN =
  'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJmdXp6Iiwicm9sZSI6ImFkbWluIn0.';

/** The credential headers of a caller. */
export function credentials(caller: Caller, keys: FuzzKeys): Record<string, string> {
  switch (caller) {
    case 'admin':
      return { 'x-api-key': keys.admin };
    case 'reader':
      return { 'x-api-key': keys.reader };
    case 'none':
      return {};
    case 'wrong-key':
      return { 'x-api-key': WRONG_KEY };
    case 'bad-token':
      return { authorization: `Bearer ${UNSIGNED_TOKEN}` };
  }
}

/**
 * Our own fuzzer: `count` requests drawn with fast-check from the schema and the hostile value
 * pools (seeded, so a run can be repeated), sent one at a time over HTTP and each handed to the
 * observer with its answer. Returns what the observer counted.
 */
export async function runOwnFuzzer(options: OwnFuzzOptions): Promise<FuzzCounts> {
  const observer = await FuzzObserver.start(options.database);
  const draws = fc.sample(fc.gen(), { seed: options.seed, numRuns: options.count });
  let sent = 0;
  for (const g of draws) {
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
    const request = drawRequest(g, options);
    const answer = await send(options.url, request, options.keys);
    await observer.observe({
      kind: request.kind,
      caller: request.caller,
      method: request.method,
      search: request.search,
      requestBody: bodyText(request.body),
      status: answer.status,
      responseBody: answer.body,
    });
    sent++;
    options.onProgress?.(sent);
  }
  return observer.finish();
}

function send(url: string, request: FuzzRequest, keys: FuzzKeys) {
  return sendRequest(
    `${url}${request.search}`,
    request.method,
    { ...request.headers, ...credentials(request.caller, keys) },
    request.body,
  );
}

function bodyText(body: string | Uint8Array | undefined): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}
