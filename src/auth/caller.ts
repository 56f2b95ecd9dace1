import { RELEASABLE_TO_NONE } from '../audit/index.js';
import { CLASSIFICATIONS, type Classification } from '../model/index.js';

/** What a caller may do, each role including the ones before it. */
export const ROLES = ['reader', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as established by `authenticate`; resolvers decide with it. */
export interface Caller {
  /** The key id for an API key, the `sub` claim for a JWT, `anonymous` otherwise. */
  readonly subject: string;
  readonly via: 'api-key' | 'jwt' | 'anonymous';
  readonly role: Role;
  readonly clearance: Classification;
  /** ISO 3166 alpha-3 in upper case; null when the credential names none. */
  readonly nationality: string | null;
}

/** The caller without credentials when `AUTH_ANONYMOUS_READ=true`. */
export const ANONYMOUS_CALLER: Caller = {
  subject: 'anonymous',
  via: 'anonymous',
  role: 'reader',
  clearance: 'UNCLASSIFIED',
  nationality: null,
};

/** Whether the caller's role is `role` or one that includes it. */
export const roleAtLeast = (caller: Pick<Caller, 'role'>, role: Role): boolean =>
  ROLES.indexOf(caller.role) >= ROLES.indexOf(role);

/** Whether `value` is one of the roles. */
export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Whether `value` is one of the classifications. */
export const isClassification = (value: unknown): value is Classification =>
  typeof value === 'string' && (CLASSIFICATIONS as readonly string[]).includes(value);

/**
 * Why the audit log's marker for "releasable to no nation" is no caller's nationality: a caller
 * holding it would read the entries that marker keeps from everyone.
 */
export const MARKER_IS_NO_NATIONALITY = `"${RELEASABLE_TO_NONE}" is the audit log's marker for "releasable to no nation", not a nationality`;

/**
 * Whether `value` may be a caller's nationality: an ISO 3166 alpha-3 code in upper case (its
 * shape; not a registry check), and not the marker above.
 */
export const isNationality = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Z]{3}$/.test(value) && value !== RELEASABLE_TO_NONE;
