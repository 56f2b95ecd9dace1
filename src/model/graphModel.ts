/** Node labels of the liaison graph; every node of these has a unique, readable `id`. */
export const LABELS = [
  'Country',
  'Service',
  'Organization',
  'Officer',
  'LiaisonChannel',
  'Operation',
] as const;
export type Label = (typeof LABELS)[number];

/** Relationship types; Cypher only ever names these (an allow-list, never user text). */
export const LINK_TYPES = [
  'PARTY_TO',
  'SERVES',
  'POSTED_TO',
  'CONDUCTED',
  'THROUGH',
  'TOOK_PART',
  'TARGETED',
  'OF',
  'SUCCEEDED',
  'AGENT_OF',
  'PART_OF',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Which labels a relationship type joins, and which properties it may carry. */
export interface LinkSpec {
  readonly start: readonly Label[];
  readonly end: readonly Label[];
  readonly properties: readonly LinkProperty[];
}

export type LinkProperty = 'role' | 'post' | 'kind' | 'confidence' | 'from' | 'to' | 'attested';

export const LINKS: Readonly<Record<LinkType, LinkSpec>> = {
  PARTY_TO: {
    start: ['Service'],
    end: ['LiaisonChannel'],
    properties: ['role', 'from', 'to', 'attested'],
  },
  SERVES: {
    start: ['Officer'],
    end: ['Service'],
    properties: ['role', 'post', 'from', 'to', 'attested'],
  },
  POSTED_TO: {
    start: ['Officer'],
    end: ['LiaisonChannel'],
    properties: ['post', 'from', 'to', 'attested'],
  },
  CONDUCTED: { start: ['Service'], end: ['Operation'], properties: ['role'] },
  THROUGH: { start: ['Operation'], end: ['LiaisonChannel'], properties: [] },
  TOOK_PART: { start: ['Officer'], end: ['Operation'], properties: ['role'] },
  TARGETED: { start: ['Operation'], end: ['Country', 'Service', 'Organization'], properties: [] },
  OF: { start: ['Service', 'Organization', 'Officer'], end: ['Country'], properties: [] },
  SUCCEEDED: { start: ['Service'], end: ['Service'], properties: ['from'] },
  AGENT_OF: {
    start: ['Officer'],
    end: ['Service', 'Organization'],
    properties: ['kind', 'confidence', 'from', 'to', 'attested'],
  },
  /** A component service of a department or community (docs/path-semantics.md, "Structure"). */
  PART_OF: { start: ['Service'], end: ['Service'], properties: ['from', 'to', 'attested'] },
};

/** The readable id of a link: `kim-philby/POSTED_TO/sis-cia`. */
export const linkId = (start: string, type: LinkType, end: string): string =>
  `${start}/${type}/${end}`;

/**
 * Why an explicit link id cannot be used, or undefined when it can. An id spelled like a
 * derived one (`start/TYPE/end`) must be exactly this link's derived id: otherwise it would
 * read as another link (`kim-philby/AGENT_OF/kgb` on a SUCCEEDED link) and could take the id
 * that link derives. So derived ids are unique across types by their spelling, and any other
 * explicit id is checked against every type when it is written.
 */
export function explicitLinkIdProblem(
  id: string,
  type: LinkType,
  start: string,
  end: string,
): string | undefined {
  const parts = id.split('/');
  if (parts.length !== 3 || !(LINK_TYPES as readonly string[]).includes(parts[1] ?? '')) return;
  const own = linkId(start, type, end);
  if (id === own) return;
  return `"${id}" is spelled as the id of a ${parts[1] ?? ''} link from "${parts[0] ?? ''}" to "${parts[2] ?? ''}"; this link's own id is "${own}" (leave id out to use it), or give an id not of the form start/TYPE/end`;
}

/** True when `id` is a link's derived id (`start/TYPE/end`), not one given explicitly. */
export const isDerivedLinkId = (id: string, type: LinkType, start: string, end: string): boolean =>
  id === linkId(start, type, end);
