import { int } from 'neo4j-driver';
import type { CypherQuery } from './executor.js';

/**
 * The change feed (issue 15): every write transaction that changes what a path query crosses
 * appends one `Change` with the ids of the entities whose state or links it changed, numbered
 * by the feed's counter. The counter is incremented under the feed node's write lock, held to
 * commit, so changes commit in the order of their numbers and a reader that has seen `n` misses
 * nothing by asking for `seq > n`. The feed's `epoch` is renewed when the graph is replaced
 * wholesale (a reset, a batched delete): a projection of another epoch is rebuilt.
 */
export const FEED = 'main';

/** Appends one change (inside the writing transaction, as its last statement). */
export function appendChange(ids: readonly string[]): CypherQuery {
  return {
    cypher:
      'MERGE (f:ChangeFeed {name: $feed}) ON CREATE SET f.seq = 0, f.epoch = randomUUID() ' +
      'SET f.seq = f.seq + 1 CREATE (:Change {seq: f.seq, ids: $ids, at: datetime()}) ' +
      'RETURN f.seq AS seq',
    params: { feed: FEED, ids },
  };
}

/** A new epoch: every projection rebuilds (the graph was replaced wholesale). */
export function renewEpoch(): CypherQuery {
  return {
    cypher:
      'MERGE (f:ChangeFeed {name: $feed}) ON CREATE SET f.seq = 0 ' +
      'SET f.seq = f.seq + 1, f.epoch = randomUUID() RETURN f.seq AS seq',
    params: { feed: FEED },
  };
}

/** The feed's position and epoch (none before the first write). */
export function feedState(): CypherQuery {
  return {
    cypher: 'MATCH (f:ChangeFeed {name: $feed}) RETURN f.seq AS seq, f.epoch AS epoch',
    params: { feed: FEED },
  };
}

/** The changes after `seq`, oldest first, at most `limit`. */
export function changesAfter(seq: number, limit: number): CypherQuery {
  return {
    cypher:
      'MATCH (c:Change) WHERE c.seq > $seq RETURN c.seq AS seq, c.ids AS ids ORDER BY c.seq LIMIT $limit',
    params: { seq: int(seq), limit: int(limit) },
  };
}

/** Forgets changes older than `seconds` (a projection that far behind rebuilds). */
export function pruneChanges(seconds: number, limit: number): CypherQuery {
  return {
    cypher:
      'MATCH (c:Change) WHERE c.at < datetime() - duration({seconds: $seconds}) ' +
      'WITH c ORDER BY c.seq LIMIT $limit DELETE c RETURN count(*) AS pruned',
    params: { seconds: int(seconds), limit: int(limit) },
  };
}
