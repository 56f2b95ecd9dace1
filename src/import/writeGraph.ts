import { str } from '../cypher/fields.js';
import {
  assertLabel,
  countGraph,
  deleteGraph,
  existingSources,
  labelsOfIds,
  upsertLinks,
  upsertNodes,
  upsertSources,
} from '../cypher/importQueries.js';
import { LABELS, type Label, type LinkType } from '../model/index.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import { describe, type GraphPlan, type LinkRow } from './planGraph.js';

/** Node counts per label and link counts per type. */
export type GraphCounts = Readonly<Record<string, number>>;

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
  options: { reset: boolean },
): Promise<ImportSummary> {
  if (options.reset) await tx.run(deleteGraph());

  const declared = new Map<string, Label>();
  for (const [label, rows] of plan.nodes) for (const row of rows) declared.set(row.id, label);
  const referenced = new Set<string>([...plan.links.flatMap((l) => [l.start, l.end])]);
  const lookup = [...new Set([...referenced, ...declared.keys()])];
  const inDatabase = new Map<string, Label>();
  for (const row of await tx.run(labelsOfIds(lookup))) {
    const label = str(row['label'], 'label');
    assertLabel(label);
    inDatabase.set(str(row['id'], 'id'), label);
  }

  const problems: ImportProblem[] = [];
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
    (await tx.run(existingSources(uncited))).map((row) => str(row['id'], 'id')),
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
  for (const label of LABELS) {
    const rows = plan.nodes.get(label) ?? [];
    written[label] = rows.length;
    if (rows.length > 0) await tx.run(upsertNodes(label, rows));
  }
  for (const group of groups.values()) {
    written[group.type] = (written[group.type] ?? 0) + group.rows.length;
    await tx.run(
      upsertLinks(
        group.type,
        group.start,
        group.end,
        group.rows.map(({ id, start, end, props }) => ({ id, start, end, props })),
      ),
    );
  }
  const totals = (await tx.run(countGraph()))[0]?.['counts'] as GraphCounts;
  return { written, totals };
}
