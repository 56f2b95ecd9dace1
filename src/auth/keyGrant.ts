import { CLASSIFICATIONS } from '../model/index.js';
import { ROLES, type Caller } from './caller.js';

/** What a key lets its holder do and see: the part of a caller an issuer hands on. */
export type KeyGrant = Pick<Caller, 'role' | 'clearance' | 'nationality'>;

/**
 * Whether `issuer` may hold out `key`: no higher role, no higher clearance, and no wider
 * releasability. A key of nationality N sees what is releasable to N, which a caller of no
 * nationality cannot see, so such a caller grants no nationality; a key of none sees less than
 * any, so every issuer may grant none.
 */
export const mayGrant = (issuer: KeyGrant, key: KeyGrant): boolean =>
  ROLES.indexOf(key.role) <= ROLES.indexOf(issuer.role) &&
  CLASSIFICATIONS.indexOf(key.clearance) <= CLASSIFICATIONS.indexOf(issuer.clearance) &&
  (key.nationality === null || key.nationality === issuer.nationality);

/** Why `issuer` may not grant `key`, for the FORBIDDEN answer; undefined when it may. */
export function grantRefusal(issuer: KeyGrant, key: KeyGrant): string | undefined {
  if (mayGrant(issuer, key)) return undefined;
  const releasability =
    issuer.nationality === null
      ? 'no nationality (your credential names none, so it sees nothing restricted by releasability)'
      : `nationality "${issuer.nationality}" or none`;
  const asked = key.nationality === null ? 'no nationality' : `nationality "${key.nationality}"`;
  return `A key may hold at most what its issuer holds: you may grant a role up to ${issuer.role}, a clearance up to ${issuer.clearance} and ${releasability}; asked for role ${key.role}, clearance ${key.clearance} and ${asked}. Ask for less, or have an admin who holds it make the key.`;
}
