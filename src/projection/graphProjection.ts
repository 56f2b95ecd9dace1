import {
  LINK_COLUMNS as L,
  NODE_COLUMNS as N,
  PROJECTED_LABELS,
  PROJECTED_TYPES,
  type ProjectedLabel,
  type ProjectedType,
} from '../cypher/projectionQueries.js';
import { linkId } from '../model/index.js';
import type { Marking, Visibility } from '../visibility/index.js';
import { IntColumn, Interned } from './columns.js';

/** Node kinds: 1 + the label's place in PROJECTED_LABELS; 0 is a deleted node. */
export const KIND = Object.fromEntries(PROJECTED_LABELS.map((l, i) => [l, i + 1])) as Record<
  ProjectedLabel,
  number
>;
/** Link types: 1 + the type's place in PROJECTED_TYPES; 0 is a deleted link. */
export const TYPE = Object.fromEntries(PROJECTED_TYPES.map((t, i) => [t, i + 1])) as Record<
  ProjectedType,
  number
>;

/** What a channel carries besides spans and marking. */
export interface ChannelAttributes {
  readonly sharing: string | null;
  readonly thirdPartyRule: boolean;
  readonly disciplines: readonly string[];
}

const EMPTY = new Int32Array(0);

/** One node's row of compressed rows (none for a node added after they were built). */
const row = (start: Int32Array, list: Int32Array, node: number): Int32Array =>
  node + 1 < start.length ? list.subarray(start[node], start[node + 1]) : EMPTY;

/**
 * Compressed rows: for each of `n` nodes, the live links of `m` whose `node(link)` it is, as
 * `list[start[i] .. start[i + 1])` (a counting sort, two passes over the links).
 */
function rows(
  n: number,
  m: number,
  live: (link: number) => boolean,
  node: (link: number) => number,
): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) if (live(e)) start[node(e) + 1] = (start[node(e) + 1] ?? 0) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const list = new Int32Array(start[n] ?? 0);
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) {
    if (!live(e)) continue;
    const i = node(e);
    const at = fill[i] ?? 0;
    list[at] = e;
    fill[i] = at + 1;
  }
  return [start, list];
}
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * The traversal graph in memory (issue 15): services, channels, officers, organizations and
 * operations, and the eight link types a path query crosses, in typed columns. Dates and
 * markings are interned (an element stores 32-bit indexes), a derived link id
 * (`start/TYPE/end`) is not stored at all, and adjacency is compressed rows built once plus
 * an overlay for the nodes changed since. Visibility is a mask over the few distinct markings,
 * computed once per caller view, and applied by the reach source inside its traversal.
 *
 * Neo4j stays the source of truth: this is rebuilt from it at start and kept fresh by the
 * change feed (src/projection/liveProjection.ts), which re-reads each changed entity whole.
 */
export class GraphProjection {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  readonly kind = new IntColumn();
  readonly nodeSpans = new IntColumn();
  readonly nodeMark = new IntColumn();
  readonly channels = new Map<number, ChannelAttributes>();

  readonly linkType = new IntColumn();
  readonly linkStart = new IntColumn();
  readonly linkEnd = new IntColumn();
  readonly linkSpans = new IntColumn();
  readonly linkMark = new IntColumn();
  readonly linkConfidence = new IntColumn();
  private readonly explicitIds = new Map<number, string>();

  readonly dates = new Interned<string>();
  readonly markings = new Interned<Marking>();
  readonly confidences = new Interned<string>();

  private outStart: Int32Array = EMPTY;
  private outList: Int32Array = EMPTY;
  private inStart: Int32Array = EMPTY;
  private inList: Int32Array = EMPTY;
  private readonly outOverlay = new Map<number, Int32Array>();
  private readonly inOverlay = new Map<number, Int32Array>();
  private readonly masks = new Map<string, Uint8Array>();

  /** The change feed's position this projection has applied (see LiveProjection). */
  seq = 0;
  /** Bumped by every change: what is derived from the projection is valid for one version. */
  version = 0;

  // ---- reading ----------------------------------------------------------------------------

  /** Out-links of a node (link indexes, some possibly deleted: check `linkType`). */
  outOf(node: number): Int32Array {
    return this.outOverlay.get(node) ?? row(this.outStart, this.outList, node);
  }

  /** In-links of a node (as `outOf`). */
  inOf(node: number): Int32Array {
    return this.inOverlay.get(node) ?? row(this.inStart, this.inList, node);
  }

  /** A node's id. */
  idOf(node: number): string {
    return this.ids[node] ?? '';
  }

  /** A link's id: stored only when it is not the derived `start/TYPE/end`. */
  linkId(link: number): string {
    return (
      this.explicitIds.get(link) ??
      linkId(
        this.ids[this.linkStart.get(link)] ?? '',
        PROJECTED_TYPES[this.linkType.get(link) - 1] ?? 'PARTY_TO',
        this.ids[this.linkEnd.get(link)] ?? '',
      )
    );
  }

  /** A date index's day (`YYYY-MM-DD`), null for none. */
  day(index: number): string | null {
    return this.dates.values[index] ?? null;
  }

  /**
   * Which markings a view admits (1) or not (0), indexed like `markings`: an element is
   * visible when its marking is. Computed once per view and kept.
   */
  maskFor(view: Visibility): Uint8Array {
    let mask = this.masks.get(view.key);
    if (!mask || mask.length < this.markings.size) {
      const next = new Uint8Array(this.markings.size + 64);
      if (mask) next.set(mask.subarray(0, mask.length));
      for (let i = mask?.length ?? 0; i < this.markings.size; i++) {
        const marking = this.markings.values[i];
        next[i] = marking !== undefined && view.admits(marking) ? 1 : 0;
      }
      mask = next.subarray(0, this.markings.size);
      this.masks.set(view.key, mask);
    }
    return mask;
  }

  get nodeCount(): number {
    return this.kind.length;
  }

  get linkCount(): number {
    return this.linkType.length;
  }

  /** Bytes of the typed columns and adjacency (strings and maps not counted). */
  get columnBytes(): number {
    const columns = [
      this.kind,
      this.nodeSpans,
      this.nodeMark,
      this.linkType,
      this.linkStart,
      this.linkEnd,
      this.linkSpans,
      this.linkMark,
      this.linkConfidence,
    ];
    return (
      columns.reduce((sum, c) => sum + c.bytes, 0) +
      this.outStart.byteLength +
      this.outList.byteLength +
      this.inStart.byteLength +
      this.inList.byteLength
    );
  }

  // ---- writing ----------------------------------------------------------------------------

  private marking(classification: unknown, releasableTo: unknown, sourceIds: unknown): number {
    const rel = strings(releasableTo);
    const src = strings(sourceIds);
    const cls = typeof classification === 'string' ? classification : '';
    return this.markings.of(
      { classification: classification ?? null, releasableTo: rel, sourceIds: src },
      `${cls}\u0000${rel.join('\u0001')}\u0000${src.join('\u0001')}`,
    );
  }

  private date(value: unknown): number {
    return typeof value === 'string' ? this.dates.of(value, value) : 0;
  }

  private setSpans(column: IntColumn, at: number, row: readonly unknown[], first: number): void {
    for (let k = 0; k < 4; k++) column.set(at * 4 + k, this.date(row[first + k]));
  }

  /** Adds or replaces a node from its row; returns its index. */
  putNode(label: ProjectedLabel, row: readonly unknown[]): number {
    const id = row[N.id] as string;
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.kind.push(0);
      this.ids.push(id);
      this.index.set(id, i);
      this.nodeSpans.extend(4);
      this.nodeMark.push(0);
    }
    this.kind.set(i, KIND[label]);
    this.setSpans(this.nodeSpans, i, row, N.validFrom);
    this.nodeMark.set(
      i,
      this.marking(row[N.classification], row[N.releasableTo], row[N.sourceIds]),
    );
    if (label === 'LiaisonChannel')
      this.channels.set(i, {
        sharing: strOrNull(row[N.sharing]),
        thirdPartyRule: row[N.thirdPartyRule] === true,
        disciplines: strings(row[N.disciplines]),
      });
    else this.channels.delete(i);
    return i;
  }

  /**
   * Adds a link from its row (ends must be projected); returns its index, or -1 when an end is
   * not. Adjacency is not touched: `compact()` builds it after a load, `relink` after a change.
   */
  addLink(type: ProjectedType, row: readonly unknown[]): number {
    const start = this.index.get(row[L.start] as string);
    const end = this.index.get(row[L.end] as string);
    if (start === undefined || end === undefined) return -1;
    const e = this.linkType.push(TYPE[type]);
    this.linkStart.push(start);
    this.linkEnd.push(end);
    this.linkSpans.extend(4);
    this.linkMark.push(0);
    this.linkConfidence.push(0);
    this.setLink(e, type, row);
    return e;
  }

  private setLink(e: number, type: ProjectedType, row: readonly unknown[]): void {
    this.setSpans(this.linkSpans, e, row, L.validFrom);
    this.linkMark.set(
      e,
      this.marking(row[L.classification], row[L.releasableTo], row[L.sourceIds]),
    );
    const confidence = row[L.confidence];
    this.linkConfidence.set(
      e,
      typeof confidence === 'string' ? this.confidences.of(confidence, confidence) : 0,
    );
    const id = row[L.id];
    const derived = linkId(row[L.start] as string, type, row[L.end] as string);
    if (typeof id === 'string' && id !== derived) this.explicitIds.set(e, id);
    else this.explicitIds.delete(e);
  }

  /** Builds the compressed adjacency of everything added so far (after a full load). */
  compact(): void {
    const n = this.nodeCount;
    const m = this.linkCount;
    const live = (e: number) => this.linkType.get(e) !== 0;
    const [outStart, outList] = rows(n, m, live, (e) => this.linkStart.get(e));
    const [inStart, inList] = rows(n, m, live, (e) => this.linkEnd.get(e));
    this.outStart = outStart;
    this.outList = outList;
    this.inStart = inStart;
    this.inList = inList;
    this.outOverlay.clear();
    this.inOverlay.clear();
    this.version++;
  }

  /**
   * Replaces what the projection knows of one entity by its current state in Neo4j: its node
   * row (null when deleted or no longer projected) and every projected link it has, each with
   * its other end's node row. Links it had and no longer has are deleted.
   */
  replaceNeighbourhood(
    id: string,
    label: ProjectedLabel | null,
    node: readonly unknown[] | null,
    links: readonly {
      type: ProjectedType;
      row: readonly unknown[];
      other: { label: ProjectedLabel; row: readonly unknown[] } | null;
    }[],
  ): void {
    const current = this.index.get(id);
    this.version++;
    if (label === null || node === null) {
      if (current === undefined) return;
      for (const e of [...this.outOf(current), ...this.inOf(current)]) this.dropLink(e);
      this.kind.set(current, 0);
      this.channels.delete(current);
      this.outOverlay.set(current, EMPTY);
      this.inOverlay.set(current, EMPTY);
      return;
    }
    this.version++;
    const self = this.putNode(label, node);
    const keep = new Set<number>();
    const known = new Map<string, number>();
    for (const e of [...this.outOf(self), ...this.inOf(self)])
      if (this.linkType.get(e) !== 0) known.set(this.linkId(e), e);
    for (const { type, row, other } of links) {
      if (
        other &&
        !this.index.has(row[L.start] === id ? (row[L.end] as string) : (row[L.start] as string))
      )
        this.putNode(other.label, other.row);
      const lid =
        (row[L.id] as string | null) ?? linkId(row[L.start] as string, type, row[L.end] as string);
      const e = known.get(lid);
      if (
        e !== undefined &&
        this.linkType.get(e) === TYPE[type] &&
        this.ids[this.linkStart.get(e)] === row[L.start] &&
        this.ids[this.linkEnd.get(e)] === row[L.end]
      ) {
        this.setLink(e, type, row);
        keep.add(e);
        continue;
      }
      const added = this.addLink(type, row);
      if (added < 0) continue;
      keep.add(added);
      this.attach(added);
    }
    for (const e of known.values()) if (!keep.has(e)) this.dropLink(e);
  }

  private attach(e: number): void {
    const start = this.linkStart.get(e);
    const end = this.linkEnd.get(e);
    this.outOverlay.set(start, Int32Array.from([...this.outOf(start), e]));
    this.inOverlay.set(end, Int32Array.from([...this.inOf(end), e]));
  }

  private dropLink(e: number): void {
    if (this.linkType.get(e) === 0) return;
    this.linkType.set(e, 0);
    this.explicitIds.delete(e);
    const start = this.linkStart.get(e);
    const end = this.linkEnd.get(e);
    this.outOverlay.set(
      start,
      this.outOf(start).filter((x) => x !== e),
    );
    this.inOverlay.set(
      end,
      this.inOf(end).filter((x) => x !== e),
    );
  }
}
