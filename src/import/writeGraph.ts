import { mapOf, str } from '../cypher/fields.js';
import {
  assertLabel,
  countGraph,
  createLinks,
  createNodes,
  deleteGraph,
  deleteLinksByIds,
  existingLinkIds,
  existingSources,
  labelsOfIds,
  ofLinksOf,
  replaceLinkProps,
  replaceNodes,
  upsertNodes,
  upsertSources,
} from '../cypher/importQueries.js';
import { lockEntities, lockExplicitLinkIds, lockLinks } from '../cypher/writeLocks.js';
import type { Touched } from '../audit/index.js';
import { visibleTo, type Clearance } from '../context/index.js';
import { isDerivedLinkId, LABELS, type Label, type LinkType } from '../model/index.js';
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
   * written, the written count falls short, and the import is refused. A bulk load writes a
   * store no one else writes, so it takes no locks and upserts with MERGE.
   */
  readonly labelHint?: (id: string) => Label | undefined;
  /** Count the whole graph after writing (default true); a bulk load counts once at the end. */
  readonly totals?: boolean;
  /**
   * `create`: every declared entity must be new (a create mutation); `upsert` (default): a
   * declared entity that exists has its properties replaced.
   */
  readonly mode?: 'create' | 'upsert';
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
  /**
   * Every entity and link written, links with the markings of their ends (an audit entry names
   * a link by an id that may spell its ends, so it is marked by them too).
   */
  readonly touched: readonly Touched[];
}

/** A stored element's marking. */
type Marking = Readonly<Record<string, unknown>>;

/**
 * Writes a plan inside the caller's transaction. First it locks every existing entity the plan
 * declares or links to, and every existing link it names (`src/cypher/writeLocks.ts`), then
 * checks against what it read after the locks: ids must exist with the right label, cited
 * sources must exist, declared ids must not belong to another kind of entity or to something
 * the writer cannot see, link ids must not belong to a link of another type. Then it writes:
 * new entities and links are CREATEd, so an id another writer took meanwhile fails on a
 * constraint (CONFLICT) instead of being overwritten; existing ones have their properties
 * replaced, so writing the same plan twice leaves the same graph. A declared entity's country
 * (OF link) replaces the one it had. Any problem throws `ImportError` before the first write,
 * and the transaction rolls back.
 */
export async function writeGraph(
  tx: TransactionRunner,
  plan: GraphPlan,
  options: WriteOptions,
): Promise<ImportSummary> {
  if (options.reset) await tx.run(deleteGraph());
  const bulk = options.labelHint !== undefined;

  const declared = new Map<string, Label>();
  const declaredProps = new Map<string, Marking>();
  for (const [label, rows] of plan.nodes)
    for (const row of rows) {
      declared.set(row.id, label);
      declaredProps.set(row.id, row.props);
    }
  const referenced = new Set<string>([...plan.links.flatMap((l) => [l.start, l.end])]);
  const hint = options.labelHint;
  const lookup = [...new Set([...referenced, ...declared.keys()])].filter(
    (id) => hint?.(id) === undefined,
  );
  const inDatabase = new Map<string, Label>();
  const markings = new Map<string, Marking>();
  if (hint)
    for (const id of referenced)
      if (!declared.has(id)) {
        const label = hint(id);
        if (label !== undefined) inDatabase.set(id, label);
      }
  const problems: ImportProblem[] = [];
  const { writer } = options;
  // Declared entities are locked: this write replaces them. Entities only linked to are read
  // without a lock (a country every new service links to would otherwise serialise all those
  // writes): creating a relationship takes Neo4j's own lock on both ends, so an end deleted
  // meanwhile fails the create (run again: NOT_FOUND), and a delete waits for the link.
  const toLock = bulk ? [] : lookup.filter((id) => declared.has(id));
  const toRead = bulk ? lookup : lookup.filter((id) => !declared.has(id));
  const found = [
    ...(toLock.length === 0 ? [] : await tx.run(lockEntities(toLock))),
    ...(toRead.length === 0 ? [] : await tx.run(labelsOfIds(toRead))),
  ];
  for (const row of found) {
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
    markings.set(id, row);
  }
  if (writer) problems.push(...unreadable(plan, writer));

  for (const [id, label] of declared) {
    const existing = inDatabase.get(id);
    if (existing === undefined) continue;
    if (options.mode === 'create')
      problems.push({
        file: 'input',
        id,
        field: 'id',
        message: `id "${id}" is already taken by a ${existing}; choose another id or update that one`,
        kind: 'conflict',
      });
    else if (existing !== label)
      problems.push({
        file: 'database',
        id,
        field: 'id',
        message: `id "${id}" already names a ${existing}; it cannot also be a ${label}`,
        kind: 'conflict',
      });
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
  const existedBefore = (id: string) => !declared.has(id) || inDatabase.has(id);
  const { existing, hidden, otherType } = bulk
    ? await existingLinksOfBulk(tx, groups.values(), existedBefore)
    : await lockExistingLinks(tx, plan.links, existedBefore, writer);
  for (const id of hidden)
    problems.push({
      file: 'database',
      id,
      message: `link id "${id}" is not available; give the link another id`,
      kind: 'conflict',
    });
  for (const [id, type] of otherType)
    problems.push({
      file: 'database',
      id,
      message: `link id "${id}" already names a ${type} link; link ids are unique across types, give this link another id`,
      kind: 'conflict',
    });
  const countries = bulk ? [] : await replacedCountries(tx, plan, inDatabase, writer, problems);
  if (problems.length > 0) throw new ImportError(problems);

  const written: Record<string, number> = { Source: plan.sources.length };
  if (plan.sources.length > 0) await tx.run(upsertSources(plan.sources));
  for (const label of LABELS) {
    const rows = plan.nodes.get(label) ?? [];
    written[label] = rows.length;
    if (rows.length === 0) continue;
    if (bulk) {
      await tx.run(upsertNodes(label, rows));
      continue;
    }
    const fresh = rows.filter((row) => !inDatabase.has(row.id));
    const known = rows.filter((row) => inDatabase.has(row.id));
    if (fresh.length > 0) await tx.run(createNodes(label, fresh));
    if (known.length > 0) await tx.run(replaceNodes(label, known));
  }
  if (countries.length > 0) await tx.run(deleteLinksByIds('OF', countries));
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
  if (options.reset) tx.replaced();
  tx.changed([...declared.keys(), ...referenced]);
  const markingOfEnd = (id: string): Marking => declaredProps.get(id) ?? markings.get(id) ?? {};
  const touched: Touched[] = bulk
    ? []
    : [
        ...[...plan.nodes.values()].flat().map(({ id, props }) => ({ id, props })),
        ...plan.links.map(({ id, props, start, end }) => ({
          id,
          props,
          ends: [markingOfEnd(start), markingOfEnd(end)],
        })),
      ];
  if (options.totals === false) return { written, totals: {}, touched };
  const totals = (await tx.run(countGraph()))[0]?.['counts'] as GraphCounts;
  return { written, totals, touched };
}

/** Which of a plan's links exist: by id, of the plan's type; hidden; or of another type. */
interface ExistingLinks {
  readonly existing: ReadonlySet<string>;
  readonly hidden: readonly string[];
  readonly otherType: ReadonlyMap<string, string>;
}

/**
 * Whether a planned link could exist already: one with a derived id joins exactly its two ends,
 * so not when either end is new; one with an explicit id could be anywhere.
 */
const mayExist = (row: LinkRow, existedBefore: (id: string) => boolean): boolean =>
  row.explicitId || (existedBefore(row.start) && existedBefore(row.end));

/**
 * Locks and reads the links of the plan that could exist (`mayExist`). An explicit id could name
 * a link of any type: those are looked up in every type while holding the lock that all writers
 * of explicit ids share, so two of them cannot both take one id with links of different types.
 */
async function lockExistingLinks(
  tx: TransactionRunner,
  links: readonly LinkRow[],
  existedBefore: (id: string) => boolean,
  writer: Clearance | undefined,
): Promise<ExistingLinks> {
  const candidates = links.filter((row) => mayExist(row, existedBefore));
  if (links.some((row) => row.explicitId && !isDerivedLinkId(row.id, row.type, row.start, row.end)))
    await tx.run(lockExplicitLinkIds());
  const existing = new Set<string>();
  const hidden: string[] = [];
  const otherType = new Map<string, string>();
  if (candidates.length === 0) return { existing, hidden, otherType };
  const typeOf = new Map(candidates.map((row) => [row.id, row.type]));
  for (const row of await tx.run(lockLinks(candidates.map((c) => c.id)))) {
    const id = str(row['id'], 'id');
    if (writer && !visibleTo(writer, row)) hidden.push(id);
    else if (row['type'] !== typeOf.get(id)) otherType.set(id, str(row['type'], 'type'));
    else existing.add(id);
  }
  return { existing, hidden, otherType };
}

/** The bulk loader's lookup: links of the plan's own types, no locks (no other writer). */
async function existingLinksOfBulk(
  tx: TransactionRunner,
  groups: Iterable<{ type: LinkType; rows: readonly LinkRow[] }>,
  existedBefore: (id: string) => boolean,
): Promise<ExistingLinks> {
  const idsByType = new Map<LinkType, string[]>();
  for (const group of groups) {
    const ids = idsByType.get(group.type) ?? [];
    for (const row of group.rows) if (mayExist(row, existedBefore)) ids.push(row.id);
    idsByType.set(group.type, ids);
  }
  const existing = new Set<string>();
  for (const [type, ids] of idsByType) {
    if (ids.length === 0) continue;
    for (const row of await tx.run(existingLinkIds(type, ids))) existing.add(str(row['id'], 'id'));
  }
  return { existing, hidden: [], otherType: new Map() };
}

/**
 * The OF links to delete because a declared entity that exists is given another country (an
 * entity has one country). An OF link hidden from the writer is not replaced: that is a
 * problem, as deleting what the writer cannot see would be.
 */
async function replacedCountries(
  tx: TransactionRunner,
  plan: GraphPlan,
  inDatabase: ReadonlyMap<string, Label>,
  writer: Clearance | undefined,
  problems: ImportProblem[],
): Promise<string[]> {
  const given = new Map(
    plan.links
      .filter((link) => link.type === 'OF' && inDatabase.has(link.start))
      .map((link) => [link.start, link]),
  );
  if (given.size === 0) return [];
  const stale: string[] = [];
  for (const row of await tx.run(ofLinksOf([...given.keys()]))) {
    const entity = str(row['entity'], 'entity');
    const id = str(row['id'], 'id');
    const link = given.get(entity);
    if (link === undefined || id === link.id) continue;
    const seen =
      writer === undefined ||
      (visibleTo(writer, mapOf(row['link'], 'link')) &&
        visibleTo(writer, mapOf(row['country'], 'country')));
    if (seen) stale.push(id);
    else
      problems.push({
        ...link.at,
        message: `the country of "${entity}" cannot be changed with your clearance; ask someone cleared for all of its links`,
        kind: 'forbidden',
      });
  }
  return stale;
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
