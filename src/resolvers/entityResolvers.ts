import type { EntityRecord } from '../cypher/index.js';
import type { Resolvers } from '../generated/resolvers.js';
import {
  CHANNEL_FORMS,
  CHANNEL_SCOPES,
  CHANNEL_STRUCTURES,
  DISCIPLINES,
  ORGANIZATION_KINDS,
  SERVICE_KINDS,
  SHARING_LEVELS,
} from '../model/index.js';
import { linkedEntities, linkField, oneLinked } from './linkFields.js';
import {
  citations,
  classification,
  member,
  optBool,
  optMember,
  optText,
  text,
  textList,
} from './props.js';

/** Fields every entity has, read from its stored properties. */
const entityFields = {
  id: (e: EntityRecord) => text(e.props, 'id'),
  name: (e: EntityRecord) => text(e.props, 'name'),
  aliases: (e: EntityRecord) => textList(e.props, 'aliases'),
  notes: (e: EntityRecord) => optText(e.props, 'notes'),
  sources: (e: EntityRecord) => citations(e.props),
  classification: (e: EntityRecord) => classification(e.props),
  releasableTo: (e: EntityRecord) => textList(e.props, 'releasableTo'),
};
const windowFields = {
  from: (e: EntityRecord) => optText(e.props, 'from'),
  to: (e: EntityRecord) => optText(e.props, 'to'),
};

/** Entity types; relationship fields go through per-request loaders (one query per level). */
export const entityResolvers: Pick<
  Resolvers,
  | 'Entity'
  | 'Target'
  | 'Country'
  | 'Service'
  | 'Organization'
  | 'Officer'
  | 'LiaisonChannel'
  | 'Operation'
> = {
  // Labels are named like the GraphQL types, so a record's label is its type.
  Entity: { __resolveType: (e) => e.label },
  Target: {
    __resolveType: (e) => {
      if (e.label === 'Country' || e.label === 'Service' || e.label === 'Organization')
        return e.label;
      throw new TypeError(`a ${e.label} cannot be a target`);
    },
  },
  Country: {
    ...entityFields,
    ...windowFields,
    code: (e) => text(e.props, 'code'),
    services: linkedEntities({ label: 'Country', type: 'OF', direction: 'IN', other: ['Service'] }),
    organizations: linkedEntities({
      label: 'Country',
      type: 'OF',
      direction: 'IN',
      other: ['Organization'],
    }),
    nationals: linkedEntities({
      label: 'Country',
      type: 'OF',
      direction: 'IN',
      other: ['Officer'],
    }),
    targetedBy: linkField({
      label: 'Country',
      type: 'TARGETED',
      direction: 'IN',
      other: ['Operation'],
    }),
  },
  Service: {
    ...entityFields,
    ...windowFields,
    acronym: (e) => optText(e.props, 'acronym'),
    kind: (e) => member(SERVICE_KINDS, e.props, 'kind'),
    country: oneLinked({ label: 'Service', type: 'OF', direction: 'OUT', other: ['Country'] }),
    channels: linkField({
      label: 'Service',
      type: 'PARTY_TO',
      direction: 'OUT',
      other: ['LiaisonChannel'],
    }),
    officers: linkField({ label: 'Service', type: 'SERVES', direction: 'IN', other: ['Officer'] }),
    agents: linkField({ label: 'Service', type: 'AGENT_OF', direction: 'IN', other: ['Officer'] }),
    operations: linkField({
      label: 'Service',
      type: 'CONDUCTED',
      direction: 'OUT',
      other: ['Operation'],
    }),
    predecessors: linkField({
      label: 'Service',
      type: 'SUCCEEDED',
      direction: 'OUT',
      other: ['Service'],
    }),
    successors: linkField({
      label: 'Service',
      type: 'SUCCEEDED',
      direction: 'IN',
      other: ['Service'],
    }),
    targetedBy: linkField({
      label: 'Service',
      type: 'TARGETED',
      direction: 'IN',
      other: ['Operation'],
    }),
  },
  Organization: {
    ...entityFields,
    ...windowFields,
    kind: (e) => member(ORGANIZATION_KINDS, e.props, 'kind'),
    country: oneLinked({ label: 'Organization', type: 'OF', direction: 'OUT', other: ['Country'] }),
    insiders: linkField({
      label: 'Organization',
      type: 'AGENT_OF',
      direction: 'IN',
      other: ['Officer'],
    }),
    targetedBy: linkField({
      label: 'Organization',
      type: 'TARGETED',
      direction: 'IN',
      other: ['Operation'],
    }),
  },
  Officer: {
    ...entityFields,
    born: (e) => optText(e.props, 'born'),
    died: (e) => optText(e.props, 'died'),
    nationality: oneLinked({ label: 'Officer', type: 'OF', direction: 'OUT', other: ['Country'] }),
    services: linkField({ label: 'Officer', type: 'SERVES', direction: 'OUT', other: ['Service'] }),
    postings: linkField({
      label: 'Officer',
      type: 'POSTED_TO',
      direction: 'OUT',
      other: ['LiaisonChannel'],
    }),
    penetrations: linkField({
      label: 'Officer',
      type: 'AGENT_OF',
      direction: 'OUT',
      other: ['Service', 'Organization'],
    }),
    operations: linkField({
      label: 'Officer',
      type: 'TOOK_PART',
      direction: 'OUT',
      other: ['Operation'],
    }),
  },
  LiaisonChannel: {
    ...entityFields,
    ...windowFields,
    scope: (e) => member(CHANNEL_SCOPES, e.props, 'scope'),
    form: (e) => optMember(CHANNEL_FORMS, e.props, 'form'),
    structure: (e) => optMember(CHANNEL_STRUCTURES, e.props, 'structure'),
    disciplines: (e) =>
      textList(e.props, 'disciplines').map((d) => member(DISCIPLINES, { d }, 'd')),
    sharing: (e) => optMember(SHARING_LEVELS, e.props, 'sharing'),
    thirdPartyRule: (e) => optBool(e.props, 'thirdPartyRule'),
    parties: linkField({
      label: 'LiaisonChannel',
      type: 'PARTY_TO',
      direction: 'IN',
      other: ['Service'],
    }),
    postings: linkField({
      label: 'LiaisonChannel',
      type: 'POSTED_TO',
      direction: 'IN',
      other: ['Officer'],
    }),
    operations: linkField({
      label: 'LiaisonChannel',
      type: 'THROUGH',
      direction: 'IN',
      other: ['Operation'],
    }),
  },
  Operation: {
    ...entityFields,
    ...windowFields,
    codename: (e) => optText(e.props, 'codename'),
    summary: (e) => optText(e.props, 'summary'),
    outcome: (e) => optText(e.props, 'outcome'),
    conductedBy: linkField({
      label: 'Operation',
      type: 'CONDUCTED',
      direction: 'IN',
      other: ['Service'],
    }),
    channels: linkField({
      label: 'Operation',
      type: 'THROUGH',
      direction: 'OUT',
      other: ['LiaisonChannel'],
    }),
    participants: linkField({
      label: 'Operation',
      type: 'TOOK_PART',
      direction: 'IN',
      other: ['Officer'],
    }),
    targets: linkField({
      label: 'Operation',
      type: 'TARGETED',
      direction: 'OUT',
      other: ['Country', 'Service', 'Organization'],
    }),
  },
};
