import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:explorer` writes the explorer (gitignored). */
export const DEFAULT_EXPLORER_DIR = fileURLToPath(new URL('../../explorer/dist/', import.meta.url));

/** The URL path the explorer is served under; Vite builds it with this base. */
export const EXPLORER_PATH = '/explorer';

/**
 * The page may run only its own scripts and styles and talk only to its own origin: no inline
 * script, no eval, no third-party host, and no other page may frame it. Cytoscape styles its
 * canvas through the CSSOM, which style-src does not govern; images are the PNG export's
 * `blob:` URLs.
 */
const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HTML = 'text/html; charset=utf-8';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': HTML,
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a request path under /explorer names. */
export type ExplorerTarget =
  | {
      readonly kind: 'file';
      /** Relative to the explorer's directory, with `/` separators. */
      readonly file: string;
      readonly contentType: string;
      /** Vite's content-hashed assets never change under the same name. */
      readonly immutable: boolean;
    }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Maps a URL path (as sent, percent-encoded) under /explorer to a file of the built explorer.
 * `/explorer` and `/explorer/` are index.html. A path whose decoded segments could leave the
 * directory (`..`, `.`, empty segments, backslashes, NUL) or that is not valid percent-encoding
 * is refused, so no file outside the directory can be named. Pure: touches no file.
 */
export function explorerTarget(pathname: string): ExplorerTarget {
  if (pathname === EXPLORER_PATH || pathname === `${EXPLORER_PATH}/`)
    return {
      kind: 'file',
      file: 'index.html',
      contentType: HTML,
      immutable: false,
    };
  if (!pathname.startsWith(`${EXPLORER_PATH}/`))
    return { kind: 'refused', reason: `${pathname} is not under ${EXPLORER_PATH}/` };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(EXPLORER_PATH.length + 1));
  } catch {
    return { kind: 'refused', reason: 'the path is not valid percent-encoding' };
  }
  const segments = decoded.split('/');
  const unsafe = segments.find(
    (s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'),
  );
  if (unsafe !== undefined)
    return { kind: 'refused', reason: 'the path has an empty, "." or ".." segment or a backslash' };
  const extension = extname(decoded).toLowerCase();
  return {
    kind: 'file',
    file: segments.join('/'),
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    immutable: segments[0] === 'assets',
  };
}

/**
 * Serves the built explorer from `dir`: GET and HEAD only, no credentials needed (the page holds
 * no data; every GraphQL request it makes needs a key). A missing build answers 503 naming the
 * build script; a missing or refused file 404.
 */
export async function serveExplorer(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  dir: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendText(res, 405, `The explorer is static files: use GET or HEAD, not ${req.method ?? '?'}.`);
    return;
  }
  const target = explorerTarget(pathname);
  const path = target.kind === 'file' ? join(dir, ...target.file.split('/')) : undefined;
  // The segment check above already keeps the path inside; this states the invariant.
  const inside = path !== undefined && path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const size = inside ? await fileSize(path) : undefined;
  if (target.kind === 'refused' || path === undefined || size === undefined) {
    // Only a request that finds no file asks whether the explorer is built at all.
    if ((await fileSize(join(dir, 'index.html'))) === undefined) {
      sendText(
        res,
        503,
        `The explorer is not built: run \`npm run build:explorer\` (npm start does it first), then reload.`,
      );
      return;
    }
    sendText(
      res,
      404,
      `No explorer file at ${pathname}${target.kind === 'refused' ? ` (${target.reason})` : ''}; the explorer is at ${EXPLORER_PATH}/.`,
    );
    return;
  }
  res.writeHead(200, {
    'content-type': target.contentType,
    'content-length': size,
    'cache-control': target.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...securityHeaders,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(path).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
  });
}

const securityHeaders = {
  'content-security-policy': EXPLORER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...securityHeaders,
  });
  res.end(`${message}\n`);
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}
