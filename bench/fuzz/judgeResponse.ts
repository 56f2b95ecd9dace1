import { APOLLO_CLIENT_CODES, ErrorCode } from '../../src/errors/index.js';

/**
 * Codes a fuzzed request may be answered with: every code of `src/errors/codes.ts` except
 * INTERNAL_SERVER_ERROR (an uncaught fault) and SERVICE_UNAVAILABLE (Neo4j down, which never
 * happens during a fuzz run), and Apollo's client codes.
 */
export const ALLOWED_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter(
    (code) => code !== ErrorCode.INTERNAL_SERVER_ERROR && code !== ErrorCode.SERVICE_UNAVAILABLE,
  ),
  ...APOLLO_CLIENT_CODES,
]);

/**
 * What would show a server's insides: a stack frame or trace, a source path, a driver or Java
 * class, a JavaScript fault's own message, or Cypher (a clause followed by a pattern, a
 * parameter or a procedure). A match is a leak only when the request did not contain the same
 * text, since messages quote what arrived ("got ...").
 */
const LEAKS: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>[\]]+ \([^)]*:\d+:\d+\)/,
  /[\w.-]+\.(?:ts|js|mjs|cjs):\d+:\d+/,
  /node_modules\//,
  /"stacktrace"\s*:/,
  /Neo4jError|Neo\.(?:ClientError|TransientError|DatabaseError)\.[\w.]+|org\.neo4j|java\.\w+\./,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError): /,
  /Cannot read propert(?:y|ies) of|is not a function|is not iterable|Maximum call stack/,
  /\b(?:OPTIONAL MATCH|MATCH|MERGE|UNWIND|DETACH DELETE|RETURN|WITH|CALL|YIELD)\s+[\w($`{[]*[\w$`(][\w$`:.)]*/,
];

/** One HTTP exchange as the judge sees it. */
export interface Exchange {
  /** The request: method, query string and body, as sent. */
  readonly method: string;
  readonly search: string;
  readonly requestBody: string;
  /** The answer. */
  readonly status: number;
  readonly responseBody: string;
}

/** What a response says and what is wrong with it. */
export interface Judgement {
  /** `extensions.code` of each error in order (`(uncoded)` when one has none). */
  readonly codes: readonly string[];
  /** Every broken rule, in words; empty when the response keeps the contract. */
  readonly problems: readonly string[];
  /** The parsed body, when it is JSON. */
  readonly body: unknown;
}

/**
 * Judges one response against the API's contract for any input: never a 5xx, always a JSON
 * body, every error with an allowed `extensions.code`, nothing of the server's insides.
 */
export function judgeResponse(exchange: Exchange): Judgement {
  const problems: string[] = [];
  if (exchange.status >= 500) problems.push(`HTTP ${exchange.status}`);
  let body: unknown;
  try {
    body = JSON.parse(exchange.responseBody);
  } catch {
    problems.push(`HTTP ${exchange.status} with a body that is not JSON`);
  }
  const codes: string[] = [];
  const errors = isRecord(body) ? body['errors'] : undefined;
  if (errors !== undefined && !Array.isArray(errors)) problems.push('`errors` is not a list');
  for (const error of Array.isArray(errors) ? (errors as unknown[]) : []) {
    const extensions = isRecord(error) ? error['extensions'] : undefined;
    const code = isRecord(extensions) ? extensions['code'] : undefined;
    if (typeof code !== 'string') {
      codes.push('(uncoded)');
      problems.push(`an error without extensions.code: ${JSON.stringify(error).slice(0, 300)}`);
    } else {
      codes.push(code);
      if (!ALLOWED_CODES.has(code)) problems.push(`an error coded ${code}`);
    }
  }
  if (isRecord(body) && errors === undefined && !('data' in body))
    problems.push('a JSON body with neither `data` nor `errors`');
  const leak = leakIn(exchange);
  if (leak !== undefined) problems.push(`the response shows server internals: ${leak}`);
  return { codes, problems, body };
}

/** The first leak pattern the response matches and the request did not contain. */
function leakIn(exchange: Exchange): string | undefined {
  const asked = requestText(exchange);
  for (const pattern of LEAKS) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of exchange.responseBody.matchAll(global)) {
      const found = match[0];
      if (!asked.includes(found) && !asked.includes(unescapeJson(found))) return found;
    }
  }
  return undefined;
}

/** The request's text in every form a message may quote it: raw, URL-decoded, JSON-decoded. */
function requestText(exchange: Exchange): string {
  const parts = [exchange.requestBody, safeDecode(exchange.search)];
  try {
    parts.push(
      JSON.stringify(JSON.parse(exchange.requestBody)),
      deepStrings(JSON.parse(exchange.requestBody)),
    );
  } catch {
    // not JSON: the raw text is all there is
  }
  return parts.join('\n');
}

function deepStrings(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(deepStrings).join('\n');
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${k}\n${deepStrings(v)}`)
      .join('\n');
  return String(value);
}

function unescapeJson(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
