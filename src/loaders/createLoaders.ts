import DataLoader from 'dataloader';
import {
  entitiesByIds,
  linksOf,
  sourcesByIds,
  str,
  mapOf,
  assertLabel,
  type DayWindow,
  type EntityRecord,
  type LinkFieldSpec,
  type Props,
  type SourceRecord,
} from '../cypher/index.js';
import type { Label } from '../model/index.js';
import type { Executor, Plain } from '../neo4j/index.js';

/** One link of a node, seen from it: the link's properties and the node at its other end. */
export interface LinkRow {
  readonly link: Props;
  readonly other: EntityRecord;
}

/** The per-request DataLoaders; each batch is one `UNWIND $ids` query. */
export interface Loaders {
  /** Any entity by id. */
  readonly entity: DataLoader<string, EntityRecord | null>;
  /** Source records by id. */
  readonly source: DataLoader<string, SourceRecord | null>;
  /** The loader of one relationship field with one time window (created on first use). */
  links(spec: LinkFieldSpec, window: DayWindow | undefined): DataLoader<string, readonly LinkRow[]>;
}

const asProps = (value: Plain | undefined): Props => mapOf(value, 'props');

function toLabel(value: Plain | undefined): Label {
  const label = str(value, 'label');
  assertLabel(label);
  return label;
}

/**
 * Creates fresh loaders for one request, so no cached row outlives it. Results come back in
 * key order, `null` (or an empty list) for ids with nothing.
 */
export function createLoaders(executor: Executor): Loaders {
  const linkLoaders = new Map<string, DataLoader<string, readonly LinkRow[]>>();
  return {
    entity: new DataLoader(async (ids) => {
      const rows = await executor.read(entitiesByIds(ids));
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
    links(spec, window) {
      const key = `${spec.label}:${spec.type}:${spec.direction}:${spec.other.join('|')}:${window?.fromDay ?? ''}:${window?.toDay ?? ''}`;
      let loader = linkLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const rows = await executor.read(linksOf(spec, ids, window));
          const byId = new Map<string, LinkRow[]>();
          for (const row of rows) {
            const id = str(row['id'], 'id');
            const list = byId.get(id) ?? [];
            list.push({
              link: asProps(row['link']),
              other: { label: toLabel(row['otherLabel']), props: asProps(row['other']) },
            });
            byId.set(id, list);
          }
          return ids.map((id) => byId.get(id) ?? []);
        });
        linkLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
