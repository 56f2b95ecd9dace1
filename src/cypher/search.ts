import { int } from 'neo4j-driver';
import type { Visibility } from '../context/index.js';
import { LABELS } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { labelOf } from './entities.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The words of a search text that count: split on whitespace, a word without a letter or digit
 * dropped (it would become a required clause the index cannot match), and so are the operators
 * AND, OR and NOT.
 */
function searchWords(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word) && !/^(AND|OR|NOT)$/.test(word));
}

/**
 * Turns user words into a Lucene query: every word must match, as itself or as a prefix.
 * Lucene operators in the input are escaped, so any text is safe and means only its words;
 * words without a letter or digit are dropped. Returns undefined when no word remains.
 */
export function luceneQuery(text: string): string | undefined {
  const words = searchWords(text).map((word) => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`));
  if (words.length === 0) return undefined;
  return words.map((word) => `(${word} OR ${word}*)`).join(' AND ');
}

/** Punctuation, one mark between each two spaces: ASCII, then quotes, dashes and dots of print. */
const PUNCTUATION =
  '! " # $ % & \' ( ) * + , - . / : ; < = > ? @ [ \\ ] ^ _ ` { | } ~ « » · – — ‘ ’ “ ” …';
/** What splits a text into tokens, besides the space: other whitespace and punctuation. */
const SEPARATORS = ['\t', '\n', '\r', '\u00a0', ...PUNCTUATION.split(' ')];

/** Cypher for the tokens of the string `text`: lowercase, split on `$separators`, none empty. */
const tokensOf = (text: string): string =>
  `[t IN split(reduce(s = toLower(${text}), c IN $separators | replace(s, c, ' ')), ' ') WHERE t <> '']`;

/**
 * How much a match in each indexed field counts. Each alias is a field of its own (aliasesText
 * joins them with ' | '), so an entity is not marked down for having many names.
 */
const WEIGHT = { name: 4, acronym: 4, alias: 2, codename: 2, code: 1 } as const;
/** How much a word counts when it equals a token, and when it only begins one. */
const EXACT = 1;
const PREFIX = 0.5;

/**
 * Full-text search over the `entity_search` index, visible nodes only, best score first, ties
 * by id; undefined when the text has no word to search for. The index is updated after commit
 * (migration 5), so the search first waits for the updates of transactions already committed:
 * a caller finds what it has just written.
 *
 * Lucene only picks the candidates (whether a node matches depends on that node alone). Its
 * BM25 score is not used: it weighs a match by statistics over every indexed node (how many
 * contain the word, their average length), hidden ones included, so a caller's scores and
 * order would change when an entity it may not see is added. The score is computed here from
 * the hit's own fields and the words only:
 *
 *   score = Σ over words w of max over fields f of
 *             weight(f) × (1 if w is a token of f, 0.5 if w begins one, else 0) / √tokens(f)
 *         + the weight of the best field whose tokens are exactly the text's tokens (else 0)
 *
 * with weights name 4, acronym 4, each alias 2, codename 2, code 1; tokens are the lowercase
 * runs between whitespace and punctuation, the same for fields and words (a word such as
 * "al-Qaeda" counts as its tokens "al" and "qaeda").
 */
export function searchEntities(
  text: string,
  first: number,
  v: Visibility,
): CypherQuery | undefined {
  const query = luceneQuery(text);
  if (query === undefined) return undefined;
  const fields =
    `[f IN [{weight: ${WEIGHT.name}, text: n.name}, {weight: ${WEIGHT.acronym}, text: n.acronym}, ` +
    `{weight: ${WEIGHT.codename}, text: n.codename}, {weight: ${WEIGHT.code}, text: n.code}] + ` +
    `[alias IN split(coalesce(n.aliasesText, ''), ' | ') | {weight: ${WEIGHT.alias}, text: alias}] ` +
    `WHERE f.text IS NOT NULL | {weight: f.weight, tokens: ${tokensOf('f.text')}}]`;
  const wordScore =
    `reduce(best = 0.0, m IN [f IN fields | f.weight * (CASE WHEN term IN f.tokens THEN ${EXACT} ` +
    `WHEN any(t IN f.tokens WHERE t STARTS WITH term) THEN ${PREFIX} ELSE 0 END) / sqrt(size(f.tokens))] | ` +
    'CASE WHEN m > best THEN m ELSE best END)';
  const wholeBonus =
    'reduce(bonus = 0.0, f IN fields | CASE WHEN f.tokens = terms AND f.weight > bonus THEN f.weight ELSE bonus END)';
  return {
    cypher:
      'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh() ' +
      `WITH reduce(acc = [], word IN $words | acc + ${tokensOf('word')}) AS terms ` +
      "CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node AS n " +
      `WHERE ${v.node('n')} ` +
      `WITH n, terms, ${fields} AS fields ` +
      'WITH n, terms, [f IN fields WHERE size(f.tokens) > 0] AS fields ' +
      `WITH n, reduce(total = 0.0, term IN terms | total + ${wordScore}) + ${wholeBonus} AS score ` +
      `RETURN ${labelOf('n')} AS label, properties(n) AS props, score ORDER BY score DESC, n.id LIMIT $first`,
    params: {
      query,
      words: searchWords(text),
      separators: SEPARATORS,
      first: int(first),
      labels: [...LABELS],
      ...v.params,
    },
  };
}
