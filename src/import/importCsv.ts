import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { StoredProps, StoredValue } from './planGraph.js';

/**
 * The CSV dialect of Neo4j's offline importer as `src/import/adminImport.ts` runs it: `,`
 * between fields, every string quoted (`"` doubled inside), array elements separated by
 * `ARRAY_DELIMITER`, an empty field for an absent property. Three things the importer cannot
 * read are written as control characters the document schema never lets through, and the
 * launcher's OfflineImport (neo4j-runtime) stores them as the online writes do: an empty array
 * (which the importer drops) as the one element `EMPTY_LIST`, a line feed as `LINE_FEED` and a
 * carriage return as `CARRIAGE_RETURN` (the importer's multiline parsers are slow, or fail on
 * files over their 4 MiB buffer), so every row is one line.
 */
export const ARRAY_DELIMITER = '\u001f';
export const EMPTY_LIST = '\u001e';
export const LINE_FEED = '\u001d';
export const CARRIAGE_RETURN = '\u001c';

const RESERVED = [ARRAY_DELIMITER, EMPTY_LIST, LINE_FEED, CARRIAGE_RETURN];

/** Why a text cannot go through the importer's CSV, or undefined when it can. */
export function reservedProblem(value: string): string | undefined {
  return RESERVED.some((char) => value.includes(char))
    ? 'the text contains a control character of U+001C to U+001F, which the offline import reserves; remove it, or load this document online'
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

const quoted = (text: string): string => {
  let out = text;
  if (out.includes('"')) out = out.replaceAll('"', '""');
  if (out.includes('\n')) out = out.replaceAll('\n', LINE_FEED);
  if (out.includes('\r')) out = out.replaceAll('\r', CARRIAGE_RETURN);
  return `"${out}"`;
};

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

/** One group of files the importer reads as one: a header file and the data file under it. */
export interface CsvGroup {
  readonly kind: 'nodes' | 'relationships';
  /** Labels of the nodes (`Officer`, `Entity`), or the relationship type. */
  readonly labels: readonly string[];
  readonly files: readonly string[];
}

/** One part of a table: a fixed list of columns, its header and data file. */
interface Part {
  readonly columns: readonly (readonly [string, ColumnType])[];
  readonly types: ReadonlyMap<string, ColumnType>;
  readonly header: string;
  readonly data: BufferedFile;
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
    part.data.write(`${fields.join(',')}\n`);
    this.rows++;
  }

  /** Closes the files and returns their groups, one per part. */
  close(): CsvGroup[] {
    return this.parts.map((part, index) => {
      const header = path.join(this.dir, `${this.name}-${index}-header.csv`);
      const headerFile = new BufferedFile(header);
      headerFile.write(part.header);
      headerFile.close();
      part.data.close();
      return { kind: this.kind, labels: this.labels, files: [header, part.data.file] };
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
    const data = new BufferedFile(path.join(this.dir, `${this.name}-${this.parts.length}.csv`));
    const part: Part = { columns, types, header, data };
    this.parts.push(part);
    return part;
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
