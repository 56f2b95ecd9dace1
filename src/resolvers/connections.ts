import {
  countEntities,
  countPenetrations,
  listEntities,
  listPenetrations,
  str,
  assertLabel,
  type ConnectionRecord,
  type EntityListFilter,
  type EntityRecord,
  type Keyset,
  type LinkRecord,
  type PenetrationListFilter,
  type Props,
  type SortDirection,
  type SortField,
} from '../cypher/index.js';
import type { Context } from '../context/index.js';
import type { Label } from '../model/index.js';
import type { Row } from '../neo4j/index.js';
import { checkFirst, decodeCursor, encodeCursor } from './cursor.js';

/** One page of a keyset-paged list: edges with cursors, page info and a lazy total. */
export function page<T>(
  rows: readonly Row[],
  first: number,
  after: string | null | undefined,
  ordering: string,
  toNode: (row: Row) => T,
  keysetOf: (row: Row) => Keyset,
  count: () => Promise<number>,
): ConnectionRecord<T> {
  const edges = rows
    .slice(0, first)
    .map((row) => ({ node: toNode(row), cursor: encodeCursor(ordering, keysetOf(row)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count,
  };
}

const totalOf = (rows: readonly Row[]): number => Number(rows[0]?.['total'] ?? 0);

/**
 * A page of entities of one label: validated `first`, keyset `after`, one query for the page
 * and, only when `totalCount` is asked for, one for the count.
 */
export async function entityConnection(
  { executor, visibility, limits }: Pick<Context, 'executor' | 'visibility' | 'limits'>,
  label: Label,
  args: { first: number; after?: string | null; field: SortField; direction: SortDirection },
  filter: EntityListFilter,
): Promise<ConnectionRecord<EntityRecord>> {
  const first = checkFirst(args.first, limits.pageMaxSize);
  const ordering = `${label}:${args.field}:${args.direction}`;
  const after = args.after ? decodeCursor(ordering, args.after) : undefined;
  const rows = await executor.read(
    listEntities(
      label,
      {
        filter,
        field: args.field,
        direction: args.direction,
        first,
        ...(after ? { after } : {}),
      },
      visibility,
    ),
  );
  return page(
    rows,
    first,
    args.after,
    ordering,
    (row) => ({ label, props: row['props'] as Props }),
    (row) => ({ key: str(row['key'], 'key'), id: str((row['props'] as Props)['id'], 'id') }),
    async () => totalOf(await executor.read(countEntities(label, filter, visibility))),
  );
}

/** A page of penetrations ordered by start date then id. */
export async function penetrationConnection(
  { executor, visibility, limits }: Pick<Context, 'executor' | 'visibility' | 'limits'>,
  args: { first: number; after?: string | null },
  filter: PenetrationListFilter,
): Promise<ConnectionRecord<LinkRecord>> {
  const first = checkFirst(args.first, limits.pageMaxSize);
  const ordering = 'AGENT_OF:FROM:ASC';
  const after = args.after ? decodeCursor(ordering, args.after) : undefined;
  const rows = await executor.read(
    listPenetrations({ filter, first, ...(after ? { after } : {}) }, visibility),
  );
  return page(
    rows,
    first,
    args.after,
    ordering,
    (row) => {
      const otherLabel = str(row['otherLabel'], 'otherLabel');
      assertLabel(otherLabel);
      return {
        type: 'AGENT_OF',
        props: row['link'] as Props,
        start: { label: 'Officer', props: row['agent'] as Props },
        end: { label: otherLabel, props: row['other'] as Props },
      };
    },
    (row) => ({ key: str(row['key'], 'key'), id: str((row['link'] as Props)['id'], 'id') }),
    async () => totalOf(await executor.read(countPenetrations(filter, visibility))),
  );
}
