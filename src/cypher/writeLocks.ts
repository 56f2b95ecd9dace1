import { LABELS, LINK_TYPES } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { labelOf } from './entities.js';

/*
 * Every write transaction first takes exclusive locks on what it will decide on, then reads it
 * (Neo4j reads committed data, so a read after the lock sees the last committed state), then
 * writes. Neo4j has no explicit lock statement; writing a property takes the element's write
 * lock until the transaction ends, and removing it again in the same statement leaves nothing
 * behind (the documented idiom: Cypher manual, "Locking"). Locks are taken in id order, so two
 * writers of overlapping sets meet in the same order; a deadlock that remains is a transient
 * error the executor retries.
 */

/** The property written and removed at once to take a write lock. */
const LOCK = '_LOCK_';

/**
 * Locks the entities with these ids that exist and answers, after the lock, one row per entity:
 * its id, label and marking. Ids that name nothing give no row (they cannot be locked; their
 * creation is guarded by the unique `Entity.id` constraint instead).
 */
export function lockEntities(ids: readonly string[]): CypherQuery {
  return {
    cypher:
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) WITH DISTINCT n ORDER BY n.id ' +
      `SET n.${LOCK} = true REMOVE n.${LOCK} ` +
      // A node deleted by a write that held the lock first has no label left once it is ours.
      `WITH n, ${labelOf('n')} AS label WHERE label IS NOT NULL ` +
      'RETURN n.id AS id, label, n.classification AS classification, n.releasableTo AS releasableTo',
    params: { ids: [...new Set(ids)], labels: [...LABELS] },
  };
}

/**
 * Locks the links with these ids, whatever their type, and answers one row per link after the
 * lock: id, type and marking.
 */
export function lockLinks(ids: readonly string[]): CypherQuery {
  const branches = LINK_TYPES.map(
    (type) => `MATCH ()-[r:${type} {id: id}]->() RETURN r, '${type}' AS type`,
  ).join(' UNION ALL ');
  return {
    cypher:
      `UNWIND $ids AS id CALL (id) { ${branches} } WITH r, type ORDER BY r.id ` +
      `SET r.${LOCK} = true REMOVE r.${LOCK} ` +
      'WITH r, type WHERE r.id IS NOT NULL ' +
      'RETURN r.id AS id, type, r.classification AS classification, r.releasableTo AS releasableTo',
    params: { ids: [...new Set(ids)] },
  };
}

/**
 * Takes the one lock that writers of explicit link ids share. A derived id (`start/TYPE/end`)
 * is unique across types by its spelling and within its type by a constraint; an explicit one
 * could be taken by two links of different types at once, which no constraint spans, so their
 * writers check every type while holding this lock. The lock node is merged under a unique
 * constraint (migration 6), so concurrent first uses make one node.
 */
export function lockExplicitLinkIds(): CypherQuery {
  return {
    cypher: `MERGE (l:WriteLock {name: 'explicit-link-ids'}) SET l.${LOCK} = true REMOVE l.${LOCK}`,
    params: {},
  };
}
