import { badInput } from '../errors/index.js';
import type { Keyset } from '../cypher/index.js';

/** Opaque keyset cursor: the sort key and id of an entry, plus the ordering it belongs to. */
export function encodeCursor(ordering: string, keyset: Keyset): string {
  return Buffer.from(JSON.stringify([ordering, keyset.key, keyset.id])).toString('base64url');
}

/** Reads a cursor of `ordering`; anything else is BAD_USER_INPUT naming the argument. */
export function decodeCursor(ordering: string, cursor: string): Keyset {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !parsed.every((part) => typeof part === 'string')
  ) {
    throw badInput(
      `'after' is not a cursor of this list; pass the 'endCursor' or an edge 'cursor' of a previous page. Got "${cursor}".`,
      {
        argument: 'after',
      },
    );
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
