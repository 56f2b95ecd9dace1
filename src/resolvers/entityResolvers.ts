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
import { stored } from './stored.js';

/** Fields every entity has, read from its stored properties. */
const entityFields = {
  // Every record, even a bare reference, holds its id.
  id: (e: EntityRecord) => text(e.props, 'id'),
  name: stored('name', (p) => text(p, 'name')),
  aliases: stored('aliases', (p) => textList(p, 'aliases')),
  notes: stored('notes', (p) => optText(p, 'notes')),
  sources: stored('citations', citations),
  classification: stored('classification', classification),
  releasableTo: stored('releasableTo', (p) => textList(p, 'releasableTo')),
};
const windowFields = {
  from: stored('from', (p) => optText(p, 'from')),
  to: stored('to', (p) => optText(p, 'to')),
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
    code: stored('code', (p) => text(p, 'code')),
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
    acronym: stored('acronym', (p) => optText(p, 'acronym')),
    kind: stored('kind', (p) => member(SERVICE_KINDS, p, 'kind')),
    country: oneLinked({ label: 'Service', type: 'OF', direction: 'OUT', other: ['Country'] }),
    channels: linkField({
      label: 'Service',
      type: 'PARTY_TO',
      direction: 'OUT',
      other: ['LiaisonChannel'],
    }),
    officers: linkField({ label: 'Service', type: 'SERVES', direction: 'IN', other: ['Officer'] }),
    agents: linkField({
      label: 'Service',
      type: 'AGENT_OF',
      direction: 'IN',
      other: ['Officer'],
      succession: true,
    }),
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
    partOf: linkField({ label: 'Service', type: 'PART_OF', direction: 'OUT', other: ['Service'] }),
    components: linkField({
      label: 'Service',
      type: 'PART_OF',
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
    kind: stored('kind', (p) => member(ORGANIZATION_KINDS, p, 'kind')),
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
    born: stored('born', (p) => optText(p, 'born')),
    died: stored('died', (p) => optText(p, 'died')),
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
    scope: stored('scope', (p) => member(CHANNEL_SCOPES, p, 'scope')),
    form: stored('form', (p) => optMember(CHANNEL_FORMS, p, 'form')),
    structure: stored('structure', (p) => optMember(CHANNEL_STRUCTURES, p, 'structure')),
    disciplines: stored('disciplines', (p) =>
      textList(p, 'disciplines').map((d) => member(DISCIPLINES, { d }, 'd')),
    ),
    sharing: stored('sharing', (p) => optMember(SHARING_LEVELS, p, 'sharing')),
    thirdPartyRule: stored('thirdPartyRule', (p) => optBool(p, 'thirdPartyRule')),
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
    codename: stored('codename', (p) => optText(p, 'codename')),
    summary: stored('summary', (p) => optText(p, 'summary')),
    outcome: stored('outcome', (p) => optText(p, 'outcome')),
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
