import type { Label, LinkType } from '../model/index.js';
import type { Plain } from '../neo4j/index.js';

/** Stored properties of a node or relationship, as plain values. */
export type Props = Readonly<Record<string, Plain>>;

/** A node of the graph as resolvers see it: its label (= its GraphQL type) and properties. */
export interface EntityRecord {
  readonly label: Label;
  readonly props: Props;
  /**
   * Set when `props` holds only these stored keys (always `id`): a bare reference or a
   * projection read for one selection. A field needing another key loads the whole node.
   */
  readonly only?: ReadonlySet<string>;
}

const ID_ONLY: ReadonlySet<string> = new Set(['id']);

/** A reference to a node known by label and id, read in full only if a field needs more. */
export const entityRef = (label: Label, id: string): EntityRecord => ({
  label,
  props: { id },
  only: ID_ONLY,
});

/** A relationship with both ends, as resolvers see it. */
export interface LinkRecord {
  readonly type: LinkType;
  readonly props: Props;
  readonly start: EntityRecord;
  readonly end: EntityRecord;
}

/** A source record (`Source` node). */
export interface SourceRecord {
  readonly props: Props;
}

/** One citation, parsed from the stored JSON. */
export interface CitationRecord {
  readonly source: string;
  readonly lines?: readonly number[];
  readonly quote?: string;
  readonly section?: string;
  /** Properties of the element the citation supports besides the fact itself. */
  readonly about?: readonly string[];
}

/** A page of a list with lazy total count (counted only when asked for). */
export interface ConnectionRecord<T> {
  readonly edges: readonly { readonly node: T; readonly cursor: string }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly count: () => Promise<number>;
}

/** A page of entities. */
export type EntityConnectionRecord = ConnectionRecord<EntityRecord>;

/** A page of penetrations. */
export type PenetrationConnectionRecord = ConnectionRecord<LinkRecord>;
