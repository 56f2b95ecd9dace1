import type { SearchQuery, SearchWord } from './searchQuery.js';

/**
 * A term of Lucene's query syntax. Search words are folded tokens, letters and digits only, so
 * nothing is escaped in practice; anything else would be, so no input can be read as syntax.
 */
const literal = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);

/** One edit of a pattern: each atom is a literal character, `.` or `.?`. */
function oneEditAway(atoms: readonly string[]): string[] {
  const out: string[] = [];
  const join = (...parts: readonly (readonly string[])[]) => parts.flat().join('');
  for (let i = 0; i <= atoms.length; i++) out.push(join(atoms.slice(0, i), ['.'], atoms.slice(i)));
  for (let i = 0; i < atoms.length; i++)
    out.push(join(atoms.slice(0, i), ['.?'], atoms.slice(i + 1)));
  for (let i = 0; i + 1 < atoms.length; i++)
    out.push(join(atoms.slice(0, i), [atoms[i + 1] ?? '', atoms[i] ?? ''], atoms.slice(i + 2)));
  return [...new Set(out)];
}

/**
 * A regular expression (Lucene's syntax) matching every term within `edits` edits of the word,
 * and for two edits some more, which scoring then drops.
 *
 * Not Lucene's own fuzzy query (`word~2`): it expands to at most 50 terms, the nearest across
 * the whole index, so a term that only hidden entities hold could push out the one a visible
 * entity holds, and a caller would lose a hit because of what it may not see. A regular
 * expression has no such limit. One edit is spelt out (about 3n alternatives); two would take
 * n² and Lucene refuses to build the automaton, so two edits use the pigeonhole principle: cut
 * the word into five pieces; an edit spoils at most two (a swap across a cut), so two edits
 * leave one piece whole, within two characters of where it was, in a term at most two longer
 * or shorter.
 */
export function fuzzyPattern(word: SearchWord): string | undefined {
  const chars = word.chars.map(literal);
  if (word.edits === 1) return oneEditAway(chars).join('|');
  if (word.edits !== 2) return undefined;
  const n = chars.length;
  const k = word.edits;
  const parts = 2 * k + 1;
  const pieces: string[] = [];
  for (let j = 0; j < parts; j++) {
    const from = Math.floor((j * n) / parts);
    const to = Math.floor(((j + 1) * n) / parts);
    const piece = chars.slice(from, to).join('');
    const after = n - to;
    pieces.push(
      from <= after
        ? `.{${Math.max(0, from - k)},${from + k}}${piece}.*`
        : `.*${piece}.{${Math.max(0, after - k)},${after + k}}`,
    );
  }
  return `.{${Math.max(1, n - k)},${n + k}}&(${pieces.join('|')})`;
}

/** The Lucene clause of one word: its forms, each as a prefix if it is the last, and a typo. */
function clauseOf(word: SearchWord): string {
  const alternatives = word.forms.map(literal);
  if (word.prefix) alternatives.push(...word.forms.map((form) => `${literal(form)}*`));
  const fuzzy = fuzzyPattern(word);
  if (fuzzy !== undefined) alternatives.push(`/${fuzzy}/`);
  return `(${alternatives.join(' OR ')})`;
}

/**
 * The query of the full-text index `entity_terms` (whitespace analyzer over the folded terms
 * `searchPropsOf` stores) that finds every entity matching each word: a term equal to one of
 * its forms, beginning with one (the last word), or within its edits. Each clause decides on
 * one entity's own terms and none is capped, so which entities are candidates never depends on
 * others; Lucene's scores are ignored.
 */
export function luceneQueryOf(query: SearchQuery): string {
  return [...new Set(query.words.map(clauseOf))].join(' AND ');
}
