import { str } from '../cypher/fields.js';
import {
  assertLabel,
  countGraph,
  deleteGraph,
  existingSources,
  labelsOfIds,
  createLinks,
  existingLinkIds,
  replaceLinkProps,
  upsertNodes,
  upsertSources,
} from '../cypher/importQueries.js';
import { visibleTo, type Clearance } from '../context/index.js';
import { LABELS, type Label, type LinkType } from '../model/index.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import { describe, type GraphPlan, type LinkRow } from './planGraph.js';

/** Node counts per label and link counts per type. */
export type GraphCounts = Readonly<Record<string, number>>;

/** How `writeGraph` runs. */
export interface WriteOptions {
  /** Delete the whole graph first (same transaction). */
  readonly reset: boolean;
  /**
   * Labels of ids the caller knows (a bulk load knows its own id scheme): those ids skip the
   * label lookup. Their existence is still checked: links whose ends are missing are not
   * written, the written count falls short, and the import is refused.
   */
  readonly labelHint?: (id: string) => Label | undefined;
  /** Count the whole graph after writing (default true); a bulk load counts once at the end. */
  readonly totals?: boolean;
  /**
   * The caller writing, when the write is on behalf of one who may not see everything: ids it
   * cannot see name nothing when referenced and are not available when declared, existing
   * links it cannot see are not replaced, and it writes nothing it could not read back.
   * Absent: the loaders and imports, which see the whole graph.
   */
  readonly writer?: Clearance;
}

/** What one import wrote. */
export interface ImportSummary {
  /** Rows written per label / type / `Source` (created or replaced). */
  readonly written: GraphCounts;
  /** The whole graph's counts after the import, in the same transaction. */
  readonly totals: GraphCounts;
}

/**
 * Writes a plan inside the caller's transaction: checks every reference the document leaves to
 * the database first (ids must exist with the right label, cited sources must exist, declared
 * ids must not belong to another kind of entity), then upserts sources, nodes and links by id.
 * Upserts replace properties, so writing the same plan twice leaves the same graph. Any
 * problem throws `ImportError` before the first write, and the transaction rolls back.
 */
export async function writeGraph(
  tx: TransactionRunner,
  plan: GraphPlan,
  options: WriteOptions,
): Promise<ImportSummary> {
  if (options.reset) await tx.run(deleteGraph());

  const declared = new Map<string, Label>();
  for (const [label, rows] of plan.nodes) for (const row of rows) declared.set(row.id, label);
  const referenced = new Set<string>([...plan.links.flatMap((l) => [l.start, l.end])]);
  const hint = options.labelHint;
  const lookup = [...new Set([...referenced, ...declared.keys()])].filter(
    (id) => hint?.(id) === undefined,
  );
  const inDatabase = new Map<string, Label>();
  if (hint)
    for (const id of referenced)
      if (!declared.has(id)) {
        const label = hint(id);
        if (label !== undefined) inDatabase.set(id, label);
      }
  const problems: ImportProblem[] = [];
  const { writer } = options;
  for (const row of lookup.length === 0 ? [] : await tx.run(labelsOfIds(lookup))) {
    const label = str(row['label'], 'label');
    assertLabel(label);
    const id = str(row['id'], 'id');
    if (writer && !visibleTo(writer, row)) {
      // What the writer cannot see does not exist for it, except that its id stays taken.
      if (declared.has(id))
        problems.push({
          file: 'database',
          id,
          field: 'id',
          message: `id "${id}" is not available; choose another id`,
          kind: 'conflict',
        });
      continue;
    }
    inDatabase.set(id, label);
  }
  if (writer) problems.push(...unreadable(plan, writer));

  for (const [id, label] of declared) {
    const existing = inDatabase.get(id);
    if (existing !== undefined && existing !== label) {
      problems.push({
        file: 'database',
        id,
        field: 'id',
        message: `id "${id}" already names a ${existing}; it cannot also be a ${label}`,
        kind: 'conflict',
      });
    }
  }
  const labelOf = (id: string): Label | undefined => declared.get(id) ?? inDatabase.get(id);
  const groups = new Map<string, { type: LinkType; start: Label; end: Label; rows: LinkRow[] }>();
  for (const link of plan.links) {
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
  const uncited = [...plan.citedSources.keys()];
  const known = new Set(
    (uncited.length === 0 ? [] : await tx.run(existingSources(uncited))).map((row) =>
      str(row['id'], 'id'),
    ),
  );
  for (const [id, at] of plan.citedSources) {
    if (!known.has(id))
      problems.push({
        ...at,
        message: `cites source "${id}", which is neither in the document's sources nor in the database (first cited at ${describe(at)})`,
      });
  }
  if (problems.length > 0) throw new ImportError(problems);

  const written: Record<string, number> = { Source: plan.sources.length };
  if (plan.sources.length > 0) await tx.run(upsertSources(plan.sources));
  /** Declared ids whose node existed before this write; the other declared nodes are new. */
  const existedBefore = new Set<string>();
  for (const label of LABELS) {
    const rows = plan.nodes.get(label) ?? [];
    written[label] = rows.length;
    if (rows.length === 0) continue;
    for (const row of await tx.run(upsertNodes(label, rows)))
      existedBefore.add(str(row['id'], 'id'));
  }
  const { existing, hidden } = await existingLinks(
    tx,
    groups.values(),
    (id) => !declared.has(id) || existedBefore.has(id),
    writer,
  );
  if (hidden.length > 0)
    throw new ImportError(
      hidden.map((id) => ({
        file: 'database',
        id,
        message: `link id "${id}" is not available; give the link another id`,
        kind: 'conflict',
      })),
    );
  const shortfalls: ImportProblem[] = [];
  for (const group of groups.values()) {
    written[group.type] = (written[group.type] ?? 0) + group.rows.length;
    // New links are CREATEd (no MERGE scan, no eager plan); existing ones get their properties replaced.
    const fresh = group.rows.filter((r) => !existing.has(r.id));
    const known = group.rows.filter((r) => existing.has(r.id));
    let count = 0;
    if (fresh.length > 0) {
      const rows = fresh.map(({ id, start, end, props }) => ({ id, start, end, props }));
      count += Number(
        (await tx.run(createLinks(group.type, group.start, group.end, rows)))[0]?.['written'] ?? 0,
      );
    }
    if (known.length > 0) {
      const rows = known.map(({ id, props }) => ({ id, props }));
      count += Number((await tx.run(replaceLinkProps(group.type, rows)))[0]?.['written'] ?? 0);
    }
    if (count < group.rows.length) {
      shortfalls.push({
        file: group.rows[0]?.at.file ?? 'document',
        message: `${group.rows.length - count} of ${group.rows.length} ${group.type} links name a ${group.start} or ${group.end} that does not exist`,
        kind: 'missing',
      });
    }
  }
  if (shortfalls.length > 0) throw new ImportError(shortfalls);
  if (options.totals === false) return { written, totals: {} };
  const totals = (await tx.run(countGraph()))[0]?.['counts'] as GraphCounts;
  return { written, totals };
}

/**
 * The ids of the plan's links that already exist. Only links that could exist are looked up:
 * a link with a derived id joins exactly its two ends, so it cannot exist when either end is a
 * node this write creates (a fresh bulk load looks up nothing). Links with explicit ids are
 * always looked up.
 */
async function existingLinks(
  tx: TransactionRunner,
  groups: Iterable<{ type: LinkType; rows: readonly LinkRow[] }>,
  existedBefore: (id: string) => boolean,
  writer: Clearance | undefined,
): Promise<{ existing: Set<string>; hidden: string[] }> {
  const idsByType = new Map<LinkType, string[]>();
  const hidden: string[] = [];
  for (const group of groups) {
    const ids = idsByType.get(group.type) ?? [];
    for (const row of group.rows)
      if (row.explicitId || (existedBefore(row.start) && existedBefore(row.end))) ids.push(row.id);
    idsByType.set(group.type, ids);
  }
  const existing = new Set<string>();
  for (const [type, ids] of idsByType) {
    if (ids.length === 0) continue;
    for (const row of await tx.run(existingLinkIds(type, ids))) {
      const id = str(row['id'], 'id');
      if (writer && !visibleTo(writer, row)) hidden.push(id);
      else existing.add(id);
    }
  }
  return { existing, hidden };
}

/** What a writer may mark what it writes with, as its refusals say. */
export const mayWrite = (writer: Clearance): string =>
  `you may write up to ${writer.clearance}${writer.nationality ? `, releasable to ${writer.nationality}` : ' and not restricted by releasableTo'}`;

/** Rows the writer could not read back: marked above its clearance or not releasable to it. */
function unreadable(plan: GraphPlan, writer: Clearance): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const allowed = mayWrite(writer);
  for (const rows of plan.nodes.values())
    for (const row of rows)
      if (!visibleTo(writer, row.props))
        problems.push({
          file: 'input',
          id: row.id,
          field: 'classification',
          message: `"${row.id}" would be marked ${String(row.props['classification'])}${markedFor(row.props)}, which you could not read back; ${allowed}`,
          kind: 'forbidden',
        });
  for (const link of plan.links)
    if (!visibleTo(writer, link.props))
      problems.push({
        ...link.at,
        field: 'classification',
        message: `link "${link.id}" would be marked ${String(link.props['classification'])}${markedFor(link.props)}, which you could not read back; ${allowed}`,
        kind: 'forbidden',
      });
  return problems;
}

const markedFor = (props: Readonly<Record<string, unknown>>): string =>
  Array.isArray(props['releasableTo']) && props['releasableTo'].length > 0
    ? ` releasable to ${props['releasableTo'].join(', ')}`
    : '';
