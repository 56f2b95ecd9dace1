import { LOG_LEVELS, type LogLevel } from '../log/index.js';
import type { DatabaseConfig } from '../neo4j/index.js';
import path from 'node:path';
import { readAuth, type AuthConfig } from './authConfig.js';
import { readLimits, type LimitsConfig } from './limitsConfig.js';

export type { DatabaseConfig };

/** Everything the process reads from its environment, validated. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly database: DatabaseConfig;
  /** Upper bound on every Neo4j transaction, in milliseconds. */
  readonly txTimeoutMs: number;
  /** How long start-up waits for Neo4j to answer before giving up, in milliseconds. */
  readonly connectTimeoutMs: number;
  /** Largest accepted HTTP request body, in bytes. */
  readonly maxBodyBytes: number;
  /** Load the historical dataset when the API starts on a graph with no entity in it. */
  readonly seedOnEmpty: boolean;
  /** Server cap on the hops of a path query. */
  readonly pathMaxHops: number;
  /** Most elements a path query may return. */
  readonly pathMaxResults: number;
  /**
   * Where reach, exposure and brokers read the graph: `memory` (a projection in this process,
   * kept fresh by Neo4j's change feed) or `neo4j` (hop by hop, for graphs beyond memory).
   */
  readonly pathEngine: 'memory' | 'neo4j';
  /** Who may call: API keys, bearer tokens, anonymous readers. */
  readonly auth: AuthConfig;
  /** How deep, wide, long and costly one GraphQL request may be. */
  readonly limits: LimitsConfig;
  /** NODE_ENV=production: no introspection, no landing page, no schema hints in errors. */
  readonly production: boolean;
}

export { LOG_LEVELS };
export type { LogLevel };

/** Thrown with every problem found, one line each, so an operator fixes them all at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** A parser answers with a value or with what was allowed. */
export type Parse<T> = (raw: string) => { ok: T } | { allowed: string };

/** Reads one variable: its value, or `fallback` after recording a problem. */
export type Read = <T>(
  name: string,
  fallback: T,
  parse: Parse<T>,
  example: string,
  options?: { secret?: boolean },
) => T;

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const integer =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    return Number.isSafeInteger(n) && n >= min && n <= max
      ? { ok: n }
      : { allowed: `an integer from ${min} to ${max}` };
  };

const oneOf =
  <T extends string>(values: readonly T[]): Parse<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw)
      ? { ok: raw as T }
      : { allowed: `one of ${values.join(', ')}` };

const size: Parse<string> = (raw) =>
  /^\d+[kmg]$/i.test(raw) ? { ok: raw.toLowerCase() } : { allowed: 'a size like 512m or 2g' };

const text: Parse<string> = (raw) => ({ ok: raw });

const neo4jUri: Parse<string> = (raw) => {
  const scheme = /^([a-z0-9+]+):\/\/[^/\s]+/i.exec(raw)?.[1]?.toLowerCase();
  return scheme !== undefined && NEO4J_SCHEMES.includes(scheme)
    ? { ok: raw }
    : { allowed: `<scheme>://host[:port] with scheme ${NEO4J_SCHEMES.join(', ')}` };
};

/**
 * Reads and validates the configuration. Each bad value yields one line that names the
 * variable, what arrived, what is allowed and a good value; all of them are reported at once.
 */
export function loadConfig(env: Env = process.env, projectRoot = process.cwd()): Config {
  const problems: string[] = [];
  const read: Read = (name, fallback, parse, example, options) => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const result = parse(raw);
    if ('ok' in result) return result.ok;
    const shown =
      options?.secret === true
        ? `<${Buffer.byteLength(raw)} bytes, not shown>`
        : JSON.stringify(raw);
    problems.push(
      `${name}=${shown} is invalid: expected ${result.allowed}, e.g. ${name}=${example}`,
    );
    return fallback;
  };

  const config: Config = {
    host: read('HOST', '127.0.0.1', text, '127.0.0.1'),
    port: read('PORT', 4000, integer(0, 65535), '4000'),
    logLevel: read('LOG_LEVEL', 'info', oneOf(LOG_LEVELS), 'info'),
    txTimeoutMs: read('NEO4J_TX_TIMEOUT_MS', 30_000, integer(100, 3_600_000), '30000'),
    connectTimeoutMs: read('NEO4J_CONNECT_TIMEOUT_MS', 120_000, integer(1000, 3_600_000), '120000'),
    maxBodyBytes: read('MAX_BODY_BYTES', 1_048_576, integer(1024, 104_857_600), '1048576'),
    pathMaxHops: read('PATH_MAX_HOPS', 6, integer(1, 20), '6'),
    pathMaxResults: read('PATH_MAX_RESULTS', 10_000, integer(10, 1_000_000), '10000'),
    pathEngine: read('PATH_ENGINE', 'memory', oneOf(['memory', 'neo4j'] as const), 'memory'),
    seedOnEmpty:
      read('SEED_ON_EMPTY', 'true', oneOf(['true', 'false'] as const), 'true') === 'true',
    database: env['NEO4J_URI']?.trim()
      ? {
          kind: 'remote',
          uri: read('NEO4J_URI', '', neo4jUri, 'neo4j+s://xxxx.databases.neo4j.io'),
          user: read('NEO4J_USER', 'neo4j', text, 'neo4j'),
          password: env['NEO4J_PASSWORD'] ?? '',
          database: env['NEO4J_DATABASE']?.trim() || undefined,
        }
      : {
          kind: 'local',
          port: read('NEO4J_LOCAL_PORT', 7687, integer(1, 65535), '7687'),
          dataDir: path.resolve(
            projectRoot,
            read('NEO4J_LOCAL_DATA', '.neo4j/data', text, '.neo4j/data'),
          ),
          heap: read('NEO4J_HEAP', '2g', size, '2g'),
          pageCache: read('NEO4J_PAGECACHE', '2g', size, '2g'),
          javaHome: env['JAVA_HOME']?.trim() || undefined,
        },
    auth: readAuth(env, projectRoot, read, problems),
    limits: readLimits(read, integer),
    production: env['NODE_ENV'] === 'production',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
