import { newApiKeyRecord, type ApiKeyInput } from '../../src/auth/apiKeyRecord.js';
import type { AuthConfig } from '../../src/config/index.js';

/**
 * API keys made afresh in each test process (no secret lives in the repository): one per role,
 * all cleared TOP_SECRET and of no nationality, so that each sees every unrestricted element.
 */
const made = {
  reader: newApiKeyRecord(spec('reader')),
  analyst: newApiKeyRecord(spec('analyst')),
  editor: newApiKeyRecord(spec('editor')),
  admin: newApiKeyRecord(spec('admin')),
};

function spec(role: ApiKeyInput['role']): ApiKeyInput {
  return { name: `test ${role}`, role, clearance: 'TOP_SECRET', nationality: null };
}

/** The keys, by role. */
export const TEST_KEYS = {
  reader: made.reader.key,
  analyst: made.analyst.key,
  editor: made.editor.key,
  admin: made.admin.key,
} as const;

/** The server's view of them: what `API_KEYS` would configure. */
export const testAuth: AuthConfig = {
  anonymousRead: false,
  apiKeys: Object.values(made).map((m) => m.record),
  jwt: undefined,
  localAdminKeyDir: undefined,
};

/** `API_KEYS` for an API started as a child process. */
export const testApiKeysEnv = (): string => JSON.stringify(testAuth.apiKeys);
