import { str } from '../cypher/fields.js';
import { createLinks, existingSources, replaceLinkProps } from '../cypher/importQueries.js';
import type { Label, LinkType } from '../model/index.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import { describe, type GraphPlan, type LinkRow } from './planGraph.js';

/** A plan's links of one type between two labels: written by one statement. */
export interface LinkGroup {
  readonly type: LinkType;
  readonly start: Label;
  readonly end: Label;
  readonly rows: LinkRow[];
}

/** The refusal of a declared id that the database holds under another label. */
export const labelConflict = (id: string, existing: Label, label: Label): ImportProblem => ({
  file: 'database',
  id,
  field: 'id',
  message: `id "${id}" already names a ${existing}; it cannot also be a ${label}`,
  kind: 'conflict',
});

/**
 * The plan's links grouped by type and end labels (`labelOf` says each end's label); a link
 * whose end names nothing or is of a label the type does not allow is a problem instead.
 */
export function groupLinks(
  links: readonly LinkRow[],
  labelOf: (id: string) => Label | undefined,
  problems: ImportProblem[],
): Map<string, LinkGroup> {
  const groups = new Map<string, LinkGroup>();
  for (const link of links) {
    const start = labelOf(link.start);
    const end = labelOf(link.end);
    if (start === undefined || end === undefined) {
      const missing = start === undefined ? link.start : link.end;
      problems.push({
        ...link.at,
        message: `"${missing}" names nothing, neither in the document nor in the database`,
        kind: 'missing',
      });
      continue;
    }
    if (!link.endLabels.includes(end)) {
      problems.push({
        ...link.at,
        message: `"${link.end}" is a ${end}; expected ${link.endLabels.join(' or ')}`,
      });
      continue;
    }
    const key = `${link.type}:${start}:${end}`;
    const group = groups.get(key) ?? { type: link.type, start, end, rows: [] };
    group.rows.push(link);
    groups.set(key, group);
  }
  return groups;
}

/** A problem for every source the plan cites that is neither in it nor in the database. */
export async function checkCitedSources(
  tx: TransactionRunner,
  plan: GraphPlan,
  problems: ImportProblem[],
): Promise<void> {
  const cited = [...plan.citedSources.keys()];
  const known = new Set(
    (cited.length === 0 ? [] : await tx.run(existingSources(cited))).map((row) =>
      str(row['id'], 'id'),
    ),
  );
  for (const [id, at] of plan.citedSources)
    if (!known.has(id))
      problems.push({
        ...at,
        message: `cites source "${id}", which is neither in the document's sources nor in the database (first cited at ${describe(at)})`,
      });
}

/**
 * Writes the groups' links: new ones (not in `existing`) are CREATEd (no MERGE scan, no eager
 * plan), existing ones get their properties replaced. Counts them into `written`; a group that
 * wrote fewer than it has names an end that does not exist, and the import is refused.
 */
export async function writeLinkGroups(
  tx: TransactionRunner,
  groups: Iterable<LinkGroup>,
  existing: ReadonlySet<string>,
  written: Record<string, number>,
): Promise<void> {
  const shortfalls: ImportProblem[] = [];
  for (const group of groups) {
    written[group.type] = (written[group.type] ?? 0) + group.rows.length;
    const fresh = group.rows.filter((row) => !existing.has(row.id));
    const again = group.rows.filter((row) => existing.has(row.id));
    let count = 0;
    if (fresh.length > 0) {
      const rows = fresh.map(({ id, start, end, props }) => ({ id, start, end, props }));
      const query = createLinks(group.type, group.start, group.end, rows);
      count += Number((await tx.run(query))[0]?.['written'] ?? 0);
    }
    if (again.length > 0) {
      const rows = again.map(({ id, props }) => ({ id, props }));
      count += Number((await tx.run(replaceLinkProps(group.type, rows)))[0]?.['written'] ?? 0);
    }
    if (count < group.rows.length)
      shortfalls.push({
        file: group.rows[0]?.at.file ?? 'document',
        message: `${group.rows.length - count} of ${group.rows.length} ${group.type} links name a ${group.start} or ${group.end} that does not exist`,
        kind: 'missing',
      });
  }
  if (shortfalls.length > 0) throw new ImportError(shortfalls);
}
