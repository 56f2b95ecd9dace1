import { mapOf, str } from '../cypher/fields.js';
import {
  assertLabel,
  countGraph,
  createNodes,
  deleteGraph,
  deleteLinksByIds,
  labelsOfIds,
  ofLinksOf,
  replaceNodes,
  upsertSources,
} from '../cypher/importQueries.js';
import { lockEntities, lockExplicitLinkIds, lockLinks } from '../cypher/writeLocks.js';
import type { Touched } from '../audit/index.js';
import { visibleTo, type Clearance } from '../context/index.js';
import { isDerivedLinkId, LABELS, type Label } from '../model/index.js';
import type { TransactionRunner } from '../neo4j/index.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import type { GraphPlan, LinkRow } from './planGraph.js';
import { checkCitedSources, groupLinks, labelConflict, writeLinkGroups } from './writeSteps.js';

/** Node counts per label and link counts per type. */
export type GraphCounts = Readonly<Record<string, number>>;

/** How `writeGraph` runs. */
export interface WriteOptions {
  /** Delete the whole graph first (same transaction). */
  readonly reset: boolean;
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

  const declared = new Map<string, Label>();
  const declaredProps = new Map<string, Marking>();
  for (const [label, rows] of plan.nodes)
    for (const row of rows) {
      declared.set(row.id, label);
      declaredProps.set(row.id, row.props);
    }
  const referenced = new Set<string>([...plan.links.flatMap((l) => [l.start, l.end])]);
  const lookup = [...new Set([...referenced, ...declared.keys()])];
  const inDatabase = new Map<string, Label>();
  const markings = new Map<string, Marking>();
  const problems: ImportProblem[] = [];
  const { writer } = options;
  // Declared entities are locked: this write replaces them. Entities only linked to are read
  // without a lock (a country every new service links to would otherwise serialise all those
  // writes): creating a relationship takes Neo4j's own lock on both ends, so an end deleted
  // meanwhile fails the create (run again: NOT_FOUND), and a delete waits for the link.
  const toLock = lookup.filter((id) => declared.has(id));
  const toRead = lookup.filter((id) => !declared.has(id));
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
    else if (existing !== label) problems.push(labelConflict(id, existing, label));
  }
  const labelOf = (id: string): Label | undefined => declared.get(id) ?? inDatabase.get(id);
  const groups = groupLinks(plan.links, labelOf, problems);
  await checkCitedSources(tx, plan, problems);
  const existedBefore = (id: string) => !declared.has(id) || inDatabase.has(id);
  const { existing, hidden, otherType } = await lockExistingLinks(
    tx,
    plan.links,
    existedBefore,
    writer,
  );
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
  const countries = await replacedCountries(tx, plan, inDatabase, writer, problems);
  if (problems.length > 0) throw new ImportError(problems);

  const written: Record<string, number> = { Source: plan.sources.length };
  if (plan.sources.length > 0) await tx.run(upsertSources(plan.sources));
  for (const label of LABELS) {
    const rows = plan.nodes.get(label) ?? [];
    written[label] = rows.length;
    if (rows.length === 0) continue;
    const fresh = rows.filter((row) => !inDatabase.has(row.id));
    const known = rows.filter((row) => inDatabase.has(row.id));
    if (fresh.length > 0) await tx.run(createNodes(label, fresh));
    if (known.length > 0) await tx.run(replaceNodes(label, known));
  }
  if (countries.length > 0) await tx.run(deleteLinksByIds('OF', countries));
  await writeLinkGroups(tx, groups.values(), existing, written);
  if (options.reset) tx.replaced();
  tx.changed([...declared.keys(), ...referenced]);
  const markingOfEnd = (id: string): Marking => declaredProps.get(id) ?? markings.get(id) ?? {};
  const touched: Touched[] = [
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

/**
 * The OF links to delete because a declared entity that exists is given another country (an
 * entity has one country). An OF link hidden from the writer is not replaced: that is a
 * problem, as deleting what the writer cannot see would be.
 */
export async function replacedCountries(
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
