import { str } from '../cypher/fields.js';
import {
  assertLabel,
  createNodes,
  deleteLinksByIds,
  entityLabels,
  existingLinkIds,
  replaceNodes,
  upsertSources,
} from '../cypher/importQueries.js';
import { isDerivedLinkId, LABELS, type Label, type LinkType } from '../model/index.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import type { GraphPlan, LinkRow } from './planGraph.js';
import { replacedCountries, type GraphCounts } from './writeGraph.js';
import { checkCitedSources, groupLinks, labelConflict, writeLinkGroups } from './writeSteps.js';

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
      problems.push(labelConflict(id, existing, label));
  }
  const labelOf = (id: string) => declared.get(id) ?? stored.get(id) ?? labelHint(id);
  const groups = groupLinks(plan.links, labelOf, problems);
  await checkCitedSources(tx, plan, problems);
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
  // Loaders see the whole graph: no writer to hide a country from, so no problem is added.
  const stale = await replacedCountries(tx, plan, stored, undefined, problems);
  if (stale.length > 0) await tx.run(deleteLinksByIds('OF', stale));
  await writeLinkGroups(tx, groups.values(), existing, written);
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
