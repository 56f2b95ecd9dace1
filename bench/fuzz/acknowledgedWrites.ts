import type { Database } from '../../src/neo4j/index.js';

/** A field's value as written and as compared: a string, absent (null), or existence. */
export type FieldValue = string | null | boolean;

/** What one acknowledged write did to one element: the fields it set (null: removed). */
export interface ElementEffect {
  readonly id: string;
  readonly label: 'entity' | 'link';
  /** `exists` stands for the element itself: true for a create, false for a delete. */
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** An effect with when its write was sent and when it was acknowledged (ms, one clock). */
export interface TimedEffect extends ElementEffect {
  readonly start: number;
  readonly end: number;
}

/** The writes whose acknowledgements are counted per id; any other write is `other`. */
export type CountedWrite = 'create' | 'delete' | 'createLink' | 'deleteLink' | 'other';

/** Entities and links as stored, by id: more than one element under an id is a duplicate. */
export interface StoredElements {
  readonly entities: ReadonlyMap<string, readonly Record<string, unknown>[]>;
  readonly links: ReadonlyMap<string, readonly Record<string, unknown>[]>;
}

/** Which ids the integrity rules are applied to. */
export interface IntegrityScope {
  /** Entity ids whose acknowledged creates are bounded by their deletes. */
  readonly entities: readonly string[];
  /** The entities whose deletion deletes the link `id` (its ends that writers may delete). */
  readonly linkEnds: (id: string) => readonly string[];
  /** Ids whose every field must end as an acknowledged write left it. */
  readonly fieldsOf: { readonly entities: readonly string[]; readonly links: readonly string[] };
}

/**
 * The acknowledged writes of a run of concurrent clients, and the rules the stored graph must
 * keep afterwards (issue 13): no id names two entities or two links; an id is created again only
 * after a delete of it (a link also after a delete of one of its ends); every field holds what
 * an acknowledged write left there, unless a write that started after that one was acknowledged
 * replaced it. Shared by the concurrency property test and the burst phase of `npm run fuzz`.
 */
export class AcknowledgedWrites {
  readonly effects: TimedEffect[] = [];
  private readonly counts = new Map<string, number>();

  /** Records one acknowledged write of `id`, sent at `start` and answered at `end`. */
  add(
    kind: CountedWrite,
    id: string,
    effects: readonly ElementEffect[],
    start: number,
    end: number,
  ): void {
    for (const effect of effects) this.effects.push({ ...effect, start, end });
    if (kind !== 'other') this.counts.set(`${kind}:${id}`, this.count(kind, id) + 1);
  }

  /** How many writes of this kind of this id were acknowledged. */
  count(kind: CountedWrite, id: string): number {
    return this.counts.get(`${kind}:${id}`) ?? 0;
  }

  /** Every rule the stored elements break, in words; empty when they keep them all. */
  violations(stored: StoredElements, scope: IntegrityScope): string[] {
    const found: string[] = [];
    for (const [id, copies] of stored.entities)
      if (copies.length !== 1) found.push(`entity id ${id} names ${copies.length} nodes`);
    for (const [id, copies] of stored.links)
      if (copies.length !== 1) found.push(`link id ${id} names ${copies.length} relationships`);

    for (const id of scope.entities) {
      const creates = this.count('create', id);
      const deletes = this.count('delete', id);
      if (creates > 1 + deletes)
        found.push(`${creates} creates of ${id} acknowledged, with ${deletes} deletes`);
    }
    const linkIds = new Set(this.effects.filter((e) => e.label === 'link').map((e) => e.id));
    for (const id of linkIds) {
      const creates = this.count('createLink', id);
      const deletes = this.count('deleteLink', id);
      const endsDeleted = scope
        .linkEnds(id)
        .reduce((sum, end) => sum + this.count('delete', end), 0);
      if (creates > 1 + deletes + endsDeleted)
        found.push(
          `${creates} creates of link ${id} acknowledged, with ${deletes} deletes of it and ${endsDeleted} of its ends`,
        );
    }

    const fieldsOf = (label: ElementEffect['label'], ids: readonly string[]) => {
      const byId = label === 'entity' ? stored.entities : stored.links;
      for (const id of ids) {
        const mine = this.effects.filter((e) => e.id === id && e.label === label);
        const props = byId.get(id)?.[0];
        for (const field of new Set(mine.flatMap((e) => Object.keys(e.fields)))) {
          if (props === undefined && field !== 'exists') continue;
          const allowed = allowedFinal(mine, field);
          const actual = field === 'exists' ? props !== undefined : storedValue(props?.[field]);
          if (!allowed.has(actual))
            found.push(
              `${id}.${field} = ${JSON.stringify(actual)}, which no acknowledged write left (allowed: ${JSON.stringify([...allowed])})`,
            );
        }
      }
    };
    fieldsOf('entity', scope.fieldsOf.entities);
    fieldsOf('link', scope.fieldsOf.links);
    return found;
  }
}

/**
 * The values a field may hold at the end: those of acknowledged writes that no other
 * acknowledged write of the field started after (a write that started after another was
 * acknowledged is ordered after it).
 */
export function allowedFinal(effects: readonly TimedEffect[], field: string): Set<FieldValue> {
  const touching = effects.filter((e) => field in e.fields);
  const allowed = new Set<FieldValue>();
  for (const e of touching)
    if (!touching.some((later) => later !== e && later.start > e.end))
      allowed.add(e.fields[field] ?? null);
  return allowed;
}

/** A stored property as the effects spell it: absent or empty is null, a list is joined. */
function storedValue(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(text).sort().join(',');
  return typeof value === 'boolean' ? value : text(value);
}

/** A stored value as text: a string as it is, anything else as JSON (`null` for a missing id). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * Every entity and link as stored, by id (several when an id is duplicated); with `prefix`, only
 * entities whose id starts with it and links whose id or either end's id does.
 */
export async function storedElements(database: Database, prefix = ''): Promise<StoredElements> {
  const entities = new Map<string, Record<string, unknown>[]>();
  for (const row of await database.executor.read({
    cypher:
      'MATCH (n) WHERE n.id IS NOT NULL AND NOT n:AuditEntry AND NOT n:Source AND NOT n:SchemaMigration AND NOT n:ApiKey ' +
      'AND n.id STARTS WITH $prefix RETURN n.id AS id, properties(n) AS props',
    params: { prefix },
  })) {
    const id = text(row['id']);
    entities.set(id, [...(entities.get(id) ?? []), row['props'] as Record<string, unknown>]);
  }
  const links = new Map<string, Record<string, unknown>[]>();
  for (const row of await database.executor.read({
    cypher:
      'MATCH (a)-[r]->(b) WHERE $prefix = "" OR r.id STARTS WITH $prefix OR a.id STARTS WITH $prefix OR b.id STARTS WITH $prefix ' +
      'RETURN r.id AS id, properties(r) AS props, type(r) AS type',
    params: { prefix },
  })) {
    const id = text(row['id']);
    links.set(id, [
      ...(links.get(id) ?? []),
      { ...(row['props'] as Record<string, unknown>), type: row['type'] },
    ]);
  }
  return { entities, links };
}
