import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newApiKeyRecord, parseApiKeyInput, parseApiKeyRecords } from './apiKeyRecord.js';
import type { ApiKeyRecord } from './apiKeyRecord.js';
import { ROLES } from './caller.js';

/** Where the command writes: the key and record to `stdout`, notes and problems to `stderr`. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = `usage: npm run keys -- create --name <name> --role <${ROLES.join('|')}>
         --clearance <UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP_SECRET> [--nationality GBR] [--file keys.json]`;

/** Thrown for anything the operator can fix; the command exits with code 2. */
class UsageError extends Error {}

/** The records already in the file, or none when it does not exist yet. */
async function readKeysFile(file: string): Promise<ApiKeyRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw new UsageError(`${file}: cannot be read (${String((error as { code?: unknown }).code)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: is not JSON (${(error as Error).message})`);
  }
  const parsed = parseApiKeyRecords(value, file);
  if ('problems' in parsed) throw new UsageError(parsed.problems.join('\n'));
  return parsed.records;
}

/**
 * Writes the records next to the file and renames them over it, so a crash leaves the old file
 * whole; the file is readable by its owner only, since it grants access.
 */
async function writeKeysFile(file: string, records: readonly ApiKeyRecord[]): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(records, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

async function create(args: readonly string[], io: CommandIo): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        clearance: { type: 'string' },
        nationality: { type: 'string' },
        file: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = (['name', 'role', 'clearance'] as const).filter((k) => values[k] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  }
  const parsed = parseApiKeyInput({
    name: values.name,
    role: values.role,
    clearance: values.clearance,
    nationality: values.nationality ?? null,
  });
  if ('problems' in parsed) {
    throw new UsageError(parsed.problems.map((problem) => `--${problem}`).join('\n'));
  }
  const { key, record } = newApiKeyRecord(parsed.input);
  if (values.file === undefined) {
    io.stdout(`${key}\n${JSON.stringify(record)}\n`);
    io.stderr(
      `The key is shown this once; only the hash of its secret is kept. Add the record to the JSON array in API_KEYS.\n`,
    );
    return;
  }
  const file = path.resolve(values.file);
  const records = await readKeysFile(file);
  await writeKeysFile(file, [...records, record]);
  io.stdout(`${key}\n`);
  io.stderr(
    `The key is shown this once; only the hash of its secret is kept. Key ${record.id} (${record.name}) was added to ${file}; point API_KEYS_FILE at it.\n`,
  );
}

/** `npm run keys -- <command> ...`; resolves with the exit code. */
export async function keysCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command !== 'create') {
      throw new UsageError(
        command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`,
      );
    }
    await create(rest, io);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(
      `${error.message
        .split('\n')
        .map((line) => `keys: ${line}`)
        .join('\n')}\n${USAGE}\n`,
    );
    return 2;
  }
}
