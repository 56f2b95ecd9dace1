import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env, '/project');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('defaults to the local Neo4j and port 4000', () => {
    const config = loadConfig({}, '/project');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      logLevel: 'info',
      txTimeoutMs: 30_000,
    });
    expect(config.database).toEqual({
      kind: 'local',
      port: 7687,
      dataDir: path.resolve('/project', '.neo4j/data'),
      heap: '2g',
      pageCache: '2g',
      javaHome: undefined,
    });
  });

  it('uses NEO4J_URI with its credentials, routing schemes included', () => {
    const config = loadConfig(
      {
        NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
        NEO4J_USER: 'reader',
        NEO4J_PASSWORD: 'pw',
        NEO4J_DATABASE: 'liaison',
      },
      '/project',
    );
    expect(config.database).toEqual({
      kind: 'remote',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'reader',
      password: 'pw',
      database: 'liaison',
    });
  });

  it('names the variable, the value, what is allowed and an example for a bad port', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([
      'PORT="eighty" is invalid: expected an integer from 0 to 65535, e.g. PORT=4000',
    ]);
    expect(problemsOf({ PORT: '70000' })).toEqual([
      'PORT="70000" is invalid: expected an integer from 0 to 65535, e.g. PORT=4000',
    ]);
  });

  it('refuses a NEO4J_URI with an unknown scheme', () => {
    expect(problemsOf({ NEO4J_URI: 'http://localhost:7474' })).toEqual([
      'NEO4J_URI="http://localhost:7474" is invalid: expected <scheme>://host[:port] with scheme bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc, e.g. NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io',
    ]);
  });

  it('defaults the query limits to what the nested reads of the tests and benchmarks need', () => {
    expect(loadConfig({}, '/project').limits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 50,
      maxTokens: 2_000,
      maxCost: 1_000_000,
      maxPageSize: 500,
    });
  });

  it('reads each query limit from its own variable', () => {
    const config = loadConfig(
      {
        QUERY_MAX_DEPTH: '8',
        QUERY_MAX_ALIASES: '0',
        QUERY_MAX_DIRECTIVES: '5',
        QUERY_MAX_TOKENS: '500',
        QUERY_MAX_COST: '20000',
        PAGE_MAX_SIZE: '50',
      },
      '/project',
    );
    expect(config.limits).toEqual({
      maxDepth: 8,
      maxAliases: 0,
      maxDirectives: 5,
      maxTokens: 500,
      maxCost: 20_000,
      maxPageSize: 50,
    });
  });

  it('refuses a query limit out of its range, naming the range and an example', () => {
    expect(
      problemsOf({
        QUERY_MAX_DEPTH: '0',
        QUERY_MAX_ALIASES: 'many',
        QUERY_MAX_DIRECTIVES: '1001',
        QUERY_MAX_TOKENS: '99',
        QUERY_MAX_COST: '1.5',
      }),
    ).toEqual([
      'QUERY_MAX_DEPTH="0" is invalid: expected an integer from 1 to 100, e.g. QUERY_MAX_DEPTH=12',
      'QUERY_MAX_ALIASES="many" is invalid: expected an integer from 0 to 1000, e.g. QUERY_MAX_ALIASES=30',
      'QUERY_MAX_DIRECTIVES="1001" is invalid: expected an integer from 0 to 1000, e.g. QUERY_MAX_DIRECTIVES=50',
      'QUERY_MAX_TOKENS="99" is invalid: expected an integer from 100 to 1000000, e.g. QUERY_MAX_TOKENS=2000',
      'QUERY_MAX_COST="1.5" is invalid: expected an integer from 1 to 1000000000, e.g. QUERY_MAX_COST=1000000',
    ]);
  });

  it('is in production mode only when NODE_ENV is production', () => {
    expect(loadConfig({}, '/project').production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }, '/project').production).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_ANONYMOUS_READ: 'true' }, '/project'),
    ).toMatchObject({ production: true });
  });

  it('reports every bad value at once, one line each', () => {
    expect(
      problemsOf({ LOG_LEVEL: 'loud', NEO4J_HEAP: 'lots', NEO4J_TX_TIMEOUT_MS: '-1' }),
    ).toEqual([
      'LOG_LEVEL="loud" is invalid: expected one of debug, info, warn, error, e.g. LOG_LEVEL=info',
      'NEO4J_TX_TIMEOUT_MS="-1" is invalid: expected an integer from 100 to 3600000, e.g. NEO4J_TX_TIMEOUT_MS=30000',
      'NEO4J_HEAP="lots" is invalid: expected a size like 512m or 2g, e.g. NEO4J_HEAP=2g',
    ]);
  });
});
