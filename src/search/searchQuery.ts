import { tokensOf } from './foldedTokens.js';

/** One word to search for, folded as fields are. */
export interface SearchWord {
  /** The folded word. */
  readonly text: string;
  /** Its code points, for counting edits. */
  readonly chars: readonly string[];
  /** Every spelling a token may equal: the word, its German spelling, a number's other one. */
  readonly forms: readonly string[];
  /** How many edits a token may differ by (a typo): 0, or 1 or 2 by the word's length. */
  readonly edits: number;
  /** True for the last word, which the caller may still be typing: a token it begins matches. */
  readonly prefix: boolean;
}

/** The words of a search text; a hit must match every one. */
export interface SearchQuery {
  readonly words: readonly SearchWord[];
}

/** Words of fewer letters must be typed right; from 4 letters one typo is allowed, from 8 two. */
const ONE_EDIT_FROM = 4;
const TWO_EDITS_FROM = 8;
/** Longer words must be typed right: nothing that long is misspelt, and its automaton is large. */
export const FUZZY_MAX_LENGTH = 30;
/**
 * Typos are allowed in this many words of a text at most (the first ones long enough): each
 * costs Lucene an automaton (10-40 ms), and 64 of them took 0.5-3 s.
 */
export const FUZZY_MAX_WORDS = 8;
const LETTERS_ONLY = /^\p{L}+$/u;

/** Numbers analysts write either way (`5 Eyes`, `Cambridge Five`). */
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** The other spelling of a small number: `five` for `5`, `5` for `five`. */
function numberForm(word: string): string | undefined {
  const index = NUMBER_WORDS.indexOf(word);
  if (index >= 0) return String(index);
  return /^\d{1,2}$/.test(word) ? NUMBER_WORDS[Number(word)] : undefined;
}

/**
 * Edits allowed to a word, as Lucene's fuzzy queries allow them (one from 4 letters, two from 8),
 * for words of letters only: a year, a number or a code such as `S123` must be typed right.
 */
function editsFor(chars: readonly string[], text: string): number {
  if (!LETTERS_ONLY.test(text) || chars.length > FUZZY_MAX_LENGTH) return 0;
  return chars.length >= TWO_EDITS_FROM ? 2 : chars.length >= ONE_EDIT_FROM ? 1 : 0;
}

/**
 * The words of a search text: its whitespace-separated parts but the operators AND, OR and NOT,
 * split and folded into tokens as fields are (so `al-Qaeda` is `al` and `qaeda`, punctuation
 * means nothing, and no Lucene syntax survives). The last may be a prefix; the first
 * FUZZY_MAX_WORDS long enough may have typos. Undefined when no word remains.
 */
export function parseSearch(text: string): SearchQuery | undefined {
  const kept = text.split(/\s+/).filter((part) => !/^(AND|OR|NOT)$/.test(part));
  const tokens = tokensOf(kept.join(' '));
  if (tokens.length === 0) return undefined;
  let fuzzy = 0;
  return {
    words: tokens.map((token, i) => {
      const chars = Array.from(token.text);
      const number = numberForm(token.text);
      const forms = [token.text, ...(token.alt === undefined ? [] : [token.alt])];
      if (number !== undefined) forms.push(number);
      const edits = fuzzy < FUZZY_MAX_WORDS ? editsFor(chars, token.text) : 0;
      if (edits > 0) fuzzy++;
      return { text: token.text, chars, forms, edits, prefix: i === tokens.length - 1 };
    }),
  };
}
