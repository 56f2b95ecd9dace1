import fc from 'fast-check';

/** The generator handle of `fc.gen()`: draws values from arbitraries, reproducibly per seed. */
export type Gen = fc.GeneratorValue;

/** One of `items` (not empty). */
export const pick = <T>(g: Gen, items: readonly T[]): T => g(() => fc.constantFrom(...items));
/** A whole number from 0 to `max`. */
export const nat = (g: Gen, max: number): number => g(() => fc.nat(max));
/** A coin toss. */
export const bool = (g: Gen): boolean => g(() => fc.boolean());

/** An enum value, printed bare in a GraphQL literal (`SIGINT`) and as a string in JSON. */
export class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** A value of the generator: JSON, or an enum literal. */
export type FuzzValue =
  | null
  | boolean
  | number
  | string
  | EnumValue
  | readonly FuzzValue[]
  | { readonly [key: string]: FuzzValue };

/** Ids of the graph the API serves, so that some requests reach real entities and links. */
export interface KnownIds {
  readonly entities: readonly string[];
  readonly links: readonly string[];
  readonly sources: readonly string[];
}

/**
 * Strings aimed at what sits behind the API: Cypher and Lucene syntax (the full-text search),
 * quotes and escapes, JSON and GraphQL syntax, path and id separators, unicode edge cases,
 * control characters and NUL.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '\' " \\ } ) MATCH (n) DETACH DELETE n //',
  "x' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n WITH 1 AS x MATCH (m',
  '`Service`',
  '`) DETACH DELETE n //',
  '$id',
  '${id}',
  '{id}',
  '\\u0000',
  '\u0000',
  'a\u0000b',
  '*',
  '?',
  '~',
  '\\',
  'title:(a OR b) AND NOT c^2 "quoted phrase"~3 [a TO z] {a TO z} /regex.*/',
  '+-&&||!(){}[]^"~*?:\\/',
  'phil*',
  'AND',
  'OR NOT',
  '../../etc/passwd',
  'kim-philby/POSTED_TO/sis-cia',
  'a/AGENT_OF/b/c',
  '//',
  'lgk_000000000000_AAAA',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  '',
  ' ',
  '\t\n\r',
  'ÿþ',
  '\uFEFF',
  '\u202Etxt.exe',
  '𝕏𝔸𝕄',
  '👩‍👩‍👧‍👦',
  '\uD800',
  '\uDFFF',
  'İıſK',
  'Ω≈ç√∫',
  '漢字',
  'كي جي بي',
  'CALL db.index.fulltext.queryNodes("x", "y") YIELD node RETURN node',
  'CALL apoc.help("x")',
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
];

/** Malformed and edge partial dates, next to valid ones. */
export const PARTIAL_DATES: readonly string[] = [
  '1949',
  '1949-10',
  '1949-10-01',
  '1949-13',
  '1949-00',
  '1949-02-30',
  '1949-1',
  '1949-10-1',
  '0000',
  '0000-01-01',
  '99999-01-01',
  '10000',
  '-0001',
  '-1949',
  '1949-10-01T00:00:00Z',
  '1949/10/01',
  '01-10-1949',
  '19491001',
  '1949-10-01-01',
  ' 1949',
  '1949 ',
  'MCMXLIX',
  '',
  '2024-02-29',
  '2023-02-29',
  '275760-09-13',
];

/** Numbers at and past every boundary a resolver or the driver might have. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  1,
  -1,
  2,
  3,
  6,
  7,
  10,
  11,
  100,
  101,
  500,
  501,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  Number.MIN_VALUE,
  0.5,
  -0.5,
  3.000001,
];

/** A number drawn from the boundaries, or any double (NaN and infinities print as such). */
export function hostileNumber(g: Gen): number {
  return bool(g) ? pick(g, HOSTILE_NUMBERS) : g(() => fc.double({ noDefaultInfinity: false }));
}

/** An id: a real one, a hostile string, or a malformed, huge or random one. */
export function hostileId(g: Gen, ids: KnownIds): string {
  switch (nat(g, 7)) {
    case 0:
    case 1:
      return pick(g, ids.entities);
    case 2:
      return pick(g, ids.links);
    case 3:
      return pick(g, HOSTILE_STRINGS);
    case 4:
      return 'x'.repeat(pick(g, [256, 10_000, 100_000]));
    case 5:
      return `${pick(g, ids.entities)}/${pick(g, ['OF', 'SERVES', 'MATCH', '`X`', ''])}/${pick(g, HOSTILE_STRINGS)}`;
    default:
      return g(() =>
        fc.string({ unit: pick(g, ['grapheme', 'binary', 'grapheme-ascii'] as const) }),
      );
  }
}

/** A string for a free-text field: hostile, random unicode, huge, or plain. */
export function hostileString(g: Gen, ids: KnownIds): string {
  switch (nat(g, 5)) {
    case 0:
    case 1:
      return pick(g, HOSTILE_STRINGS);
    case 2:
      return g(() => fc.string({ unit: 'binary', maxLength: 64 }));
    case 3:
      return pick(g, HOSTILE_STRINGS).repeat(pick(g, [100, 5_000]));
    case 4:
      return pick(g, ids.entities);
    default:
      return pick(g, ['kim', 'SIS', 'MI6', 'cia', 'Philby', 'x']);
  }
}

/** A partial date: valid, malformed, or any string. */
export function hostileDate(g: Gen): string {
  return nat(g, 4) === 0 ? g(() => fc.string({ maxLength: 12 })) : pick(g, PARTIAL_DATES);
}

/** Values of the wrong shape for whatever was expected. */
const WRONG_VALUES: readonly FuzzValue[] = [
  null,
  true,
  0,
  -1,
  1e308,
  '',
  'x',
  [],
  {},
  [null],
  { a: { b: { c: [1, 'two', null] } } },
];

/** A value of the wrong shape for whatever was expected. */
export function wrongValue(g: Gen): FuzzValue {
  return pick(g, WRONG_VALUES);
}

/** Any JSON value, with hostile strings and numbers among its leaves. */
export function hostileJson(g: Gen, depth = 0): FuzzValue {
  const kind = nat(g, depth > 3 ? 3 : 5);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return pick(g, HOSTILE_STRINGS);
    case 2: {
      const n = hostileNumber(g);
      return Number.isFinite(n) ? n : null;
    }
    case 3:
      return bool(g);
    case 4:
      return Array.from({ length: nat(g, 4) }, () => hostileJson(g, depth + 1));
    default: {
      const keys = g(() => fc.uniqueArray(fc.constantFrom(...JSON_KEYS), { maxLength: 5 }));
      return Object.fromEntries(keys.map((k) => [k, hostileJson(g, depth + 1)]));
    }
  }
}

/** Keys an import document and its entries use, and a few that nothing expects. */
const JSON_KEYS = [
  'sources',
  'countries',
  'services',
  'organizations',
  'officers',
  'channels',
  'operations',
  'id',
  'name',
  'kind',
  'title',
  'code',
  'from',
  'to',
  'classification',
  'releasableTo',
  'source',
  'lines',
  'quote',
  'section',
  'parties',
  'serves',
  'agentOf',
  'service',
  'country',
  '__proto__',
  'constructor',
  '$where',
  '',
];
