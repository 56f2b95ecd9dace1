import { mkdirSync } from 'node:fs';
import {
  isDerivedLinkId,
  LABELS,
  LINK_TYPES,
  LINKS,
  type Label,
  type LinkType,
} from '../model/index.js';
import { CsvTable, reservedProblem, type CsvGroup } from './importCsv.js';
import type { ImportProblem, Place } from './importProblem.js';
import type { GraphPlan, StoredProps } from './planGraph.js';

/** What a node of a plan is: a source or an entity of a label (index = kind number). */
export const NODE_KINDS = ['Source', ...LABELS] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Bit mask of the kinds a link end may be. */
export const kindMask = (labels: readonly Label[]): number =>
  labels.reduce((mask, label) => mask | (1 << NODE_KINDS.indexOf(label)), 0);

/**
 * What the checks across a whole document need of one written plan, in a form that crosses
 * threads cheaply (strings and typed arrays): the ids it declares, the link ends it names
 * outside itself, its explicit link ids and uncited sources, and the problems found writing it.
 */
export interface WrittenChunk {
  /** How problems name the chunk (`officers (synthetic chunk)`). */
  readonly file: string;
  readonly declared: readonly string[];
  /** `NODE_KINDS` index of each declared id. */
  readonly kinds: Uint8Array;
  /** Pairs: an id a link names that the plan does not declare, and the id of the entry naming it. */
  readonly refs: readonly string[];
  /** Per pair of `refs`: the mask of kinds the id may be, and the link's `LINK_TYPES` index. */
  readonly refMasks: Uint16Array;
  readonly refTypes: Uint8Array;
  /** Link ids given explicitly, not spelled `start/TYPE/end`: unique across the document. */
  readonly explicitLinkIds: readonly string[];
  readonly cited: readonly (readonly [string, Place])[];
  readonly problems: readonly ImportProblem[];
  readonly links: number;
}

/** Writes the importer's CSV files into a folder: each chunk as written, then every file group. */
export interface CsvSource {
  readonly chunks: AsyncIterable<WrittenChunk>;
  /** The groups of all files written; asked once `chunks` has ended. */
  groups(): Promise<readonly CsvGroup[]>;
}

/**
 * Writes validated plans as the offline importer's CSV files, one table per label and link type
 * (`src/import/importCsv.ts`), and tells for each plan what the whole-document checks need
 * (`ImportCatalog`). Several writers can share a folder with different prefixes (one per
 * thread): the importer reads all their groups.
 */
export class ImportFiles {
  private readonly tables = new Map<string, CsvTable>();

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  add(plan: GraphPlan, file: string): WrittenChunk {
    const problems: ImportProblem[] = [];
    const declared: string[] = [];
    const kinds: number[] = [];
    const inPlan = new Set<string>();
    const node = (kind: number, id: string, props: StoredProps) => {
      reserved(props, { file, id }, problems);
      declared.push(id);
      kinds.push(kind);
      inPlan.add(id);
      const name = NODE_KINDS[kind] as NodeKind;
      this.table(name, 'nodes', name === 'Source' ? [name] : [name, 'Entity']).add(id, props);
    };
    for (const row of plan.sources) node(0, row.id, row.props);
    for (const [label, rows] of plan.nodes) {
      const kind = NODE_KINDS.indexOf(label);
      for (const row of rows) node(kind, row.id, row.props);
    }
    const refs: string[] = [];
    const refMasks: number[] = [];
    const refTypes: number[] = [];
    const explicitLinkIds: string[] = [];
    const refer = (id: string, labels: readonly Label[], type: LinkType, owner: string) => {
      if (inPlan.has(id)) return; // planGraph checked its kind
      refs.push(id, owner);
      refMasks.push(kindMask(labels));
      refTypes.push(LINK_TYPES.indexOf(type));
    };
    for (const link of plan.links) {
      reserved(link.props, link.at, problems);
      this.table(link.type, 'relationships', [link.type]).add(link.id, link.props, [
        link.start,
        link.end,
      ]);
      const owner = link.at.id ?? link.start;
      refer(link.start, LINKS[link.type].start, link.type, owner);
      refer(link.end, link.endLabels, link.type, owner);
      if (link.explicitId && !isDerivedLinkId(link.id, link.type, link.start, link.end))
        explicitLinkIds.push(link.id);
    }
    return {
      file,
      declared,
      kinds: Uint8Array.from(kinds),
      refs,
      refMasks: Uint16Array.from(refMasks),
      refTypes: Uint8Array.from(refTypes),
      explicitLinkIds,
      cited: [...plan.citedSources],
      problems,
      links: plan.links.length,
    };
  }

  /** Closes every file; the groups to hand to the importer. */
  close(): CsvGroup[] {
    return [...this.tables.values()].flatMap((table) => table.close());
  }

  private table(name: string, kind: 'nodes' | 'relationships', labels: string[]): CsvTable {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = new CsvTable(this.dir, `${this.prefix}${name}`, kind, labels);
      this.tables.set(name, table);
    }
    return table;
  }
}

/** Problems of texts the importer's CSV cannot carry (the document schema lets none through). */
function reserved(props: StoredProps, at: Place, problems: ImportProblem[]): void {
  for (const key in props) {
    const value = props[key];
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const text of texts as readonly string[]) {
      const problem = reservedProblem(text);
      if (problem === undefined) continue;
      problems.push({
        ...at,
        field: at.field === undefined ? key : `${at.field}.${key}`,
        message: problem,
      });
      break;
    }
  }
}

/** The CSV files of plans written in this thread (a document read and planned here). */
export function csvFromPlans(
  plans: AsyncIterable<GraphPlan> | Iterable<GraphPlan>,
): (dir: string) => CsvSource {
  return (dir) => {
    const files = new ImportFiles(dir, '');
    return {
      chunks: (async function* () {
        let index = 0;
        for await (const plan of plans)
          yield files.add(plan, plan.links[0]?.at.file ?? `chunk ${++index}`);
      })(),
      groups: () => Promise.resolve(files.close()),
    };
  };
}
