/**
 * One searchable word of a text: its folded form, and where it stands in the original text (a
 * run of letters, digits and marks; a run that folds into several tokens gives each the run's
 * place).
 */
export interface Token {
  /** Lowercase, accents removed, letters outside ASCII spelt as search engines fold them. */
  readonly text: string;
  /** The German spelling of a word written with ä, ö or ü (`muenchen` for München), if any. */
  readonly alt?: string;
  /** Offsets in the original text, in UTF-16 code units: `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
}

/**
 * Longest token kept, in code points: the longest search word (100) plus the two edits a
 * typo may add. A longer run is cut there when stored and when read, so both agree.
 */
export const MAX_TOKEN_LENGTH = 102;

/** Letters that decomposition leaves whole, folded as Lucene's ASCII folding folds them. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL = /[ßæœøłđðþı]/g;
const MARKS = /\p{M}/gu;
const UMLAUT = /([aou])\u0308/g;
const HAS_UMLAUT = /[aou]\u0308/;
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const ASCII = /^\p{ASCII}*$/u;

const cut = (token: string): string =>
  token.length <= MAX_TOKEN_LENGTH ? token : Array.from(token).slice(0, MAX_TOKEN_LENGTH).join('');

/** Lowercase, decomposed (NFKD: `ﬁ` is `fi`, `²` is `2`), marks removed, special letters spelt out. */
function fold(decomposed: string): string {
  return decomposed.replace(MARKS, '').replace(SPECIAL, (c) => LETTERS[c] ?? c);
}

/**
 * The tokens of a text: each run of letters, digits and combining marks, folded; what folding
 * turns into punctuation (`½` into `1⁄2`) splits the run. The same function reads stored fields
 * and search words, so a word matches a field exactly when their tokens agree.
 */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    // Letters and digits of ASCII fold to themselves lowercased: most text, and the fast way.
    if (ASCII.test(match[0])) {
      tokens.push({ text: cut(match[0].toLowerCase()), start, end });
      continue;
    }
    const decomposed = match[0].toLowerCase().normalize('NFKD');
    const primary = fold(decomposed).split(NOT_WORD);
    const german = HAS_UMLAUT.test(decomposed)
      ? fold(decomposed.replace(UMLAUT, '$1e')).split(NOT_WORD)
      : primary;
    primary.forEach((part, i) => {
      if (part === '') return;
      const alt = german[i];
      tokens.push({
        text: cut(part),
        ...(alt !== undefined && alt !== part ? { alt: cut(alt) } : {}),
        start,
        end,
      });
    });
  }
  return tokens;
}
