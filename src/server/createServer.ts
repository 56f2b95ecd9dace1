import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  ApolloServer,
  HeaderMap,
  type ApolloServerPlugin,
  type HTTPGraphQLRequest,
} from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createAuthenticator } from '../auth/index.js';
import { DEFAULT_QUERY_LIMITS, type AuthConfig, type LimitsConfig } from '../config/index.js';
import { createContext, DEFAULT_LIMITS, type Context, type Limits } from '../context/index.js';
import { ApiError, ErrorCode } from '../errors/index.js';
import { loadTypeDefs } from '../graphql/index.js';
import { errorFields, type Logger } from '../log/index.js';
import type { Database } from '../neo4j/index.js';
import { LiveProjection, memoryEngine, neo4jEngine, type EngineKind } from '../projection/index.js';
import { resolvers } from '../resolvers/index.js';
import { compiledGateway } from './compiledExecutor.js';
import { DEFAULT_EXPLORER_DIR, EXPLORER_PATH, serveExplorer } from './explorer.js';
import { createFormatError } from './formatError.js';
import { costLimit, limitRules, tokenRefusal } from './limits/index.js';
import { checkReadiness } from './readiness.js';

export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  readonly maxBodyBytes: number;
  readonly pathMaxHops?: number;
  readonly pathMaxResults?: number;
  /** How callers authenticate (API keys, JWT, anonymous reads). */
  readonly auth: AuthConfig;
  /** Depth, aliases, directives, tokens and cost of one request. Default: DEFAULT_QUERY_LIMITS. */
  readonly limits?: LimitsConfig;
  /** NODE_ENV=production: no introspection, no landing page, no schema hints in errors. */
  readonly production?: boolean;
  /**
   * False while the database is being brought up (not reachable yet at start): GraphQL requests
   * are then answered SERVICE_UNAVAILABLE at once and readiness is false. Default: always true.
   */
  readonly available?: () => boolean;
  /** The built explorer served at /explorer. Default: explorer/dist of this repository. */
  readonly explorerDir?: string;
  /**
   * Where path queries read the graph (PATH_ENGINE; default memory). With memory and no
   * `projection` given, the server builds its own before it listens and stops it with itself.
   */
  readonly pathEngine?: EngineKind;
  /**
   * A projection the caller builds and stops (the app: it serves 503 while this builds). Until
   * it is ready GraphQL answers SERVICE_UNAVAILABLE and /health/ready 503.
   */
  readonly projection?: LiveProjection;
}

/** A listening API server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:4000/graphql`. */
  readonly url: string;
  /** Scheme, host and port, e.g. `http://127.0.0.1:4000`: where the other routes are. */
  readonly origin: string;
  readonly port: number;
  /** Stops accepting requests and waits for those in flight (the database stays open). */
  stop(): Promise<void>;
}

/**
 * Serves GraphQL at `/graphql`, the explorer's static files at `/explorer/` and health at
 * `/health/live` and `/health/ready` from Node's own HTTP server. Apollo gets each request
 * through `executeHTTPGraphQLRequest`, its documented integration point, so no web framework
 * sits in between.
 */
export async function startServer(
  database: Database,
  options: ServerOptions,
  log: Logger,
): Promise<RunningServer> {
  const httpServer = createHttpServer();
  const authenticator = createAuthenticator(options.auth, database.executor, log);
  const queryLimits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const production = options.production ?? false;
  let projection = options.projection;
  let ownProjection = false;
  if (options.pathEngine !== 'neo4j' && projection === undefined) {
    projection = new LiveProjection(database.executor, log);
    ownProjection = true;
    await projection.start();
  }
  const engine = projection ? memoryEngine(projection) : neo4jEngine(database.executor);
  const built = projection;
  const databaseUp = options.available ?? (() => true);
  const available = () => databaseUp() && (built === undefined || built.ready);
  const limits: Limits = {
    pathMaxHops: options.pathMaxHops ?? DEFAULT_LIMITS.pathMaxHops,
    pathMaxResults: options.pathMaxResults ?? DEFAULT_LIMITS.pathMaxResults,
    pageMaxSize: queryLimits.maxPageSize,
  };
  const shared = { limits, apiKeys: authenticator.apiKeys, engine };
  const apollo = new ApolloServer<Context>({
    // The schema Apollo would build from typeDefs and resolvers, executed by graphql-jit.
    gateway: compiledGateway(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers })),
    // In production, introspection is refused by a rule of limitRules whose error names
    // NODE_ENV (Apollo's own names its constructor option, which no operator can set).
    introspection: true,
    // Depth, aliases and directives: checked while Apollo validates a new document, before
    // the gateway's executor (graphql-jit) sees it.
    validationRules: limitRules(queryLimits, production),
    // With introspection off, "Did you mean ...?" in validation errors would spell the schema out.
    hideSchemaDetailsFromClientErrors: production,
    // Apollo's default, stated: a GET or a simple-content-type POST (form, text/plain) must
    // carry a header a browser cannot add without a preflight, so no page can forge a request.
    csrfPrevention: true,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    // The process owns its signals (src/main.ts) and stops the database after HTTP drains.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's cache-control plugin wraps every field resolver to collect hints the schema
      // never gives (no @cacheControl), which cost ~5% of a large nested read; its one visible
      // effect, `cache-control: no-store` on every answer, is kept by noStore.
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      costLimit<Context>(queryLimits.maxCost),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  // What Node refuses before any handler runs (a request line or headers over its 16 KiB
  // limit, as a long GET query makes, or bytes that are not HTTP) is answered in the API's own
  // coded JSON rather than Node's bare status line.
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      errors: [
        {
          message: tooLarge
            ? 'The request line and headers exceed 16 KiB; send a long query in the body of a POST.'
            : 'The request is not valid HTTP.',
          extensions: { code: ErrorCode.BAD_REQUEST },
        },
      ],
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `connection: close\r\n\r\n${body}`,
    );
  });

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      log.error('unhandled error in the HTTP layer', errorFields(error));
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [
            { message: 'Internal error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } },
          ],
        });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health/live') {
      sendJson(res, 200, { status: 'live' });
      return;
    }
    if (url.pathname === '/health/ready') {
      const readiness = !databaseUp()
        ? ({ ready: false, neo4j: 'unreachable', schema: 'unknown' } as const)
        : built && !built.ready
          ? { ...(await checkReadiness(database)), ready: false, projection: 'building' }
          : await checkReadiness(database);
      sendJson(res, readiness.ready ? 200 : 503, readiness);
      return;
    }
    if (url.pathname === EXPLORER_PATH || url.pathname.startsWith(`${EXPLORER_PATH}/`)) {
      await serveExplorer(req, res, url.pathname, options.explorerDir ?? DEFAULT_EXPLORER_DIR);
      return;
    }
    if (url.pathname !== '/graphql') {
      sendJson(res, 404, {
        error: `No route ${url.pathname}; the API is at /graphql, the explorer at /explorer/, health at /health/live and /health/ready.`,
      });
      return;
    }
    if (!available()) {
      res.setHeader('retry-after', '5');
      sendGraphQLError(
        res,
        503,
        ErrorCode.SERVICE_UNAVAILABLE,
        databaseUp()
          ? 'The graph is being loaded into memory for path queries; retry in a few seconds (GET /health/ready says when the API is ready).'
          : 'The database is not reachable yet; retry in a few seconds (GET /health/ready says when the API is ready).',
      );
      return;
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body.kind === 'too-large') {
      res.setHeader('connection', 'close');
      sendGraphQLError(
        res,
        413,
        ErrorCode.PAYLOAD_TOO_LARGE,
        `The request body exceeds ${options.maxBodyBytes} bytes (MAX_BODY_BYTES).`,
      );
      return;
    }
    let parsed: unknown = undefined;
    if (body.text.length > 0) {
      try {
        parsed = JSON.parse(body.text);
      } catch {
        sendGraphQLError(
          res,
          400,
          ErrorCode.BAD_REQUEST,
          'The request body is not valid JSON; send {"query": "...", "variables": {...}}.',
        );
        return;
      }
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method?.toUpperCase() ?? 'GET',
      headers,
      search: url.search,
      body: parsed,
    };
    // Who is asking comes first: an unauthenticated request reaches neither GraphQL nor Neo4j.
    let auth;
    try {
      auth = await authenticator.authenticate(headers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      sendGraphQLError(res, 503, error.code, error.message);
      return;
    }
    if (!auth.ok) {
      res.setHeader('www-authenticate', 'Bearer, ApiKey');
      sendGraphQLError(res, 401, auth.code, auth.message);
      return;
    }
    const { caller } = auth;
    // Counted before Apollo parses: a long document is refused after reading maxTokens tokens.
    const tooLong = tokenRefusal(
      httpGraphQLRequest.method,
      parsed,
      url.search,
      queryLimits.maxTokens,
    );
    if (tooLong) {
      sendJson(res, 400, {
        errors: [{ message: tooLong.message, extensions: tooLong.extensions }],
      });
      return;
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => Promise.resolve(createContext(database.executor, log, caller, shared)),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const origin = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  return {
    url: `${origin}/graphql`,
    origin,
    port,
    stop: async () => {
      await apollo.stop();
      if (ownProjection) built?.stop();
    },
  };
}

/** Marks every GraphQL answer uncacheable, as Apollo's cache-control plugin did. */
const noStore: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response }) => {
        response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    }),
};

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function sendGraphQLError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-large' };

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) return { kind: 'too-large' };
    chunks.push(buffer);
  }
  return { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') };
}
