import { linkById, linkRecordOf, str, type EntityListFilter } from '../cypher/index.js';
import { badInput, shown } from '../errors/index.js';
import type { EntityOrder, QueryResolvers } from '../generated/resolvers.js';
import { parseSearch, searchEntities } from '../search/index.js';
import { checkFirst } from './cursor.js';
import { entityConnection, penetrationConnection } from './connections.js';
import { timeWindow, type TimeArgs } from './linkFields.js';
import { isLinkObject } from './linkResolvers.js';

/** The order asked for; an explicit null asks for the default (by name, ascending). */
const order = (orderBy: EntityOrder | null | undefined) => ({
  field: orderBy?.field ?? 'NAME',
  direction: orderBy?.direction ?? 'ASC',
});

/** The filter fields common to every entity list. */
function commonFilter(
  filter: { text?: string | null; during?: TimeArgs['during'] } | null | undefined,
): EntityListFilter {
  const text = filter?.text?.trim();
  const window = timeWindow({ during: filter?.during ?? null });
  return { ...(text ? { text } : {}), ...(window ? { window } : {}) };
}

const listOf = <T>(values: readonly T[] | null | undefined): readonly T[] | undefined =>
  values && values.length > 0 ? values : undefined;

/** How many words a search may have, and how long each may be. */
const SEARCH_MAX_WORDS = 32;
const SEARCH_MAX_WORD_LENGTH = 100;
/**
 * How long a search text may be: room for the longest words allowed with whitespace to spare.
 * Checked before the text is split, so the work a text causes is bounded whatever its size.
 */
const SEARCH_MAX_TEXT_LENGTH = 4096;
/** How many words a search may have once split at punctuation: each is a clause of the query. */
const SEARCH_MAX_SPLIT_WORDS = 64;

/** Root query fields. */
export const queryResolvers: QueryResolvers = {
  node: (_parent, { id }, { loaders }) => loaders.entity.load(id),
  link: async (_parent, { id }, { executor, visibility }) => {
    const [row] = await executor.read(linkById(id, visibility));
    if (!row) return null;
    const link = linkRecordOf(row);
    if (!isLinkObject(link.type)) {
      throw badInput(
        `${shown(id)} is an ${link.type} link (a nationality or a service's country), which is a field of its entity, not a Link: ask for node(id: ${shown(str(link.start.props['id'], 'id'))}) and its country or nationality.`,
        { argument: 'id', type: link.type },
      );
    }
    return link;
  },
  service: async (_parent, { id }, { loaders }) => {
    const entity = await loaders.entity.load(id);
    return entity?.label === 'Service' ? entity : null;
  },
  services: (_parent, { first, after, filter, orderBy }, ctx) =>
    entityConnection(
      ctx,
      'Service',
      { first, after, ...order(orderBy) },
      {
        ...commonFilter(filter),
        ...(listOf(filter?.kinds) ? { kinds: listOf(filter?.kinds) } : {}),
        ...(filter?.country ? { country: filter.country } : {}),
      },
    ),
  officers: (_parent, { first, after, filter, orderBy }, ctx) =>
    entityConnection(ctx, 'Officer', { first, after, ...order(orderBy) }, commonFilter(filter)),
  channels: (_parent, { first, after, filter, orderBy }, ctx) =>
    entityConnection(
      ctx,
      'LiaisonChannel',
      { first, after, ...order(orderBy) },
      {
        ...commonFilter(filter),
        ...(filter?.scope ? { scope: filter.scope } : {}),
        ...(listOf(filter?.disciplines) ? { disciplines: listOf(filter?.disciplines) } : {}),
        ...(filter?.country ? { country: filter.country } : {}),
      },
    ),
  operations: (_parent, { first, after, filter, orderBy }, ctx) =>
    entityConnection(ctx, 'Operation', { first, after, ...order(orderBy) }, commonFilter(filter)),
  organizations: (_parent, { first, after, filter, orderBy }, ctx) =>
    entityConnection(
      ctx,
      'Organization',
      { first, after, ...order(orderBy) },
      {
        ...commonFilter(filter),
        ...(listOf(filter?.kinds) ? { kinds: listOf(filter?.kinds) } : {}),
        ...(filter?.country ? { country: filter.country } : {}),
      },
    ),
  countries: (_parent, { first, after, filter, orderBy }, ctx) =>
    entityConnection(ctx, 'Country', { first, after, ...order(orderBy) }, commonFilter(filter)),
  penetrations: (_parent, { first, after, filter }, ctx) => {
    const window = timeWindow({ during: filter?.during ?? null });
    return penetrationConnection(
      ctx,
      { first, after },
      {
        ...(filter?.agent ? { agent: filter.agent } : {}),
        ...(filter?.service ? { service: filter.service } : {}),
        ...(listOf(filter?.kinds) ? { kinds: listOf(filter?.kinds) } : {}),
        ...(filter?.confidence ? { confidence: filter.confidence } : {}),
        ...(window ? { window } : {}),
      },
    );
  },
  search: async (_parent, { text, first }, { executor, visibility }) => {
    // Full-text hits are capped apart from pages: beyond 100 they rank nothing useful.
    const limit = checkFirst(first, 100, 'first', null);
    if (text.length > SEARCH_MAX_TEXT_LENGTH) {
      throw badInput(
        `'text' takes at most ${SEARCH_MAX_TEXT_LENGTH} characters (at most ${SEARCH_MAX_WORDS} words of at most ${SEARCH_MAX_WORD_LENGTH} characters each); got ${text.length} characters.`,
        { argument: 'text', maxLength: SEARCH_MAX_TEXT_LENGTH },
      );
    }
    const words = text.split(/\s+/).filter((word) => word.length > 0);
    const longest = words.reduce((most, word) => Math.max(most, word.length), 0);
    // Each word becomes clauses of a Lucene query; Lucene refuses too many or too long ones.
    if (words.length > SEARCH_MAX_WORDS || longest > SEARCH_MAX_WORD_LENGTH) {
      throw badInput(
        `'text' takes at most ${SEARCH_MAX_WORDS} words of at most ${SEARCH_MAX_WORD_LENGTH} characters each; got ${words.length} words, the longest of ${longest} characters.`,
        { argument: 'text', maxWords: SEARCH_MAX_WORDS, maxWordLength: SEARCH_MAX_WORD_LENGTH },
      );
    }
    const query = parseSearch(text);
    if (query === undefined) {
      throw badInput(`'text' must contain at least one word to search for; got ${shown(text)}.`, {
        argument: 'text',
      });
    }
    if (query.words.length > SEARCH_MAX_SPLIT_WORDS) {
      throw badInput(
        `'text' takes at most ${SEARCH_MAX_SPLIT_WORDS} words once split at punctuation (al-Qaeda is two); got ${query.words.length}.`,
        { argument: 'text', maxSplitWords: SEARCH_MAX_SPLIT_WORDS },
      );
    }
    return searchEntities(executor, query, limit, visibility);
  },
};
