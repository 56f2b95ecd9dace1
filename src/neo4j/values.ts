import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isTime,
  isNode,
  isRelationship,
} from 'neo4j-driver';

/** A driver-free value: what resolvers and callers see. */
export type Plain =
  null | boolean | number | string | readonly Plain[] | { readonly [key: string]: Plain };

/**
 * Turns driver values into plain values: Integers become numbers (strings beyond 2^53, which
 * JSON clients could not read exactly), temporal values ISO strings, nodes and relationships
 * their properties. Nothing of the driver's types survives past this boundary.
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint')
    return neo4j.integer.inSafeRange(neo4j.int(value)) ? Number(value) : value.toString();
  if (isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, Plain> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  // Symbols and functions never come from the driver; they have no plain form.
  return null;
}
