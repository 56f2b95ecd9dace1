import { request } from 'node:http';

/** An HTTP answer, or `status` 599 and what went wrong when none came. */
export interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/**
 * Sends one request on a connection of its own (no keep-alive), so that a missing answer is
 * the server's doing and never a race with an idle socket the server was closing. Resolves with
 * status 599 when no answer arrives (a reset connection, or `timeoutMs` of silence).
 */
export function sendRequest(
  url: string,
  method: string,
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array | undefined,
  timeoutMs = 60_000,
): Promise<Answer> {
  return new Promise((resolve) => {
    const noAnswer = (why: string) => {
      resolve({ status: 599, contentType: undefined, body: `no answer: ${why}` });
    };
    const req = request(url, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', (error) => {
        noAnswer(`the response broke off: ${error.message}`);
      });
    });
    req.on('timeout', () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      noAnswer(`${error.code ?? ''} ${error.message}`.trim());
    });
    req.end(body);
  });
}
