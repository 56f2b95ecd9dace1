import { z } from 'zod';
import { RELEASABLE_TO_NONE } from '../audit/index.js';
import { CLASSIFICATIONS, type Classification } from '../model/index.js';
import { API_KEY_HASH_PATTERN, API_KEY_ID_PATTERN, generateApiKey } from './apiKey.js';
import { MARKER_IS_NO_NATIONALITY, ROLES, type Role } from './caller.js';

/** A stored API key: never the key itself, only the hash of its secret. */
export interface ApiKeyRecord {
  readonly id: string;
  /** Who or what holds the key, for people reading lists and logs. */
  readonly name: string;
  /** SHA-256 of the secret, lower-case hex. */
  readonly hash: string;
  readonly role: Role;
  readonly clearance: Classification;
  /** ISO 3166 alpha-3 in upper case, or null. */
  readonly nationality: string | null;
  /** ISO 8601 instant. */
  readonly createdAt: string;
  /** ISO 8601 instant; a revoked key is refused. */
  readonly revokedAt?: string;
}

const INSTANT = 'expected an ISO 8601 instant such as 2025-01-31T12:00:00Z';
const instant = z.iso.datetime({ offset: true, error: INSTANT });

/** A string field whose every failure, absence included, reads `message`. */
const shaped = (pattern: RegExp, message: string) =>
  z.string({ error: message }).regex(pattern, message);

const FIELDS = [
  'id',
  'name',
  'hash',
  'role',
  'clearance',
  'nationality',
  'createdAt',
  'revokedAt',
] as const;

/**
 * The record as written in `API_KEYS` and `API_KEYS_FILE`. Unknown fields are refused: a
 * misspelt `revokedAt` would otherwise leave a key active.
 */
const recordSchema = z.strictObject(
  {
    id: shaped(API_KEY_ID_PATTERN, 'expected 12 lower-case hex characters'),
    name: z
      .string({ error: 'expected non-empty text' })
      .trim()
      .min(1, 'expected non-empty text')
      .max(200, 'expected at most 200 characters'),
    hash: shaped(API_KEY_HASH_PATTERN, 'expected the SHA-256 of the secret in lower-case hex'),
    role: z.enum(ROLES, { error: `expected one of ${ROLES.join(', ')}` }),
    clearance: z.enum(CLASSIFICATIONS, {
      error: `expected one of ${CLASSIFICATIONS.join(', ')}`,
    }),
    nationality: shaped(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code in upper case, e.g. GBR')
      .refine(
        (code) => code !== RELEASABLE_TO_NONE,
        `${MARKER_IS_NO_NATIONALITY}; give a real code, or none`,
      )
      .nullable()
      .default(null),
    createdAt: instant,
    revokedAt: instant.nullable().optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}: expected only ${FIELDS.join(', ')}`
        : 'expected a key record (a JSON object)',
  },
);

/** What a new key is given; the rest is generated. */
export type ApiKeyInput = Pick<ApiKeyRecord, 'name' | 'role' | 'clearance' | 'nationality'>;

const inputSchema = recordSchema.pick({
  name: true,
  role: true,
  clearance: true,
  nationality: true,
});

/** Validates what a new key is to be given; each problem names its field. */
export function parseApiKeyInput(
  value: Readonly<Record<string, unknown>>,
): { input: ApiKeyInput } | { problems: string[] } {
  const result = inputSchema.safeParse(value);
  if (result.success) return { input: result.data };
  return {
    problems: result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`,
    ),
  };
}

/** A new key and its record; `key` is to be shown once and never stored. */
export function newApiKeyRecord(
  input: ApiKeyInput,
  now: Date = new Date(),
): { key: string; record: ApiKeyRecord } {
  const { key, id, hash } = generateApiKey();
  const { name, role, clearance, nationality } = input;
  const record = { id, name, hash, role, clearance, nationality, createdAt: now.toISOString() };
  return { key, record };
}

/** Maps a parsed record to `ApiKeyRecord`, dropping an absent or null `revokedAt`. */
const toRecord = ({ revokedAt, ...rest }: z.output<typeof recordSchema>): ApiKeyRecord =>
  revokedAt === null || revokedAt === undefined ? rest : { ...rest, revokedAt };

/**
 * Validates a JSON array of key records (as `npm run keys -- create` prints them). Each problem
 * starts with `source` and the entry, e.g. `API_KEYS: entry 2 (0123456789ab): role: expected ...`.
 */
export function parseApiKeyRecords(
  value: unknown,
  source: string,
): { records: ApiKeyRecord[] } | { problems: string[] } {
  if (!Array.isArray(value)) {
    return {
      problems: [
        `${source}: expected a JSON array of key records as printed by \`npm run keys -- create\``,
      ],
    };
  }
  const records: ApiKeyRecord[] = [];
  const problems: string[] = [];
  value.forEach((entry: unknown, index) => {
    const result = recordSchema.safeParse(entry);
    if (result.success) {
      records.push(toRecord(result.data));
      return;
    }
    const id = (entry as { id?: unknown } | null)?.id;
    const place = `${source}: entry ${index}${typeof id === 'string' ? ` (${id})` : ''}:`;
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      problems.push(`${place}${field === '' ? '' : ` ${field}:`} ${issue.message}`);
    }
  });
  return problems.length > 0 ? { problems } : { records };
}

/**
 * A record read back from the database, or undefined when the node was edited into something
 * that is not a valid key (such a key is refused rather than trusted). Times come back as
 * Cypher prints them (`...:00Z` without a zero fraction); they are given the `toISOString`
 * form they were written in.
 */
export function storedApiKeyRecord(
  row: Readonly<Record<string, unknown>>,
): ApiKeyRecord | undefined {
  const result = recordSchema.safeParse(row);
  if (!result.success) return undefined;
  const { createdAt, revokedAt, ...rest } = toRecord(result.data);
  const iso = (instant: string): string => new Date(instant).toISOString();
  return {
    ...rest,
    createdAt: iso(createdAt),
    ...(revokedAt === undefined ? {} : { revokedAt: iso(revokedAt) }),
  };
}
