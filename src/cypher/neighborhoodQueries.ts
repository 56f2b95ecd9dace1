import { int } from 'neo4j-driver';
import { LABELS, LINK_TYPES } from '../model/index.js';
import type { Visibility } from '../visibility/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { labelOf } from './entities.js';
import { assertLabel } from './importQueries.js';
import { overlaps, windowParams } from './window.js';
import type { Interval } from '../model/index.js';

/**
 * The links within `depth` (a validated 1..3, the only number written into the text) of an
 * entity, with both ends; each link and each node on the way must be visible, of the given
 * types, and in force during the window when one is given.
 */
export function neighborhoodLinks(
  label: string,
  id: string,
  depth: number,
  kinds: readonly string[],
  window: Interval | undefined,
  limit: number,
  v: Visibility,
): CypherQuery {
  assertLabel(label);
  if (!Number.isInteger(depth) || depth < 1 || depth > 3)
    throw new Error(`depth out of range: ${depth}`);
  const linkOk = [
    `type(r) IN $kinds`,
    v.rel('r'),
    ...(window ? [overlaps('r.validFrom', 'r.validTo')] : []),
  ].join(' AND ');
  const nodeOk = [
    `(${LABELS.map((l) => `x:${l}`).join(' OR ')})`,
    v.node('x'),
    ...(window ? [overlaps('x.validFrom', 'x.validTo')] : []),
  ].join(' AND ');
  return {
    cypher:
      `MATCH (n:${label} {id: $id}) MATCH p = (n)-[rs*1..${depth}]-() ` +
      `WHERE all(r IN rs WHERE ${linkOk}) AND all(x IN nodes(p) WHERE ${nodeOk}) ` +
      'UNWIND rs AS r WITH DISTINCT r LIMIT $limit ' +
      'WITH r, startNode(r) AS a, endNode(r) AS b ' +
      `RETURN r.id AS id, type(r) AS type, properties(r) AS link, a.id AS source, ${labelOf('a')} AS sourceLabel, properties(a) AS sourceProps, ` +
      `b.id AS target, ${labelOf('b')} AS targetLabel, properties(b) AS targetProps`,
    params: {
      id,
      kinds: kinds.length > 0 ? kinds : [...LINK_TYPES],
      labels: [...LABELS],
      limit: int(limit + 1),
      ...(window ? windowParams(window) : {}),
      ...v.params,
    },
  };
}

/** Every visible link of an entity with the entity at its other end, for its timeline. */
export function entityLinks(label: string, id: string, v: Visibility): CypherQuery {
  assertLabel(label);
  return {
    cypher:
      `MATCH (n:${label} {id: $id})-[r]-(m) WHERE ${v.rel('r')} AND ${v.node('m')} AND (${LABELS.map((l) => `m:${l}`).join(' OR ')}) ` +
      `RETURN type(r) AS type, properties(r) AS link, startNode(r) = n AS outgoing, m.id AS other, ${labelOf('m')} AS otherLabel, properties(m) AS otherProps`,
    params: { id, labels: [...LABELS], ...v.params },
  };
}
