import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SDL files of `schema/`, the source of truth for the API. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** Reads every `*.graphql` file of `schema/`, in name order. */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}
