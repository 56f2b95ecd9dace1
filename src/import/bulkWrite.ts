import { str } from '../cypher/fields.js';
import {
  assertLabel,
  createLinks,
  createNodes,
  deleteLinksByIds,
  entityLabels,
  existingLinkIds,
  existingSources,
  ofLinksOf,
  replaceLinkProps,
  replaceNodes,
  upsertSources,
} from '../cypher/importQueries.js';
import { isDerivedLinkId, LABELS, type Label, type LinkType } from '../model/index.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import { describe, type GraphPlan, type LinkRow } from './planGraph.js';
import type { GraphCounts } from './writeGraph.js';

/**
 * Writes one validated plan of a bulk load inside the caller's transaction, for a store no one
 * else writes (no locks): the checks of `writeGraph` against the database, then the writes,
 * with fewer lookups. One read finds which declared ids exist, with their labels (and the
 * labels of referenced ids the caller's `labelHint` does not know); ids the hint knows are
 * not looked up, and a link whose end is missing is caught by the count of links written. New
 * entities and links are CREATEd; existing ones get their properties replaced, and an existing
 * entity given another country loses its old OF link, so loading a plan again gives the same
 * graph. A link can exist already only if both its ends did, or if its id was given explicitly:
 * only those are looked up, so a first load looks up no link at all. Any problem throws
 * `ImportError` before the first write.
 */
export async function writeBulk(
  tx: TransactionRunner,
  plan: GraphPlan,
  labelHint: (id: string) => Label | undefined,
): Promise<GraphCounts> {
  const declared = new Map<string, Label>();
  for (const [label, rows] of plan.nodes) for (const row of rows) declared.set(row.id, label);
  const referenced = new Set(plan.links.flatMap((link) => [link.start, link.end]));
  const lookup = [...declared.keys()];
  for (const id of referenced)
    if (!declared.has(id) && labelHint(id) === undefined) lookup.push(id);
  const stored = new Map<string, Label>();
  for (const row of lookup.length === 0 ? [] : await tx.run(entityLabels(lookup))) {
    const label = str(row['label'], 'label');
    assertLabel(label);
    stored.set(str(row['id'], 'id'), label);
  }
  const problems: ImportProblem[] = [];
  for (const [id, label] of declared) {
    const existing = stored.get(id);
    if (existing !== undefined && existing !== label)
      problems.push({
        file: 'database',
        id,
        field: 'id',
        message: `id "${id}" already names a ${existing}; it cannot also be a ${label}`,
        kind: 'conflict',
      });
  }
  const labelOf = (id: string) => declared.get(id) ?? stored.get(id) ?? labelHint(id);
  const groups = new Map<string, { type: LinkType; start: Label; end: Label; rows: LinkRow[] }>();
  for (const link of plan.links) {
    const start = labelOf(link.start);
    const end = labelOf(link.end);
    if (start === undefined || end === undefined) {
      problems.push({
        ...link.at,
        message: `"${start === undefined ? link.start : link.end}" names nothing, neither in the document nor in the database`,
        kind: 'missing',
      });
    } else if (!link.endLabels.includes(end)) {
      problems.push({
        ...link.at,
        message: `"${link.end}" is a ${end}; expected ${link.endLabels.join(' or ')}`,
      });
    } else {
      const key = `${link.type}:${start}:${end}`;
      const group = groups.get(key) ?? { type: link.type, start, end, rows: [] };
      group.rows.push(link);
      groups.set(key, group);
    }
  }
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
  if (problems.length > 0) throw new ImportError(problems);

  const existedBefore = (id: string) => !declared.has(id) || stored.has(id);
  const existing = await existingLinks(tx, groups.values(), existedBefore);
  const written: Record<string, number> = { Source: plan.sources.length };
  if (plan.sources.length > 0) await tx.run(upsertSources(plan.sources));
  for (const label of LABELS) {
    const rows = plan.nodes.get(label) ?? [];
    written[label] = rows.length;
    const fresh = rows.filter((row) => !stored.has(row.id));
    const again = rows.filter((row) => stored.has(row.id));
    if (fresh.length > 0) await tx.run(createNodes(label, fresh));
    if (again.length > 0) await tx.run(replaceNodes(label, again));
  }
  const stale = await staleCountries(tx, plan, stored);
  if (stale.length > 0) await tx.run(deleteLinksByIds('OF', stale));
  const shortfalls: ImportProblem[] = [];
  for (const group of groups.values()) {
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
  tx.changed([...declared.keys(), ...referenced]);
  return written;
}

/** The links of the plan that exist already (of the plan's types): only those that could. */
async function existingLinks(
  tx: TransactionRunner,
  groups: Iterable<{ type: LinkType; rows: readonly LinkRow[] }>,
  existedBefore: (id: string) => boolean,
): Promise<ReadonlySet<string>> {
  const idsByType = new Map<LinkType, string[]>();
  for (const { type, rows } of groups) {
    const ids = idsByType.get(type) ?? [];
    for (const row of rows)
      if (
        (row.explicitId && !isDerivedLinkId(row.id, row.type, row.start, row.end)) ||
        (existedBefore(row.start) && existedBefore(row.end))
      )
        ids.push(row.id);
    idsByType.set(type, ids);
  }
  const existing = new Set<string>();
  for (const [type, ids] of idsByType)
    if (ids.length > 0)
      for (const row of await tx.run(existingLinkIds(type, ids)))
        existing.add(str(row['id'], 'id'));
  return existing;
}

/** OF links of existing declared entities that the plan gives another country. */
async function staleCountries(
  tx: TransactionRunner,
  plan: GraphPlan,
  stored: ReadonlyMap<string, Label>,
): Promise<string[]> {
  const given = new Map(
    plan.links
      .filter((link) => link.type === 'OF' && stored.has(link.start))
      .map((link) => [link.start, link.id]),
  );
  if (given.size === 0) return [];
  return (await tx.run(ofLinksOf([...given.keys()])))
    .filter((row) => given.get(str(row['entity'], 'entity')) !== str(row['id'], 'id'))
    .map((row) => str(row['id'], 'id'));
}
