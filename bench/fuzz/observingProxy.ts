import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FuzzObserver, Verdict } from './fuzzObserver.js';
import { sendRequest } from './sendRequest.js';

/** A loopback HTTP proxy in front of the API that has every exchange judged on the way back. */
export interface ObservingProxy {
  /** Its `/graphql` URL. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Response header with the observer's verdict, which fuzz/schemathesis_hooks.py reads. */
export const VERDICT_HEADER = 'x-fuzz-verdict';

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'accept-encoding',
]);

/**
 * Starts a proxy on 127.0.0.1 that forwards each request to `target` (the API's `/graphql`),
 * hands the exchange to `observer` (the same judge and database watch as our own fuzzer) and
 * answers with the API's response plus the verdict in `x-fuzz-verdict`: `ok`, `known-bug <id>`
 * or the problems found. So an independent fuzzer is judged by exactly our rules, and each
 * problem is tied to the test case that caused it. `callerOf` names the caller of a request.
 */
export async function startObservingProxy(
  target: string,
  observer: FuzzObserver,
  callerOf: (headers: IncomingMessage['headers']) => string,
): Promise<ObservingProxy> {
  const targetUrl = new URL(target);
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const search = new URL(req.url ?? '/', 'http://proxy').search;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name))
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const method = req.method ?? 'GET';
      const answer = await sendRequest(
        `${targetUrl.origin}${targetUrl.pathname}${search}`,
        method,
        headers,
        method === 'GET' || method === 'HEAD' ? undefined : body,
      );
      const verdict = await observer.observe({
        kind: 'schemathesis',
        caller: callerOf(req.headers),
        method,
        search,
        requestBody: body.toString('utf8'),
        status: answer.status,
        responseBody: answer.body,
      });
      res.writeHead(answer.status === 599 ? 502 : answer.status, {
        'content-type': answer.contentType ?? 'text/plain',
        [VERDICT_HEADER]: verdictHeader(verdict),
      });
      res.end(answer.body);
    })().catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy failure: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** The verdict as one header value (printable ASCII). */
function verdictHeader(verdict: Verdict): string {
  if (verdict.problems.length === 0) return 'ok';
  if (verdict.knownBug !== undefined && verdict.problems.every((p) => !p.startsWith('the graph')))
    return `known-bug ${verdict.knownBug}`;
  return verdict.problems
    .join('; ')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 2_000);
}
