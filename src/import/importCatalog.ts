import { LINK_TYPES } from '../model/index.js';
import { NODE_KINDS, type WrittenChunk } from './importFiles.js';
import type { ImportProblem, Place } from './importProblem.js';
import { describe } from './planGraph.js';

/** Problems kept for the report; a document this wrong is not read to the last one. */
const MAX_PROBLEMS = 1000;

interface Reference {
  readonly id: string;
  readonly owner: string;
  readonly mask: number;
  readonly type: number;
  readonly file: string;
}

/**
 * The checks a chunked load needs across the whole document, made before anything is written
 * to the store: `planGraph` checks each chunk, this checks the chunks together. Every id is
 * declared once (a source or an entity), every id a link names is declared somewhere in the
 * document as a kind the link allows (an empty store has nothing else to name), explicit link
 * ids are unique, and every cited source is declared. A link with a derived id needs no check
 * across chunks: its id spells its ends, one of which declares it, and that entry is in one chunk.
 */
export class ImportCatalog {
  private readonly kinds = new Map<string, number>();
  private readonly waiting: Reference[] = [];
  private readonly explicit = new Set<string>();
  private readonly cited = new Map<string, Place>();
  private readonly found: ImportProblem[] = [];
  private dropped = 0;
  nodes = 0;
  links = 0;

  add(chunk: WrittenChunk): void {
    for (const problem of chunk.problems) this.problem(problem);
    const { file, declared, kinds } = chunk;
    for (let i = 0; i < declared.length; i++) {
      const id = declared[i] as string;
      const previous = this.kinds.get(id);
      if (previous === undefined) this.kinds.set(id, kinds[i] as number);
      else
        this.problem({
          file,
          id,
          field: 'id',
          message: `id "${id}" is already used by a ${NODE_KINDS[previous] ?? '?'} declared earlier in the document; ids are unique across the whole graph`,
          kind: 'conflict',
        });
    }
    const { refs, refMasks, refTypes } = chunk;
    for (let i = 0; i < refMasks.length; i++) {
      const reference: Reference = {
        id: refs[2 * i] as string,
        owner: refs[2 * i + 1] as string,
        mask: refMasks[i] as number,
        type: refTypes[i] as number,
        file,
      };
      // Documents name what they declared before; the rest waits for the end.
      if (this.kinds.has(reference.id)) this.resolve(reference);
      else this.waiting.push(reference);
    }
    for (const id of chunk.explicitLinkIds) {
      if (!this.explicit.has(id)) this.explicit.add(id);
      else
        this.problem({
          file,
          id,
          message: `link ${id} is declared twice; give one of them another "id"`,
          kind: 'conflict',
        });
    }
    for (const [id, at] of chunk.cited) if (!this.cited.has(id)) this.cited.set(id, at);
    this.nodes += declared.length;
    this.links += chunk.links;
  }

  /** Every problem found, once all chunks are in; empty when the document can be imported. */
  finish(): readonly ImportProblem[] {
    for (const reference of this.waiting) this.resolve(reference);
    this.waiting.length = 0;
    for (const [id, at] of this.cited)
      if (this.kinds.get(id) !== 0)
        this.problem({
          ...at,
          message: `cites source "${id}", which is neither in the document's sources nor in the database (first cited at ${describe(at)})`,
        });
    this.cited.clear();
    if (this.dropped === 0) return this.found;
    return [
      ...this.found,
      { file: 'document', message: `and ${this.dropped} more problems, not listed` },
    ];
  }

  private resolve({ id, owner, mask, type, file }: Reference): void {
    const kind = this.kinds.get(id);
    if (kind === undefined)
      this.problem({
        file,
        id: owner,
        message: `"${id}" names nothing, neither in the document nor in the database`,
        kind: 'missing',
      });
    else if ((mask & (1 << kind)) === 0) {
      const allowed = NODE_KINDS.filter((_, k) => (mask & (1 << k)) !== 0);
      this.problem({
        file,
        id: owner,
        message: `"${id}" is a ${NODE_KINDS[kind] ?? '?'}; a ${LINK_TYPES[type] ?? '?'} link expects ${allowed.join(' or ')} there`,
      });
    }
  }

  private problem(problem: ImportProblem): void {
    if (this.found.length < MAX_PROBLEMS) this.found.push(problem);
    else this.dropped++;
  }
}
