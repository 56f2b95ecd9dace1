import { execute } from './api.js';
import { EntityDocument, LinkDocument } from './documents.js';
import type { DrawnElement } from './drawing.js';
import { h } from './dom.js';
import type { ExplorerCitationFragment } from './gql/graphql.js';

/** The fields and citations of an element, as the side panel shows them. */
export interface Details {
  readonly title: string;
  readonly subtitle: string;
  readonly fields: readonly (readonly [string, string])[];
  readonly sources: readonly ExplorerCitationFragment[];
  /** Why there are no citations, when the API cannot give any. */
  readonly note?: string;
}

/** Fetches an entity (node(id)) or a link (link(id)) with its citations. */
export async function fetchDetails(element: DrawnElement, key: string): Promise<Details> {
  return element.group === 'nodes' ? entityDetails(element, key) : linkDetails(element, key);
}

async function entityDetails(element: DrawnElement, key: string): Promise<Details> {
  const { node } = await execute(EntityDocument, { id: element.id }, key);
  if (!node)
    return {
      title: element.name,
      subtitle: `${element.type} ${element.id}`,
      fields: [],
      sources: [],
      note: 'The API no longer has this entity (deleted since the query ran, or hidden from your key).',
    };
  const { __typename, id, name, sources, ...rest } = node;
  return {
    title: name,
    subtitle: `${__typename} ${id}`,
    fields: [...fieldsOf(rest), ...fieldsOf(drawingFacts(element))],
    sources,
  };
}

async function linkDetails(element: DrawnElement, key: string): Promise<Details> {
  const subtitle = `${element.type} link ${element.id}`;
  const title = `${element.source ?? '?'} → ${element.target ?? '?'}`;
  const missing = (note: string): Details => ({
    title,
    subtitle,
    fields: fieldsOf(drawingFacts(element)),
    sources: [],
    note,
  });
  // A nationality or a service's country is a field of its entity, with no citations of its own.
  if (element.type === 'OF')
    return missing('OF links (nationality, a service’s country) carry no citations in the API.');
  const { link } = await execute(LinkDocument, { id: element.id }, key);
  if (!link)
    return missing(
      'The API no longer has this link (deleted since the query ran, or hidden from your key).',
    );
  const { __typename: _typename, id: _id, sources, ...rest } = link;
  return {
    title,
    subtitle,
    fields: [...fieldsOf(rest), ...fieldsOf(drawingFacts(element))],
    sources,
  };
}

/** What the query said about the element: hops, exposure, certainty, role on the drawing. */
function drawingFacts(element: DrawnElement): Record<string, unknown> {
  const { hops, exposure, certainty, role } = element.properties;
  return { hops, exposure, certainty, 'role in this answer': role };
}

function fieldsOf(values: Record<string, unknown>): [string, string][] {
  return Object.entries(values).flatMap(([name, value]): [string, string][] => {
    if (value === null || value === undefined || value === '') return [];
    if (Array.isArray(value)) return value.length === 0 ? [] : [[name, value.join(', ')]];
    if (typeof value === 'number')
      return [[name, Number.isInteger(value) ? `${value}` : value.toFixed(3)]];
    if (typeof value === 'string' || typeof value === 'boolean') return [[name, String(value)]];
    return [[name, JSON.stringify(value)]];
  });
}

/** The panel's content for these details, with `reached` (when it is reached) under the title. */
export function renderDetails(details: Details, reached?: HTMLElement): HTMLElement {
  const fields = h('dl', { class: 'fields' });
  for (const [name, value] of details.fields) fields.append(h('dt', {}, name), h('dd', {}, value));
  const sources = h('ol', { class: 'sources', 'data-testid': 'sources' });
  for (const citation of details.sources) sources.append(renderCitation(citation));
  return h(
    'div',
    {},
    h('h2', {}, details.title),
    h('p', { class: 'subtitle' }, details.subtitle),
    reached,
    h('h3', {}, `Sources (${details.sources.length})`),
    details.sources.length > 0
      ? sources
      : h('p', { class: 'note' }, details.note ?? 'No citations recorded.'),
    h('h3', {}, 'Properties'),
    fields,
  );
}

function renderCitation(citation: ExplorerCitationFragment): HTMLElement {
  const { source } = citation;
  const byline = [source.author, source.publisher, source.date]
    .filter((p) => p !== null)
    .join(', ');
  // Only web addresses become links: a source's url is data, and a javascript: URL must not run.
  const title =
    source.url !== null && /^https?:\/\//i.test(source.url)
      ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title)
      : h('span', {}, source.title);
  const place = [
    source.file === null ? undefined : source.file,
    linesOf(citation.lines),
    citation.section ?? undefined,
  ].filter((p) => p !== undefined);
  return h(
    'li',
    { 'data-source': source.id },
    title,
    byline ? h('span', { class: 'byline' }, ` (${byline})`) : undefined,
    place.length > 0 ? h('div', { class: 'place' }, place.join(', ')) : undefined,
    citation.quote === null ? undefined : h('blockquote', {}, citation.quote),
  );
}

/** `line 39` or `lines 334–335`. */
function linesOf(lines: readonly number[] | null): string | undefined {
  const [first, last] = [lines?.[0], lines?.at(-1)];
  if (first === undefined || last === undefined) return undefined;
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}
