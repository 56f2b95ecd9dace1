import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { SECTION_NAMES } from './graphDocument.js';
import { ImportError, type ImportProblem } from './importProblem.js';

/** The historical dataset shipped with the project. */
export const HISTORICAL_DIR = fileURLToPath(new URL('../../seed/historical/', import.meta.url));

/**
 * Reads a dataset folder: one `<section>.yaml` per section (`services.yaml`, ...), each a list
 * of entries. Document citations (`lines` + `quote`) are checked against the cited file in
 * `documentsDir`: the quote must appear in those lines, whitespace collapsed. Any problem
 * refuses the whole folder.
 */
export function readGraphFiles(
  dir: string,
  documentsDir = path.join(dir, '..', 'documents'),
): Record<string, unknown> {
  const problems: ImportProblem[] = [];
  const input: Record<string, unknown> = {};
  for (const section of SECTION_NAMES) {
    const file = path.join(dir, `${section}.yaml`);
    if (!existsSync(file)) continue;
    try {
      input[section] = parseYaml(readFileSync(file, 'utf8'), { prettyErrors: true }) as unknown;
    } catch (error) {
      problems.push({
        file: `${section}.yaml`,
        message: `not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`,
      });
    }
  }
  if (problems.length === 0) problems.push(...checkQuotes(input, documentsDir));
  if (problems.length > 0) throw new ImportError(problems);
  return input;
}

/** Each document citation's quote must occur, whitespace-collapsed, in its cited lines. */
function checkQuotes(
  input: Readonly<Record<string, unknown>>,
  documentsDir: string,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const files = new Map<string, string>();
  for (const source of asList(input['sources'])) {
    if (typeof source['id'] === 'string' && typeof source['file'] === 'string')
      files.set(source['id'], source['file']);
  }
  const lines = new Map<string, string[]>();
  const linesOf = (file: string): string[] | undefined => {
    if (!lines.has(file)) {
      const full = path.join(documentsDir, file);
      if (existsSync(full)) lines.set(file, readFileSync(full, 'utf8').split('\n'));
    }
    return lines.get(file);
  };
  for (const section of SECTION_NAMES) {
    asList(input[section]).forEach((entry, index) => {
      visitCitations(entry, '', (citation, field) => {
        const { source, lines: range, quote } = citation;
        if (!Array.isArray(range) || typeof quote !== 'string' || typeof source !== 'string')
          return;
        const at = {
          file: `${section}.yaml`,
          entry: index,
          ...(typeof entry['id'] === 'string' ? { id: entry['id'] } : {}),
          field,
        };
        const file = files.get(source);
        if (file === undefined) {
          problems.push({
            ...at,
            message: `cites lines of "${source}", which is not a source with a "file" in sources.yaml`,
          });
          return;
        }
        const text = linesOf(file);
        if (text === undefined) {
          problems.push({ ...at, message: `cites ${file}, which is not in ${documentsDir}` });
          return;
        }
        const [first, last] = range as [number, number];
        if (last > text.length) {
          problems.push({
            ...at,
            message: `cites lines ${first}-${last} of ${file}, which has ${text.length} lines`,
          });
          return;
        }
        const span = collapse(text.slice(first - 1, last).join(' '));
        if (!span.includes(collapse(quote))) {
          problems.push({
            ...at,
            message: `the quote does not appear in lines ${first}-${last} of ${file}: "${quote}"`,
          });
        }
      });
    });
  }
  return problems;
}

type Entry = Readonly<Record<string, unknown>>;

function asList(value: unknown): Entry[] {
  return Array.isArray(value)
    ? value.filter((v): v is Entry => typeof v === 'object' && v !== null)
    : [];
}

/** Calls `visit` on every `sources` citation of an entry and of its nested links. */
function visitCitations(
  entry: Entry,
  prefix: string,
  visit: (citation: Entry, field: string) => void,
): void {
  for (const [key, value] of Object.entries(entry)) {
    if (!Array.isArray(value)) continue;
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null) return;
      const field = `${prefix}${key}[${i}]`;
      if (key === 'sources') visit(item as Entry, field);
      else visitCitations(item as Entry, `${field}.`, visit);
    });
  }
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
