/**
 * The closed vocabularies of the model. `schema/` declares the same values as GraphQL enums;
 * `test/model/enums.test.ts` keeps the two equal.
 */
export const SERVICE_KINDS = [
  'FOREIGN_INTELLIGENCE',
  'SIGINT',
  'SECURITY',
  'MILITARY',
  'IMAGERY',
  'OPEN_SOURCE',
  'LAW_ENFORCEMENT',
  'SPECIAL_OPERATIONS',
  'COORDINATION',
  'SCIENTIFIC',
  'NON_STATE_PARTNER',
] as const;
export const ORGANIZATION_KINDS = [
  'TERRORIST_GROUP',
  'INSURGENT_GROUP',
  'TRIBAL_GROUP',
  'POLITICAL_PARTY',
  'INTERNATIONAL_ORGANIZATION',
  'GOVERNMENT_BODY',
  'MEDIA',
  'OTHER',
] as const;
export const CHANNEL_SCOPES = ['BILATERAL', 'MULTILATERAL'] as const;
export const CHANNEL_FORMS = ['TRANSACTIONAL', 'RELATIONAL'] as const;
export const CHANNEL_STRUCTURES = ['PEER', 'HIERARCHICAL'] as const;
export const DISCIPLINES = [
  'SIGINT',
  'HUMINT',
  'IMINT',
  'OSINT',
  'MASINT',
  'COUNTERINTELLIGENCE',
  'COUNTERTERRORISM',
  'ANALYSIS',
  'CRYPTO',
] as const;
export const SHARING_LEVELS = ['RAW', 'FINISHED', 'SELECTIVE', 'MINIMAL'] as const;
export const PARTY_ROLES = ['SENIOR', 'JUNIOR', 'MEMBER'] as const;
export const SERVICE_ROLES = [
  'OFFICER',
  'LIAISON_OFFICER',
  'CASE_OFFICER',
  'ANALYST',
  'AGENT',
  'DIRECTOR',
  'EMPLOYEE',
  'CONTRACTOR',
  'SOLDIER',
] as const;
export const PENETRATION_KINDS = ['RECRUITED', 'WALK_IN', 'DOUBLE', 'INSIDER'] as const;
export const CONFIDENCES = ['CONFIRMED', 'SUSPECTED'] as const;
export const CONDUCT_ROLES = ['LEAD', 'PARTNER', 'SUPPORT'] as const;
/** Ordered from least to most restricted. */
export const CLASSIFICATIONS = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] as const;

export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type Discipline = (typeof DISCIPLINES)[number];
export type SharingLevel = (typeof SHARING_LEVELS)[number];
export type PenetrationKind = (typeof PENETRATION_KINDS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Classification = (typeof CLASSIFICATIONS)[number];
