import type { Plain } from '../neo4j/index.js';

/** Reads a required string property of a row value; a missing one is a data bug, not user input. */
export function str(value: Plain | undefined, field: string): string {
  if (typeof value !== 'string')
    throw new TypeError(`expected string in '${field}', got ${JSON.stringify(value)}`);
  return value;
}

/** Reads an optional string property. */
export function optStr(value: Plain | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** The map under `key` of a row, or throws: the builders always return maps there. */
export function mapOf(value: Plain | undefined, field: string): Readonly<Record<string, Plain>> {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`expected map in '${field}', got ${JSON.stringify(value)}`);
  }
  return value as Readonly<Record<string, Plain>>;
}

/** The list under a row key, or an empty list. */
export function listOf(value: Plain | undefined): readonly Plain[] {
  return Array.isArray(value) ? (value as readonly Plain[]) : [];
}
