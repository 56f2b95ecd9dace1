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
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Which labels a relationship type joins, and which properties it may carry. */
export interface LinkSpec {
  readonly start: readonly Label[];
  readonly end: readonly Label[];
  readonly properties: readonly LinkProperty[];
}

export type LinkProperty = 'role' | 'post' | 'kind' | 'confidence' | 'from' | 'to';

export const LINKS: Readonly<Record<LinkType, LinkSpec>> = {
  PARTY_TO: { start: ['Service'], end: ['LiaisonChannel'], properties: ['role', 'from', 'to'] },
  SERVES: { start: ['Officer'], end: ['Service'], properties: ['role', 'post', 'from', 'to'] },
  POSTED_TO: { start: ['Officer'], end: ['LiaisonChannel'], properties: ['post', 'from', 'to'] },
  CONDUCTED: { start: ['Service'], end: ['Operation'], properties: ['role'] },
  THROUGH: { start: ['Operation'], end: ['LiaisonChannel'], properties: [] },
  TOOK_PART: { start: ['Officer'], end: ['Operation'], properties: ['role'] },
  TARGETED: { start: ['Operation'], end: ['Country', 'Service', 'Organization'], properties: [] },
  OF: { start: ['Service', 'Organization', 'Officer'], end: ['Country'], properties: [] },
  SUCCEEDED: { start: ['Service'], end: ['Service'], properties: ['from'] },
  AGENT_OF: {
    start: ['Officer'],
    end: ['Service', 'Organization'],
    properties: ['kind', 'confidence', 'from', 'to'],
  },
};

/** The readable id of a link: `kim-philby/POSTED_TO/sis-cia`. */
export const linkId = (start: string, type: LinkType, end: string): string =>
  `${start}/${type}/${end}`;
