import type { CitationRecord, Props } from '../cypher/index.js';
import { CLASSIFICATIONS, type Classification } from '../model/index.js';

/** A required string property; its absence is a data bug, reported as an internal error. */
export function text(props: Props, key: string): string {
  const value = props[key];
  if (typeof value !== 'string')
    throw new TypeError(`stored property '${key}' is not a string: ${JSON.stringify(value)}`);
  return value;
}

/** The display name of an entity: its `name`, else its id. */
export const nameOf = (props: Props, id: string): string => {
  const name = props['name'];
  return typeof name === 'string' ? name : id;
};

/** An optional string property. */
export const optText = (props: Props, key: string): string | null => {
  const value = props[key];
  return typeof value === 'string' ? value : null;
};

/** A list-of-strings property (empty when absent). */
export const textList = (props: Props, key: string): string[] => {
  const value = props[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** An optional boolean property. */
export const optBool = (props: Props, key: string): boolean | null => {
  const value = props[key];
  return typeof value === 'boolean' ? value : null;
};

/** A property from a closed vocabulary; anything else stored is a data bug. */
export function member<T extends string>(values: readonly T[], props: Props, key: string): T {
  const value = props[key];
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new TypeError(
    `stored property '${key}' is not one of ${values.join(', ')}: ${JSON.stringify(value)}`,
  );
}

/** An optional property from a closed vocabulary. */
export function optMember<T extends string>(
  values: readonly T[],
  props: Props,
  key: string,
): T | null {
  return props[key] === undefined || props[key] === null ? null : member(values, props, key);
}

/** Access-control fields every entity and link carries. */
export const classification = (props: Props): Classification =>
  optMember(CLASSIFICATIONS, props, 'classification') ?? 'UNCLASSIFIED';

/** The stored citations (JSON strings) of an element. */
export function citations(props: Props): CitationRecord[] {
  return textList(props, 'citations').map((json) => JSON.parse(json) as CitationRecord);
}
