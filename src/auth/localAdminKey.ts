import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseApiKey } from './apiKey.js';
import { newApiKeyRecord, parseApiKeyRecords, type ApiKeyRecord } from './apiKeyRecord.js';

/** The local admin key: its record for the server, and the file holding the key. */
export interface LocalAdminKey {
  readonly record: ApiKeyRecord;
  /** The key itself, readable by this user only. */
  readonly keyFile: string;
  /** True when this start made it. */
  readonly created: boolean;
}

/**
 * A developer's machine with no way to authenticate configured would refuse every request, so
 * the API makes one admin key (TOP_SECRET, no nationality) the first time and reuses it after:
 * the key in `<dir>/admin.key`, its record in `<dir>/admin-key.json`, both mode 0600 and out of
 * git. Never in production (see `AuthConfig.localAdminKeyDir`).
 */
export function localAdminKey(dir: string, now: Date = new Date()): LocalAdminKey {
  const keyFile = path.join(dir, 'admin.key');
  const recordFile = path.join(dir, 'admin-key.json');
  if (existsSync(keyFile) && existsSync(recordFile)) {
    const parsed = parseApiKeyRecords(JSON.parse(readFileSync(recordFile, 'utf8')), recordFile);
    const key = parseApiKey(readFileSync(keyFile, 'utf8').trim());
    const [record] = 'records' in parsed ? parsed.records : [];
    if (record && key && key.id === record.id) return { record, keyFile, created: false };
  }
  const { key, record } = newApiKeyRecord(
    { name: 'local admin', role: 'admin', clearance: 'TOP_SECRET', nationality: null },
    now,
  );
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(recordFile, `${JSON.stringify([record], null, 2)}\n`, { mode: 0o600 });
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return { record, keyFile, created: true };
}
