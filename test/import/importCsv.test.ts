import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importerArguments } from '../../src/import/adminImport.js';
import { CsvTable, reservedProblem } from '../../src/import/importCsv.js';

const dir = mkdtempSync(path.join(tmpdir(), 'liaison-graph-csv-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const read = (file: string | undefined) => readFileSync(file ?? '', 'utf8');

describe("the offline importer's CSV", () => {
  it('quotes every string, encodes what the importer cannot read, and leaves absent properties empty', () => {
    const table = new CsvTable(dir, 'Officer', 'nodes', ['Officer', 'Entity']);
    table.add('a', { id: 'a', name: 'He said "no", twice', aliases: [], tags: ['x', 'y'] });
    table.add('b', { id: 'b', name: 'Two\nlines\r', tags: ['z'] });
    const [group] = table.close();
    expect(group?.labels).toEqual(['Officer', 'Entity']);
    expect(read(group?.files[0])).toBe('id:ID,name:string,aliases:string[],tags:string[]\n');
    expect(read(group?.files[1])).toBe(
      '"a","He said ""no"", twice","\u001e","x\u001fy"\n' + '"b","Two\u001dlines\u001c",,"z"\n',
    );
  });

  it('starts a part with more columns when a row brings a new property or type, never rewriting rows', () => {
    const table = new CsvTable(dir, 'SERVES', 'relationships', ['SERVES']);
    table.add('o/SERVES/s', { role: 'OFFICER' }, ['o', 's']);
    table.add('p/SERVES/s', { role: 'OFFICER', confidence: 0.5, open: false }, ['p', 's']);
    table.add('q/SERVES/s', { open: true }, ['q', 's']);
    const groups = table.close();
    expect(groups.map((g) => read(g.files[0]))).toEqual([
      ':START_ID,:END_ID,id:string,role:string\n',
      ':START_ID,:END_ID,id:string,role:string,confidence:double,open:boolean\n',
    ]);
    expect(read(groups[1]?.files[1])).toBe(
      '"p","s","p/SERVES/s","OFFICER",0.5,false\n"q","s","q/SERVES/s",,,true\n',
    );
  });

  it('refuses texts holding the control characters it reserves', () => {
    expect(reservedProblem('plain, "quoted"\n')).toBeUndefined();
    expect(reservedProblem('a\u001fb')).toBe(
      'the text contains a control character of U+001C to U+001F, which the offline import reserves; remove it, or load this document online',
    );
  });

  it('gives the importer every group, its separators and no tolerance for bad entries', () => {
    expect(
      importerArguments(
        [
          { kind: 'nodes', labels: ['Country', 'Entity'], files: ['/d/h.csv', '/d/c.csv'] },
          { kind: 'relationships', labels: ['OF'], files: ['/d/oh.csv', '/d/o.csv'] },
        ],
        '/d/report',
      ),
    ).toEqual([
      'neo4j',
      '--overwrite-destination=true',
      '--array-delimiter=U+001F',
      '--bad-tolerance=0',
      '--report-file=/d/report',
      '--nodes=Country:Entity=/d/h.csv,/d/c.csv',
      '--relationships=OF=/d/oh.csv,/d/o.csv',
    ]);
  });
});
