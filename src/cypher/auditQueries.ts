import { int } from 'neo4j-driver';
import type { Visibility } from '../visibility/index.js';
import type { CypherQuery } from '../neo4j/index.js';

/** One audit entry as stored. */
export interface AuditRecord {
  readonly id: string;
  /** ISO 8601 instant, UTC. */
  readonly at: string;
  readonly subject: string;
  readonly via: string;
  readonly role: string;
  readonly operation: string;
  readonly requestId: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly omitted: number;
  readonly classification: string;
  readonly releasableTo: readonly string[];
}

/** Stores one audit entry (inside the mutation's transaction). */
export function writeAuditEntry(entry: AuditRecord): CypherQuery {
  return {
    cypher:
      'CREATE (a:AuditEntry {id: $id, at: $at, subject: $subject, via: $via, role: $role, operation: $operation, ' +
      'requestId: $requestId, before: $before, after: $after, omitted: $omitted, classification: $classification, releasableTo: $releasableTo})',
    params: { ...entry, omitted: int(entry.omitted) },
  };
}

/** Which audit entries; each condition optional. */
export interface AuditFilter {
  readonly subject?: string;
  readonly operation?: string;
  readonly touching?: string;
  readonly since?: string;
  readonly until?: string;
}

/**
 * A page of visible audit entries, newest first (ties by id), after a keyset position; one row
 * more than `first` to tell whether another page follows.
 */
export function listAuditEntries(
  filter: AuditFilter,
  first: number,
  after: { key: string; id: string } | undefined,
  v: Visibility,
): CypherQuery {
  const conditions = [v.node('a')];
  const params: Record<string, unknown> = { ...v.params, limit: int(first + 1) };
  if (filter.subject !== undefined) {
    conditions.push('a.subject = $subject');
    params['subject'] = filter.subject;
  }
  if (filter.operation !== undefined) {
    conditions.push('a.operation = $operation');
    params['operation'] = filter.operation;
  }
  if (filter.touching !== undefined) {
    conditions.push('($touching IN a.before OR $touching IN a.after)');
    params['touching'] = filter.touching;
  }
  if (filter.since !== undefined) {
    conditions.push('a.at >= $since');
    params['since'] = filter.since;
  }
  if (filter.until !== undefined) {
    conditions.push('a.at < $until');
    params['until'] = filter.until;
  }
  if (after) {
    conditions.push('(a.at < $afterKey OR (a.at = $afterKey AND a.id < $afterId))');
    params['afterKey'] = after.key;
    params['afterId'] = after.id;
  }
  return {
    cypher: `MATCH (a:AuditEntry) WHERE ${conditions.join(' AND ')} RETURN properties(a) AS entry ORDER BY a.at DESC, a.id DESC LIMIT $limit`,
    params,
  };
}
