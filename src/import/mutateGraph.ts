import {
  deleteEntity as deleteEntityQuery,
  deleteLinkById,
  deleteOfLinks,
  entitiesByIds,
  entityWithCountry,
  existingSources,
  labelsOfIds,
  linkById,
  linkRecordOf,
  listOf,
  mapOf,
  setLinkProps,
  str,
  assertLabel,
  createLinks,
  type EntityRecord,
  type LinkRecord,
  type Props,
} from '../cypher/index.js';
import type { Auditor, Touched } from '../audit/index.js';
import { SEE_ALL, visibilityFor, visibleTo, type Clearance } from '../context/index.js';
import { LINKS, type Label, type LinkType } from '../model/index.js';
import type { Executor, Plain, TransactionRunner } from '../neo4j/index.js';
import { SECTIONS } from './graphDocument.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import { defaultLinkId, linkInputOf, linkProps } from './linkInput.js';
import { planGraph, SECTION_LABEL, type GraphPlan } from './planGraph.js';
import { mayWrite, writeGraph, type ImportSummary } from './writeGraph.js';

export const ENTITY_SECTIONS = SECTION_LABEL;
export type EntitySection = keyof typeof ENTITY_SECTIONS;

/** Entry fields set from links or derived, never stored as given. */
const NOT_STORED_AS_GIVEN = new Set([
  'sources',
  'country',
  'nationality',
  'succeeded',
  'serves',
  'postedTo',
  'agentOf',
  'parties',
  'conductedBy',
  'through',
  'participants',
  'targeted',
]);

/** `base` with a patch applied: absent keys keep their value, null removes the key. */
function applyPatch(
  base: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const cleared = new Set(
    Object.entries(patch)
      .filter(([, v]) => v === null)
      .map(([k]) => k),
  );
  return Object.fromEntries(
    Object.entries({ ...base, ...withoutNulls(patch) }).filter(([key]) => !cleared.has(key)),
  );
}

/** Drops null and undefined values (GraphQL nulls mean "not given" for creation). */
function withoutNulls(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}

async function readEntity(tx: TransactionRunner, label: Label, id: string): Promise<EntityRecord> {
  const rows = await tx.run(entitiesByIds([id], SEE_ALL, [label]));
  const row = rows[0];
  if (!row)
    throw new ImportError([
      { file: 'input', id, message: `${label} "${id}" was not written`, kind: 'missing' },
    ]);
  return { label, props: mapOf(row['props'], 'props') };
}

/**
 * A write on a caller's behalf: what it may see and write (see `WriteOptions.writer`), and the
 * audit log that records the write in its own transaction. Without one (loaders, tests), a
 * write sees the whole graph and is not audited.
 */
export interface Behalf {
  readonly writer: Clearance;
  readonly audit: Auditor;
}

/** What a writer sees: everything when the write is not on a caller's behalf. */
const viewOf = (writer: Clearance | undefined) => (writer ? visibilityFor(writer) : SEE_ALL);

/** Every node and link row of a plan, as an audit entry names them. */
const rowsOf = (plan: GraphPlan): Touched[] => [
  ...[...plan.nodes.values()].flat(),
  ...plan.links.map(({ id, props }) => ({ id, props })),
];

/**
 * Creates one entity (and its OF link) in one transaction; CONFLICT when the id is taken (an
 * id taken by something the writer cannot see is only "not available").
 */
export function createEntity(
  executor: Executor,
  section: EntitySection,
  input: Readonly<Record<string, unknown>>,
  behalf?: Behalf,
): Promise<EntityRecord> {
  const writer = behalf?.writer;
  const label = ENTITY_SECTIONS[section];
  const entry = withoutNulls(input);
  const plan = planGraph({ [section]: [entry] }, () => 'input');
  const id = String(entry['id']);
  return executor.writeTransaction(async (tx) => {
    const [taken] = await tx.run(labelsOfIds([id]));
    if (taken) {
      const seen = writer === undefined || visibleTo(writer, taken);
      throw new ImportError([
        {
          file: 'input',
          id,
          field: 'id',
          message: seen
            ? `id "${id}" is already taken by a ${str(taken['label'], 'label')}; choose another id or update that one`
            : `id "${id}" is not available; choose another id`,
          kind: 'conflict',
        },
      ]);
    }
    await writeGraph(tx, plan, { reset: false, totals: false, ...(writer ? { writer } : {}) });
    await behalf?.audit.record(tx, { before: [], after: rowsOf(plan) });
    return readEntity(tx, label, id);
  });
}

/**
 * Applies a patch to one entity in one transaction: absent fields keep their value, null
 * clears an optional one; the result is validated as a whole entry, like a created one.
 */
export function updateEntity(
  executor: Executor,
  section: EntitySection,
  id: string,
  patch: Readonly<Record<string, unknown>>,
  behalf?: Behalf,
): Promise<EntityRecord> {
  const writer = behalf?.writer;
  const label = ENTITY_SECTIONS[section];
  const view = viewOf(writer);
  return executor.writeTransaction(async (tx) => {
    const row = (await tx.run(entityWithCountry(label, id, view)))[0];
    if (!row)
      throw new ImportError([
        { file: 'input', id, message: `no ${label} has id "${id}"`, kind: 'missing' },
      ]);
    const props = mapOf(row['props'], 'props');
    const entry = applyPatch(entryOf(section, props, row['country']), patch);
    const plan = planGraph({ [section]: [entry] }, () => 'input');
    await tx.run(deleteOfLinks(label, id, view));
    await writeGraph(tx, plan, { reset: false, totals: false, ...(writer ? { writer } : {}) });
    await behalf?.audit.record(tx, { before: [{ id, props }], after: rowsOf(plan) });
    return readEntity(tx, label, id);
  });
}

/** The entry (document form) of a stored entity: its given fields, citations and country. */
function entryOf(
  section: EntitySection,
  props: Props,
  country: Plain | undefined,
): Record<string, unknown> {
  const fields = Object.keys(SECTIONS[section].shape).filter(
    (key) => !NOT_STORED_AS_GIVEN.has(key),
  );
  const entry: Record<string, unknown> = {};
  for (const key of fields)
    if (props[key] !== undefined && props[key] !== null) entry[key] = props[key];
  if (Array.isArray(entry['aliases']) && entry['aliases'].length === 0) delete entry['aliases'];
  if (Array.isArray(entry['releasableTo']) && entry['releasableTo'].length === 0)
    delete entry['releasableTo'];
  if (Array.isArray(entry['disciplines']) && entry['disciplines'].length === 0)
    delete entry['disciplines'];
  const citations = Array.isArray(props['citations']) ? props['citations'] : [];
  entry['sources'] = citations.map((json) => JSON.parse(String(json)) as unknown);
  if (typeof country === 'string')
    entry[section === 'officers' ? 'nationality' : 'country'] = country;
  return entry;
}

/**
 * Deletes an entity and its links; NOT_FOUND when it does not exist (or the writer cannot see
 * it). An entity with links the writer cannot see is not deleted: that would destroy what the
 * writer may not even know of, so the refusal says only that its clearance does not allow it.
 */
export function deleteEntity(
  executor: Executor,
  label: Label,
  id: string,
  behalf?: Behalf,
): Promise<{ id: string; linksDeleted: number }> {
  return executor.writeTransaction(async (tx) => {
    const [row] = await tx.run(deleteEntityQuery(label, id, viewOf(behalf?.writer)));
    if (!row)
      throw new ImportError([
        { file: 'input', id, message: `no ${label} has id "${id}"`, kind: 'missing' },
      ]);
    if (Number(row['hidden'] ?? 0) > 0)
      throw new ImportError([
        {
          file: 'input',
          id,
          message: `${label} "${id}" cannot be deleted with your clearance; ask someone cleared for all of its links`,
          kind: 'forbidden',
        },
      ]);
    const gone = listOf(row['removed']).map((entry) => {
      const [removedId, classification, releasableTo] = listOf(entry);
      return { id: str(removedId, 'removed.id'), props: { classification, releasableTo } };
    });
    await behalf?.audit.record(tx, { before: gone, after: [] });
    return { id, linksDeleted: Number(row['links'] ?? 0) };
  });
}

/** A link by id with both ends, when it exists and the writer (if any) sees all three. */
async function findLink(
  tx: TransactionRunner,
  id: string,
  writer?: Clearance,
): Promise<LinkRecord | undefined> {
  const row = (await tx.run(linkById(id)))[0];
  if (!row) return undefined;
  if (
    writer &&
    ![row['link'], row['start'], row['end']].every((props) =>
      visibleTo(writer, mapOf(props, 'props')),
    )
  )
    return undefined;
  return linkRecordOf(row);
}

async function checkSources(tx: TransactionRunner, sourceIds: readonly string[]): Promise<void> {
  const known = new Set(
    (await tx.run(existingSources(sourceIds))).map((row) => str(row['id'], 'id')),
  );
  const problems: ImportProblem[] = sourceIds
    .filter((s) => !known.has(s))
    .map((s) => ({
      file: 'input',
      field: 'sources',
      message: `cites source "${s}", which is not in the graph; import it first`,
    }));
  if (problems.length > 0) throw new ImportError(problems);
}

/**
 * Creates a link between existing entities in one transaction. For a writer, ends it cannot see
 * name nothing, and the link must be one it could read back.
 */
export function createLink(
  executor: Executor,
  input: { type: LinkType; start: string; end: string; id?: string | null } & Readonly<
    Record<string, unknown>
  >,
  behalf?: Behalf,
): Promise<LinkRecord> {
  const writer = behalf?.writer;
  const { type, start, end, id: givenId, ...rest } = input;
  const id = givenId ?? defaultLinkId(start, type, end);
  const { props, sourceIds } = linkProps(type, id, withoutNulls(rest));
  return executor.writeTransaction(async (tx) => {
    const labels = new Map<string, Label>();
    for (const row of await tx.run(labelsOfIds([start, end]))) {
      const label = str(row['label'], 'label');
      assertLabel(label);
      if (writer === undefined || visibleTo(writer, row)) labels.set(str(row['id'], 'id'), label);
    }
    const problems: ImportProblem[] = [];
    if (writer && !visibleTo(writer, props)) problems.push(unreadableLink(id, writer));
    const check = (
      field: 'start' | 'end',
      entityId: string,
      allowed: readonly Label[],
    ): Label | undefined => {
      const label = labels.get(entityId);
      if (label === undefined)
        problems.push({
          file: 'input',
          field,
          message: `"${entityId}" names nothing`,
          kind: 'missing',
        });
      else if (!allowed.includes(label))
        problems.push({
          file: 'input',
          field,
          message: `"${entityId}" is a ${label}; a ${type} link ${field === 'start' ? 'starts at' : 'ends at'} ${allowed.join(' or ')}`,
        });
      return label;
    };
    const startLabel = check('start', start, LINKS[type].start);
    const endLabel = check('end', end, LINKS[type].end);
    if (type === 'AGENT_OF' && endLabel === 'Organization' && props['kind'] !== 'INSIDER') {
      problems.push({
        file: 'input',
        field: 'kind',
        message: `only an INSIDER's AGENT_OF link can end at an organization; got ${String(props['kind'])}`,
      });
    }
    if (problems.length > 0 || startLabel === undefined || endLabel === undefined)
      throw new ImportError(problems);
    if (await findLink(tx, id)) {
      const seen = writer === undefined || (await findLink(tx, id, writer)) !== undefined;
      throw new ImportError([
        {
          file: 'input',
          field: 'id',
          id,
          message: seen
            ? `link "${id}" already exists; update it, or give another id`
            : `link id "${id}" is not available; give the link another id`,
          kind: 'conflict',
        },
      ]);
    }
    await checkSources(tx, sourceIds);
    await tx.run(createLinks(type, startLabel, endLabel, [{ id, start, end, props }]));
    const created = await findLink(tx, id);
    if (!created) throw new Error(`link ${id} was not written`);
    await behalf?.audit.record(tx, { before: [], after: [{ id, props: created.props }] });
    return created;
  });
}

/** Applies a patch to a link's properties in one transaction (a link the writer sees). */
export function updateLink(
  executor: Executor,
  id: string,
  patch: Readonly<Record<string, unknown>>,
  behalf?: Behalf,
): Promise<LinkRecord> {
  const writer = behalf?.writer;
  return executor.writeTransaction(async (tx) => {
    const existing = await findLink(tx, id, writer);
    if (!existing)
      throw new ImportError([
        { file: 'input', id, message: `no link has id "${id}"`, kind: 'missing' },
      ]);
    const merged = applyPatch(linkInputOf(existing.props), patch);
    const { props, sourceIds } = linkProps(existing.type, id, merged);
    if (
      existing.type === 'AGENT_OF' &&
      existing.end.label === 'Organization' &&
      props['kind'] !== 'INSIDER'
    ) {
      throw new ImportError([
        {
          file: 'input',
          field: 'kind',
          message: `only an INSIDER's AGENT_OF link can end at an organization; got ${String(props['kind'])}`,
        },
      ]);
    }
    if (writer && !visibleTo(writer, props)) throw new ImportError([unreadableLink(id, writer)]);
    await checkSources(tx, sourceIds);
    await tx.run(setLinkProps(existing.type, id, props));
    await behalf?.audit.record(tx, {
      before: [{ id, props: existing.props }],
      after: [{ id, props }],
    });
    return { ...existing, props: props };
  });
}

/** Deletes a link; NOT_FOUND when none has the id (that the writer sees). */
export function deleteLink(
  executor: Executor,
  id: string,
  behalf?: Behalf,
): Promise<{ id: string; linksDeleted: number }> {
  return executor.writeTransaction(async (tx) => {
    const existing = await findLink(tx, id, behalf?.writer);
    if (!existing)
      throw new ImportError([
        { file: 'input', id, message: `no link has id "${id}"`, kind: 'missing' },
      ]);
    await tx.run(deleteLinkById(existing.type, id));
    await behalf?.audit.record(tx, { before: [{ id, props: existing.props }], after: [] });
    return { id, linksDeleted: 0 };
  });
}

/**
 * Upserts a graph document (the seed format) in one transaction, validated whole first; on a
 * writer's behalf, under the same rules as every write (see `WriteOptions.writer`).
 */
export function importDocument(
  executor: Executor,
  document: unknown,
  behalf?: Behalf,
): Promise<ImportSummary> {
  const writer = behalf?.writer;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ImportError([
      {
        file: 'document',
        message:
          'expected an object with one list per section (sources, countries, services, organizations, officers, channels, operations)',
      },
    ]);
  }
  const plan = planGraph(document as Record<string, unknown>, (section) => section);
  return executor.writeTransaction(async (tx) => {
    const summary = await writeGraph(tx, plan, { reset: false, ...(writer ? { writer } : {}) });
    await behalf?.audit.record(tx, { before: [], after: rowsOf(plan) });
    return summary;
  });
}

/** The refusal of a link marked so that its writer could not read it back. */
const unreadableLink = (id: string, writer: Clearance): ImportProblem => ({
  file: 'input',
  id,
  field: 'classification',
  message: `link "${id}" would be marked so that you could not read it back; ${mayWrite(writer)}`,
  kind: 'forbidden',
});
