export { createAuthenticator } from './authenticator.js';
export type { Authenticator, AuthResult, HeaderReader } from './authenticator.js';
export { ANONYMOUS_CALLER, ROLES, roleAtLeast } from './caller.js';
export type { Caller, Role } from './caller.js';
export { ApiKeyStore } from './apiKeyStore.js';
export type { ApiKeyStoreOptions, ApiKeySummary } from './apiKeyStore.js';
export { parseApiKeyInput, parseApiKeyRecords } from './apiKeyRecord.js';
export type { ApiKeyInput, ApiKeyRecord } from './apiKeyRecord.js';
