import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { StoredProps, StoredValue } from './planGraph.js';

/**
 * The CSV dialect of Neo4j's offline importer as `src/import/adminImport.ts` runs it: `,`
 * between fields, every string quoted (`"` doubled inside), array elements separated by
 * `ARRAY_DELIMITER`, an empty field for an absent property. The importer drops empty arrays,
 * so an empty array is written as the one element `EMPTY_LIST`, which the launcher's
 * OfflineImport (neo4j-runtime) stores as `[]`, as the online writes do.
 */
export const ARRAY_DELIMITER = '\u001f';
export const EMPTY_LIST = '\u001e';

/** Why an array element cannot go through the importer's CSV, or undefined when it can. */
export function reservedProblem(value: string): string | undefined {
  return value.includes(ARRAY_DELIMITER) || value.includes(EMPTY_LIST)
    ? 'a list element contains the control character U+001E or U+001F, which the offline import reserves; remove it, or load this document online'
    : undefined;
}

/** The importer's column types for the values a plan stores. */
type ColumnType = 'string' | 'string[]' | 'boolean' | 'double';

const typeOf = (value: StoredValue): ColumnType =>
  typeof value === 'string'
    ? 'string'
    : typeof value === 'boolean'
      ? 'boolean'
      : typeof value === 'number'
        ? 'double'
        : 'string[]';

const quoted = (text: string): string =>
  text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;

function cell(value: StoredValue | undefined, type: ColumnType): string {
  if (value === undefined) return '';
  if (type === 'string[]') {
    const list = value as readonly string[];
    return quoted(list.length === 0 ? EMPTY_LIST : list.join(ARRAY_DELIMITER));
  }
  return type === 'string' ? quoted(value as string) : String(value);
}

/** A file written through a buffer of about a megabyte (synchronously: one writer per thread). */
class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * One group of files the importer reads as one: a header file and the data files under it.
 * Rows whose values hold line breaks go to a file of their own, named in `multiline`, so the
 * importer's fast parser reads all the others.
 */
export interface CsvGroup {
  readonly kind: 'nodes' | 'relationships';
  /** Labels of the nodes (`Officer`, `Entity`), or the relationship type. */
  readonly labels: readonly string[];
  readonly files: readonly string[];
  readonly multiline: readonly string[];
}

/** One part of a table: a fixed list of columns, its header and data files. */
interface Part {
  readonly columns: readonly (readonly [string, ColumnType])[];
  readonly types: ReadonlyMap<string, ColumnType>;
  readonly header: string;
  data?: BufferedFile;
  multiline?: BufferedFile;
}

/**
 * The rows of one label (or relationship type) as importer CSV. Its columns are the union of
 * the properties seen so far: a row with a property the current part lacks (or of another
 * type) starts a new part with the columns extended, so no row is ever rewritten.
 */
export class CsvTable {
  private readonly parts: Part[] = [];
  rows = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    readonly kind: 'nodes' | 'relationships',
    readonly labels: readonly string[],
  ) {}

  /** A node (`ends` absent) or a relationship between the ids in `ends`. */
  add(id: string, props: StoredProps, ends?: readonly [string, string]): void {
    let part = this.parts.at(-1);
    if (part === undefined || !fits(part, props)) part = this.startPart(props, part);
    const fields =
      ends === undefined ? [quoted(id)] : [quoted(ends[0]), quoted(ends[1]), quoted(id)];
    for (const [key, type] of part.columns) fields.push(cell(props[key], type));
    const line = `${fields.join(',')}\n`;
    const multiline = line.indexOf('\n') < line.length - 1 || line.includes('\r');
    const file = multiline
      ? (part.multiline ??= new BufferedFile(this.fileName(part, 'multiline')))
      : (part.data ??= new BufferedFile(this.fileName(part, 'data')));
    file.write(line);
    this.rows++;
  }

  /** Closes the files and returns their groups, one per part. */
  close(): CsvGroup[] {
    return this.parts.map((part, index) => {
      const header = path.join(this.dir, `${this.name}-${index}-header.csv`);
      const headerFile = new BufferedFile(header);
      headerFile.write(part.header);
      headerFile.close();
      part.data?.close();
      part.multiline?.close();
      const data = [part.data?.file, part.multiline?.file].filter((f) => f !== undefined);
      return {
        kind: this.kind,
        labels: this.labels,
        files: [header, ...data],
        multiline: part.multiline ? [part.multiline.file] : [],
      };
    });
  }

  private startPart(props: StoredProps, previous: Part | undefined): Part {
    const types = new Map(previous?.types);
    for (const [key, value] of Object.entries(props)) {
      // Keys come from the document schema; one that could break the header is a bug.
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`not a property name: ${key}`);
      if (key !== 'id') types.set(key, typeOf(value));
    }
    const columns = [...types.entries()];
    const ids = this.kind === 'nodes' ? ['id:ID'] : [':START_ID', ':END_ID', 'id:string'];
    const header = `${[...ids, ...columns.map(([key, type]) => `${key}:${type}`)].join(',')}\n`;
    const part: Part = { columns, types, header };
    this.parts.push(part);
    return part;
  }

  private fileName(part: Part, which: 'data' | 'multiline'): string {
    const index = this.parts.indexOf(part);
    return path.join(this.dir, `${this.name}-${index}${which === 'data' ? '' : '-multiline'}.csv`);
  }
}

/** True when every property of the row has a column of its type in the part. */
function fits(part: Part, props: StoredProps): boolean {
  for (const key in props) {
    if (key === 'id') continue;
    const value = props[key];
    if (value !== undefined && part.types.get(key) !== typeOf(value)) return false;
  }
  return true;
}
