import {
  deleteEntity as deleteEntityQuery,
  deleteLinkById,
  deleteOfLinks,
  entitiesByIds,
  entityWithCountry,
  existingSources,
  linkById,
  linkRecordOf,
  labelsOfIds,
  listOf,
  lockEntities,
  lockExplicitLinkIds,
  lockLinks,
  mapOf,
  setLinkProps,
  str,
  assertLabel,
  createLinks,
  type EntityRecord,
  type LinkRecord,
  type Props,
} from '../cypher/index.js';
import type { Auditor } from '../audit/index.js';
import { IdTakenError, shown } from '../errors/index.js';
import { SEE_ALL, visibilityFor, visibleTo, type Clearance } from '../context/index.js';
import {
  explicitLinkIdProblem,
  isDerivedLinkId,
  LINKS,
  type Label,
  type LinkType,
} from '../model/index.js';
import type { Executor, Plain, TransactionRunner } from '../neo4j/index.js';
import { SECTIONS } from './graphDocument.js';
import { ImportError, type ImportProblem } from './importProblem.js';
import { defaultLinkId, linkInputOf, linkProps } from './linkInput.js';
import { planGraph, SECTION_LABEL } from './planGraph.js';
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

/**
 * Creates one entity (and its OF link) in one transaction; CONFLICT when the id is taken (an
 * id taken by something the writer cannot see is only "not available"). The node is CREATEd,
 * never merged, so a concurrent create of the same id fails on the database's unique `Entity.id`
 * constraint rather than overwriting: of any number of simultaneous creates, exactly one wins.
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
    const summary = await writeGraph(tx, plan, {
      reset: false,
      totals: false,
      mode: 'create',
      ...(writer ? { writer } : {}),
    });
    await behalf?.audit.record(tx, { before: [], after: summary.touched });
    return readEntity(tx, label, id);
  });
}

/** Patch fields that change an entity's country link (its end, or the marking it shares). */
const COUNTRY_FIELDS = ['country', 'nationality', 'classification', 'releasableTo'];

/**
 * Applies a patch to one entity in one transaction: absent fields keep their value, null
 * clears an optional one; the result is validated as a whole entry, like a created one. The
 * entity is locked before it is read, so two concurrent updates are applied one after the
 * other and neither loses the other's fields. Its country link is rewritten only when the
 * patch changes the country or the marking it shares, never by an unrelated update.
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
  const missing = () =>
    new ImportError([
      { file: 'input', id, message: `no ${label} has id "${id}"`, kind: 'missing' },
    ]);
  return executor.writeTransaction(async (tx) => {
    const [locked] = await tx.run(lockEntities([id]));
    if (!locked || locked['label'] !== label || (writer && !visibleTo(writer, locked)))
      throw missing();
    const row = (await tx.run(entityWithCountry(label, id, view)))[0];
    if (!row) throw missing();
    const props = mapOf(row['props'], 'props');
    const countryChanges = COUNTRY_FIELDS.some((field) => field in patch);
    const stored = entryOf(section, props, countryChanges ? row['country'] : undefined);
    const countryField = section === 'officers' ? 'nationality' : 'country';
    const entry = applyPatch(stored, patch);
    const kept = countryChanges
      ? entry
      : Object.fromEntries(Object.entries(entry).filter(([key]) => key !== countryField));
    const plan = planGraph({ [section]: [kept] }, () => 'input');
    if (countryChanges) await tx.run(deleteOfLinks(label, id, view));
    const summary = await writeGraph(tx, plan, {
      reset: false,
      totals: false,
      ...(writer ? { writer } : {}),
    });
    await behalf?.audit.record(tx, { before: [{ id, props }], after: summary.touched });
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
    // Locked first: a link created meanwhile (its writer locks both ends) is either committed
    // before this reads the entity's links, or waits for the delete and finds no end.
    await tx.run(lockEntities([id]));
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
    const entity = mapOf(row['entity'], 'entity');
    const gone = listOf(row['removed']).map((entry) => {
      const [removedId, classification, releasableTo, other] = listOf(entry);
      return {
        id: str(removedId, 'removed.id'),
        props: { classification, releasableTo },
        ends: [entity, other === null || other === undefined ? entity : mapOf(other, 'other')],
      };
    });
    tx.changed([
      id,
      ...gone.flatMap((g) => g.ends.map((end) => end['id'])).filter((e) => typeof e === 'string'),
    ]);
    await behalf?.audit.record(tx, { before: gone, after: [] });
    return { id, linksDeleted: Number(row['links'] ?? 0) };
  });
}

/**
 * A link by id with both ends, locked first, when it exists and the writer (if any) sees all
 * three. The lock makes the read the last committed state and holds it until this write ends.
 */
async function lockLink(
  tx: TransactionRunner,
  id: string,
  writer?: Clearance,
): Promise<LinkRecord | undefined> {
  if ((await tx.run(lockLinks([id]))).length === 0) return undefined;
  return readLink(tx, id, writer);
}

/** A link by id with both ends (one this transaction locked or wrote), if the writer sees all three. */
async function readLink(
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
 * OF links are not Links: a service's or organization's country and an officer's nationality
 * are fields of the entity, written with it (one country each, marked as the entity is). The
 * link mutations refuse them before anything is written.
 */
function refuseCountryLink(type: string, field: 'type' | 'id'): void {
  if (type !== 'OF') return;
  throw new ImportError([
    {
      file: 'input',
      field,
      message:
        'an OF link is the country of a service or organization, or the nationality of an officer: set it with updateService, updateOrganization or updateOfficer (country or nationality; null clears it), not as a link',
    },
  ]);
}

/** The longest explicit link id, as in graph documents. */
const LINK_ID_MAX_LENGTH = 200;

/**
 * Creates a link between existing entities in one transaction. For a writer, ends it cannot see
 * name nothing, and the link must be one it could read back. Creating the relationship takes
 * Neo4j's lock on both ends, so an end deleted meanwhile makes the create fail and run again
 * (then NOT_FOUND), and a delete that comes second waits and deletes the link with its end; the link is CREATEd, so a concurrent create of its id fails on the
 * type's unique id constraint (CONFLICT); an explicit id is checked against every type under
 * the lock that writers of explicit ids share.
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
  refuseCountryLink(type, 'type');
  const id = givenId ?? defaultLinkId(start, type, end);
  const early: ImportProblem[] = [];
  const idProblem = givenId ? explicitLinkIdProblem(givenId, type, start, end) : undefined;
  if (idProblem !== undefined) early.push({ file: 'input', field: 'id', id, message: idProblem });
  if (givenId && (givenId.length > LINK_ID_MAX_LENGTH || /\p{Cc}/u.test(givenId)))
    early.push({
      file: 'input',
      field: 'id',
      message: `a link id has 1 to ${LINK_ID_MAX_LENGTH} characters and no control characters; got ${shown(givenId)}`,
    });
  if (type === 'SUCCEEDED' && start === end)
    early.push({
      file: 'input',
      field: 'end',
      message: `a service cannot succeed itself; got start and end "${start}"`,
    });
  if (early.length > 0) throw new ImportError(early);
  const { props, sourceIds } = linkProps(type, id, withoutNulls(rest));
  return executor.writeTransaction(async (tx) => {
    if (!isDerivedLinkId(id, type, start, end)) await tx.run(lockExplicitLinkIds());
    const labels = new Map<string, Label>();
    // Not locked: creating the relationship takes Neo4j's own lock on both ends (see writeGraph).
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
    const [taken] = await tx.run(lockLinks([id]));
    if (taken) {
      const seen =
        writer === undefined ||
        (visibleTo(writer, taken) && (await readLink(tx, id, writer)) !== undefined);
      throw new ImportError([
        {
          file: 'input',
          field: 'id',
          id,
          message: seen
            ? `link "${id}" already exists${taken['type'] === type ? '' : ` as a ${str(taken['type'], 'type')} link`}; update it, or give another id`
            : `link id "${id}" is not available; give the link another id`,
          kind: 'conflict',
        },
      ]);
    }
    await checkSources(tx, sourceIds);
    await tx.run(createLinks(type, startLabel, endLabel, [{ id, start, end, props }]));
    tx.changed([start, end]);
    const created = await readLink(tx, id);
    if (!created)
      throw new ImportError([
        {
          file: 'input',
          id,
          message: `an end of link "${id}" was deleted meanwhile`,
          kind: 'missing',
        },
      ]);
    await behalf?.audit.record(tx, {
      before: [],
      after: [{ id, props: created.props, ends: [created.start.props, created.end.props] }],
    });
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
    const existing = await lockLink(tx, id, writer);
    if (!existing)
      throw new ImportError([
        { file: 'input', id, message: `no link has id "${id}"`, kind: 'missing' },
      ]);
    refuseCountryLink(existing.type, 'id');
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
    tx.changed([linkEnd(existing.start), linkEnd(existing.end)]);
    const ends = [existing.start.props, existing.end.props];
    await behalf?.audit.record(tx, {
      before: [{ id, props: existing.props, ends }],
      after: [{ id, props, ends }],
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
    const existing = await lockLink(tx, id, behalf?.writer);
    if (!existing)
      throw new ImportError([
        { file: 'input', id, message: `no link has id "${id}"`, kind: 'missing' },
      ]);
    refuseCountryLink(existing.type, 'id');
    await tx.run(deleteLinkById(existing.type, id));
    tx.changed([linkEnd(existing.start), linkEnd(existing.end)]);
    await behalf?.audit.record(tx, {
      before: [{ id, props: existing.props, ends: [existing.start.props, existing.end.props] }],
      after: [],
    });
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
  const attempt = () =>
    executor.writeTransaction(async (tx) => {
      const summary = await writeGraph(tx, plan, { reset: false, ...(writer ? { writer } : {}) });
      await behalf?.audit.record(tx, { before: [], after: summary.touched });
      return summary;
    });
  return retryOnTakenId(attempt);
}

/** The id of a link's end, for the change feed. */
const linkEnd = (end: { props: Readonly<Record<string, unknown>> }): string =>
  str(end.props['id'] as Plain, 'end.id');

/** The refusal of a link marked so that its writer could not read it back. */
const unreadableLink = (id: string, writer: Clearance): ImportProblem => ({
  file: 'input',
  id,
  field: 'classification',
  message: `link "${id}" would be marked so that you could not read it back; ${mayWrite(writer)}`,
  kind: 'forbidden',
});

/** How many times an upsert runs again after a concurrent writer created one of its ids. */
const UPSERT_ATTEMPTS = 3;

/**
 * Runs an upsert again when it lost a race to create an id (the database's constraint refused
 * its CREATE): run again, it finds that id and replaces it, as an upsert of an existing id
 * does. Creates are not retried: for them the lost race is the answer (CONFLICT).
 */
async function retryOnTakenId<T>(attempt: () => Promise<T>): Promise<T> {
  for (let left = UPSERT_ATTEMPTS; ; left--) {
    try {
      return await attempt();
    } catch (error) {
      if (left <= 1 || !(error instanceof IdTakenError)) throw error;
    }
  }
}
