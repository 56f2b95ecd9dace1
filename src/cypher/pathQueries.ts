import { LABELS, type Label, type LinkType, type Reading } from '../model/index.js';
import type { Visibility } from '../visibility/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { assertLabel, assertLinkType } from './importQueries.js';

/**
 * The latest start and earliest end over a list of elements, under a reading
 * (docs/path-semantics.md, "Time"): POSSIBLE reads outer spans (null = unbounded), CERTAIN
 * inner spans, where an element with none (`innerFrom` null) closes the window ('~' sorts
 * after every day, '' before).
 */
const latestStart = (list: string, reading: Reading) =>
  reading === 'POSSIBLE'
    ? `reduce(m = $windowFrom, e IN ${list} | CASE WHEN e.validFrom IS NOT NULL AND e.validFrom > m THEN e.validFrom ELSE m END)`
    : `reduce(m = $windowFrom, e IN ${list} | CASE WHEN e.innerFrom IS NULL THEN '~' WHEN e.innerFrom > m THEN e.innerFrom ELSE m END)`;
const earliestEnd = (list: string, reading: Reading) =>
  reading === 'POSSIBLE'
    ? `reduce(m = $windowTo, e IN ${list} | CASE WHEN e.validTo IS NOT NULL AND e.validTo < m THEN e.validTo ELSE m END)`
    : `reduce(m = $windowTo, e IN ${list} | CASE WHEN e.innerFrom IS NULL THEN '' WHEN e.innerTo < m THEN e.innerTo ELSE m END)`;

/**
 * The k shortest time-respecting paths between two entities (Cypher `SHORTEST k` over a
 * quantified path pattern whose predicate is checked during the search, not after): every
 * link and node after the start must share at least one day with each other and the window.
 * `k` and `maxHops` are validated integers; Cypher 5 takes neither as a parameter.
 */
export function shortestPaths(
  from: { label: Label; id: string },
  to: { label: Label; id: string },
  options: {
    k: number;
    maxHops: number;
    kinds: readonly LinkType[];
    windowFrom: string;
    windowTo: string;
    reading: Reading;
  },
  v: Visibility,
): CypherQuery {
  assertLabel(from.label);
  assertLabel(to.label);
  options.kinds.forEach((kind) => {
    assertLinkType(kind);
  });
  for (const n of [options.k, options.maxHops])
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`bound out of range: ${n}`);
  const types = options.kinds.join('|');
  const onGraph = `(${LABELS.map((l) => `y:${l}`).join(' OR ')})`;
  return {
    cypher:
      `MATCH (a:${from.label} {id: $from}) MATCH (b:${to.label} {id: $to}) ` +
      `MATCH p = SHORTEST ${options.k} ((a)((x)-[r:${types}]-(y) WHERE ${onGraph} AND ${v.rel('r')} AND ${v.node('y')}){1,${options.maxHops}}(b) ` +
      `WHERE ${latestStart('r + y', options.reading)} <= ${earliestEnd('r + y', options.reading)}) ` +
      `RETURN [n IN nodes(p) | n.id] AS nodes, [e IN relationships(p) | {id: e.id, type: type(e), start: startNode(e).id, end: endNode(e).id}] AS links, ` +
      `${latestStart('relationships(p) + tail(nodes(p))', options.reading)} AS windowFrom, ${earliestEnd('relationships(p) + tail(nodes(p))', options.reading)} AS windowTo ` +
      'ORDER BY length(p), nodes',
    params: {
      from: from.id,
      to: to.id,
      windowFrom: options.windowFrom,
      windowTo: options.windowTo,
      ...v.params,
    },
  };
}
