import type { LinkRecord } from '../cypher/index.js';
import type { Resolvers } from '../generated/resolvers.js';
import type { LinkType } from '../model/index.js';
import {
  CONDUCT_ROLES,
  CONFIDENCES,
  PARTY_ROLES,
  PENETRATION_KINDS,
  SERVICE_ROLES,
} from '../model/index.js';
import { citations, classification, member, optMember, optText, text, textList } from './props.js';

/** Fields every link has. */
const linkFields = {
  id: (l: LinkRecord) => text(l.props, 'id'),
  type: (l: LinkRecord) => l.type,
  sources: (l: LinkRecord) => citations(l.props),
  classification: (l: LinkRecord) => classification(l.props),
  releasableTo: (l: LinkRecord) => textList(l.props, 'releasableTo'),
};
const windowFields = {
  from: (l: LinkRecord) => optText(l.props, 'from'),
  to: (l: LinkRecord) => optText(l.props, 'to'),
  attested: (l: LinkRecord) => optText(l.props, 'attested'),
};
const start = (l: LinkRecord) => l.start;
const end = (l: LinkRecord) => l.end;

/** The GraphQL type of each link type. */
const LINK_GRAPHQL_TYPE = {
  PARTY_TO: 'ChannelParty',
  SERVES: 'Employment',
  POSTED_TO: 'Posting',
  CONDUCTED: 'Conduct',
  THROUGH: 'OperationChannel',
  TOOK_PART: 'Participation',
  TARGETED: 'Targeting',
  SUCCEEDED: 'Succession',
  AGENT_OF: 'Penetration',
  PART_OF: 'Composition',
  OF: undefined,
} as const satisfies Record<LinkType, string | undefined>;

/** Whether links of a type are Link objects (OF links are their entity's fields instead). */
export const isLinkObject = (type: LinkType): boolean => LINK_GRAPHQL_TYPE[type] !== undefined;

/** Link types, citations and sources. */
export const linkResolvers: Pick<
  Resolvers,
  | 'Link'
  | 'ChannelParty'
  | 'Employment'
  | 'Posting'
  | 'Conduct'
  | 'OperationChannel'
  | 'Participation'
  | 'Targeting'
  | 'Succession'
  | 'Penetration'
  | 'Composition'
  | 'Citation'
  | 'Source'
> = {
  Link: {
    __resolveType: (l) => {
      const type = LINK_GRAPHQL_TYPE[l.type];
      if (type === undefined)
        throw new TypeError(`${l.type} links are exposed as fields, not as Link objects`);
      return type;
    },
  },
  ChannelParty: {
    ...linkFields,
    ...windowFields,
    service: start,
    channel: end,
    role: (l) => optMember(PARTY_ROLES, l.props, 'role'),
  },
  Employment: {
    ...linkFields,
    ...windowFields,
    officer: start,
    service: end,
    role: (l) => optMember(SERVICE_ROLES, l.props, 'role'),
    post: (l) => optText(l.props, 'post'),
  },
  Posting: {
    ...linkFields,
    ...windowFields,
    officer: start,
    channel: end,
    post: (l) => optText(l.props, 'post'),
  },
  Conduct: {
    ...linkFields,
    service: start,
    operation: end,
    role: (l) => optMember(CONDUCT_ROLES, l.props, 'role'),
  },
  OperationChannel: { ...linkFields, operation: start, channel: end },
  Participation: {
    ...linkFields,
    officer: start,
    operation: end,
    role: (l) => optText(l.props, 'role'),
  },
  Targeting: { ...linkFields, operation: start, target: end },
  Succession: {
    ...linkFields,
    successor: start,
    predecessor: end,
    from: (l) => optText(l.props, 'from'),
  },
  Penetration: {
    ...linkFields,
    ...windowFields,
    agent: start,
    service: (l) => (l.end.label === 'Service' ? l.end : null),
    organization: (l) => (l.end.label === 'Organization' ? l.end : null),
    kind: (l) => member(PENETRATION_KINDS, l.props, 'kind'),
    confidence: (l) => member(CONFIDENCES, l.props, 'confidence'),
    window: (l) => ({ from: optText(l.props, 'from'), to: optText(l.props, 'to') }),
  },
  Composition: { ...linkFields, ...windowFields, component: start, whole: end },
  Citation: {
    source: async (c, _args, { loaders }) => {
      const source = await loaders.source.load(c.source);
      if (!source) throw new TypeError(`citation of unknown source ${c.source}`);
      return source;
    },
    lines: (c) => (c.lines ? [...c.lines] : null),
    quote: (c) => c.quote ?? null,
    section: (c) => c.section ?? null,
    about: (c) => [...(c.about ?? [])],
  },
  Source: {
    id: (s) => text(s.props, 'id'),
    title: (s) => text(s.props, 'title'),
    author: (s) => optText(s.props, 'author'),
    date: (s) => optText(s.props, 'date'),
    publisher: (s) => optText(s.props, 'publisher'),
    url: (s) => optText(s.props, 'url'),
    file: (s) => optText(s.props, 'file'),
    kind: (s) =>
      optText(s.props, 'kind') === 'EXTERNAL' || optText(s.props, 'file') === null
        ? 'EXTERNAL'
        : 'DOCUMENT',
  },
};
