import type { AuthConfig } from '../../src/config/index.js';
import type { ApiKeyRecord } from '../../src/auth/index.js';
import { newApiKeyRecord } from '../../src/auth/apiKeyRecord.js';
import { createLogger, type Logger } from '../../src/log/index.js';
import type { CypherQuery, Executor, Row } from '../../src/neo4j/index.js';

/** Headers as the authenticator reads them, from a plain object. */
export const headers = (fields: Record<string, string> = {}) => {
  const lower = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name: string) => lower.get(name.toLowerCase()) };
};

/** A logger that keeps its lines, so tests can check that no secret reached them. */
export function capturingLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger('debug', (line) => lines.push(line)), lines };
}

/**
 * An executor without a database: reads answer from `keys` by the `$id` parameter (as the key
 * store's statements do) and are counted; writes fail, since unit tests never write.
 */
export function fakeExecutor(keys: readonly ApiKeyRecord[] = []): {
  executor: Executor;
  reads: CypherQuery[];
} {
  const reads: CypherQuery[] = [];
  const executor = {
    read: (query: CypherQuery): Promise<Row[]> => {
      reads.push(query);
      const record = keys.find((key) => key.id === query.params['id']);
      return Promise.resolve(record === undefined ? [] : [{ revokedAt: null, ...record }]);
    },
    write: (): Promise<Row[]> => Promise.reject(new Error('unit tests do not write')),
  } as unknown as Executor;
  return { executor, reads };
}

/** A key and its record, as `npm run keys -- create` makes them. */
export const makeKey = (
  overrides: Partial<Pick<ApiKeyRecord, 'name' | 'role' | 'clearance' | 'nationality'>> = {},
): { key: string; record: ApiKeyRecord } =>
  newApiKeyRecord({
    name: 'test key',
    role: 'analyst',
    clearance: 'SECRET',
    nationality: 'GBR',
    ...overrides,
  });

export const authConfig = (overrides: Partial<AuthConfig> = {}): AuthConfig => ({
  anonymousRead: false,
  apiKeys: [],
  jwt: undefined,
  localAdminKeyDir: undefined,
  ...overrides,
});
