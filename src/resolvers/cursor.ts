import { badInput, shown } from '../errors/index.js';
import type { Keyset } from '../cypher/index.js';

/**
 * The longest cursor read. A cursor holds an ordering name, a sort key (at most a 300-character
 * name, 900 bytes in UTF-8) and an id (at most 200 characters): under 1,600 characters of
 * base64url. Anything much longer is refused before it is decoded.
 */
const MAX_CURSOR_LENGTH = 4096;

/** How an ordering is named (`Service:NAME:ASC`, `AUDIT:AT:DESC`), and so how long at most. */
const ORDERING_PATTERN = /^[A-Za-z_]{1,40}(?::[A-Z_]{1,20}){1,3}$/;

/** Opaque keyset cursor: the sort key and id of an entry, plus the ordering it belongs to. */
export function encodeCursor(ordering: string, keyset: Keyset): string {
  return Buffer.from(JSON.stringify([ordering, keyset.key, keyset.id])).toString('base64url');
}

/**
 * Reads a cursor of `ordering`; anything else is BAD_USER_INPUT naming the argument, and
 * repeating at most the start of what arrived.
 */
export function decodeCursor(ordering: string, cursor: string): Keyset {
  const fix = "pass the 'endCursor' or an edge 'cursor' of a previous page";
  if (cursor.length > MAX_CURSOR_LENGTH) {
    throw badInput(
      `'after' is not a cursor of this list: cursors are at most ${MAX_CURSOR_LENGTH} characters; ${fix}. Got ${shown(cursor)}.`,
      { argument: 'after', max: MAX_CURSOR_LENGTH },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !parsed.every((part) => typeof part === 'string') ||
    !ORDERING_PATTERN.test(parsed[0] as string)
  ) {
    throw badInput(`'after' is not a cursor of this list; ${fix}. Got ${shown(cursor)}.`, {
      argument: 'after',
    });
  }
  const [cursorOrdering, key, id] = parsed as [string, string, string];
  if (cursorOrdering !== ordering) {
    throw badInput(
      `'after' is a cursor of another list or ordering (${cursorOrdering}); this list is ordered by ${ordering}. Start again without 'after'.`,
      {
        argument: 'after',
      },
    );
  }
  return { key, id };
}

/**
 * Checks a page size (`first`, or the argument named) against 1..max; `setting` names the
 * configuration that sets the max, when one does.
 */
export function checkFirst(
  first: number,
  max: number,
  argument = 'first',
  setting: string | null = 'PAGE_MAX_SIZE',
): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput(
      `'${argument}' must be from 1 to ${max}${setting ? ` (${setting})` : ''}; got ${first}.`,
      {
        ...(setting ? { limit: setting } : {}),
        argument,
        min: 1,
        max,
      },
    );
  }
  return first;
}
