import { randomUUID } from 'node:crypto';
import { writeAuditEntry } from '../cypher/index.js';
import { CLASSIFICATIONS, type Classification } from '../model/index.js';
import type { TransactionRunner } from '../neo4j/index.js';

/**
 * An element a mutation touched, with its marking (stored properties); a link also with the
 * markings of its ends, since its id may spell them (`svc-alpha/PARTY_TO/leak-chan`).
 */
export interface Touched {
  readonly id: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly ends?: readonly Readonly<Record<string, unknown>>[];
}

/** Who is acting, as the audit log names them. */
export interface Actor {
  readonly subject: string;
  readonly via: string;
  readonly role: string;
}

/** Writes one mutation's audit entry inside the mutation's own transaction. */
export interface Auditor {
  record(
    tx: TransactionRunner,
    change: { readonly before: readonly Touched[]; readonly after: readonly Touched[] },
  ): Promise<void>;
}

/** Ids an entry lists at most; the rest are counted in `omitted`. */
export const AUDIT_MAX_IDS = 1_000;

/**
 * The code given as `releasableTo` to an entry naming elements releasable to disjoint sets of
 * nations: no caller holds it, so only the database's operators see that entry.
 */
export const RELEASABLE_TO_NONE = 'XXX';

/**
 * The marking of an entry naming these elements (and, for links, their ends): the highest
 * classification, and releasable only where every restricted one is (an entry must not tell
 * anyone of an element they could not read, not even inside another element's id).
 */
export function markingOf(touched: readonly Touched[]): {
  classification: Classification;
  releasableTo: string[];
} {
  let rank = 0;
  let releasable: string[] | undefined;
  for (const props of touched.flatMap((t) => [t.props, ...(t.ends ?? [])])) {
    const at = CLASSIFICATIONS.indexOf(props['classification'] as Classification);
    // Unmarked counts as the highest: it is hidden from everyone.
    rank = Math.max(rank, at < 0 ? CLASSIFICATIONS.length - 1 : at);
    const to = props['releasableTo'];
    if (Array.isArray(to) && to.length > 0) {
      const nations = to.filter((c): c is string => typeof c === 'string');
      releasable =
        releasable === undefined ? nations : releasable.filter((c) => nations.includes(c));
    }
  }
  return {
    classification: CLASSIFICATIONS[rank] ?? 'TOP_SECRET',
    releasableTo:
      releasable === undefined ? [] : releasable.length > 0 ? releasable : [RELEASABLE_TO_NONE],
  };
}

/** The auditor of one mutation of one request. */
export function auditorFor(
  actor: Actor,
  requestId: string,
  operation: string,
  now: () => Date = () => new Date(),
): Auditor {
  return {
    async record(tx, { before, after }) {
      const all = [...before.map((t) => t.id), ...after.map((t) => t.id)];
      const listedBefore = before.slice(0, AUDIT_MAX_IDS).map((t) => t.id);
      const listedAfter = after
        .slice(0, Math.max(0, AUDIT_MAX_IDS - listedBefore.length))
        .map((t) => t.id);
      await tx.run(
        writeAuditEntry({
          id: randomUUID(),
          at: now().toISOString(),
          subject: actor.subject,
          via: actor.via,
          role: actor.role,
          operation,
          requestId,
          before: listedBefore,
          after: listedAfter,
          omitted: all.length - listedBefore.length - listedAfter.length,
          ...markingOf([...before, ...after]),
        }),
      );
    },
  };
}
