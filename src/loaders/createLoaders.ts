import DataLoader from 'dataloader';
import type { Interval } from '../model/index.js';
import {
  entitiesByIds,
  linksOf,
  sourcesByIds,
  str,
  mapOf,
  listOf,
  assertLabel,
  type EntityRecord,
  type LinkFieldSpec,
  type LinkProjection,
  type Props,
  type SourceRecord,
} from '../cypher/index.js';
import type { Visibility } from '../visibility/index.js';
import type { Label } from '../model/index.js';
import type { Executor, Plain } from '../neo4j/index.js';

/** One link of a node, seen from it: the link's properties and the node at its other end. */
export interface LinkRow {
  readonly link: Props;
  readonly other: EntityRecord;
  /** The service the link is actually to, when carried over from a predecessor (succession). */
  readonly via?: EntityRecord;
}

/** The per-request DataLoaders; each batch is one `UNWIND $ids` query. */
export interface Loaders {
  /** Any entity by id. */
  readonly entity: DataLoader<string, EntityRecord | null>;
  /** Source records by id. */
  readonly source: DataLoader<string, SourceRecord | null>;
  /**
   * The loader of one relationship field with one time window and projection (created on
   * first use); a projected entity record says which keys it holds (`EntityRecord.only`).
   */
  links(
    spec: LinkFieldSpec,
    window: Interval | undefined,
    projection?: LinkProjection,
  ): DataLoader<string, readonly LinkRow[]>;
}

const asProps = (value: Plain | undefined): Props => mapOf(value, 'props');

function toLabel(value: Plain | undefined): Label {
  const label = str(value, 'label');
  assertLabel(label);
  return label;
}

/** Properties from a projected row: the listed keys' values, nulls left out as Neo4j does. */
function zipProps(keys: readonly string[], value: Plain | undefined): Props {
  const values = Array.isArray(value) ? (value as readonly Plain[]) : [];
  const props: Record<string, Plain> = {};
  keys.forEach((key, i) => {
    const v = values[i];
    if (v !== null && v !== undefined) props[key] = v;
  });
  return props;
}

/** Turns one `[link, other, label?]` entry of a links query into a link row. */
function linkEntryReader(spec: LinkFieldSpec, projection: LinkProjection) {
  const [onlyLabel] = spec.other.length === 1 ? spec.other : [];
  const { other, link } = projection;
  const only = other ? new Set(other) : undefined;
  return (entry: Plain): LinkRow => {
    const [linkValue, otherValue, label, viaValue] = listOf(entry);
    return {
      ...(viaValue ? { via: { label: 'Service' as const, props: asProps(viaValue) } } : {}),
      link: link ? zipProps(link, linkValue) : asProps(linkValue),
      other: {
        label: onlyLabel ?? toLabel(label ?? undefined),
        ...(other && only
          ? { props: zipProps(other, otherValue), only }
          : { props: asProps(otherValue) }),
      },
    };
  };
}

const projectionKey = (projection: LinkProjection): string =>
  `${projection.other?.join(',') ?? '*'}:${projection.link?.join(',') ?? '*'}`;

/**
 * Creates fresh loaders for one request and one caller's view, so no cached row outlives it
 * or crosses to another caller. Results come back in
 * key order, `null` (or an empty list) for ids with nothing.
 */
export function createLoaders(executor: Executor, visibility: Visibility): Loaders {
  const linkLoaders = new Map<string, DataLoader<string, readonly LinkRow[]>>();
  return {
    entity: new DataLoader(async (ids) => {
      const rows = await executor.read(entitiesByIds(ids, visibility));
      const byId = new Map(
        rows.map((row) => [
          str(row['id'], 'id'),
          { label: toLabel(row['label']), props: asProps(row['props']) },
        ]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
    source: new DataLoader(async (ids) => {
      const rows = await executor.read(sourcesByIds(ids));
      const byId = new Map(
        rows.map((row) => [str(row['id'], 'id'), { props: asProps(row['props']) }]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
    links(spec, window, projection = {}) {
      const key = `${spec.label}:${spec.type}:${spec.direction}:${spec.other.join('|')}:${spec.succession === true}:${window?.from ?? ''}:${window?.to ?? ''}:${projectionKey(projection)}`;
      let loader = linkLoaders.get(key);
      if (!loader) {
        const read = linkEntryReader(spec, projection);
        loader = new DataLoader(async (ids) => {
          const rows = await executor.read(linksOf(spec, ids, visibility, window, projection));
          const byId = new Map(
            rows.map((row) => [str(row['id'], 'id'), listOf(row['links']).map(read)]),
          );
          return ids.map((id) => byId.get(id) ?? []);
        });
        linkLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
