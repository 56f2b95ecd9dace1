import type { Visibility } from '../visibility/index.js';
import { LABELS, type Label, type LinkType } from '../model/index.js';
import type { CypherQuery } from '../neo4j/index.js';
import { assertLabel, assertLinkType } from './importQueries.js';
import { labelOf } from './entities.js';
import { overlaps, windowParams } from './window.js';
import type { Interval } from '../model/index.js';

/** One relationship field of a type: which links of its node it lists. */
export interface LinkFieldSpec {
  /** The label of the node that has the field. */
  readonly label: Label;
  readonly type: LinkType;
  /** OUT: the node is the link's start; IN: its end. */
  readonly direction: 'OUT' | 'IN';
  /** Labels allowed at the other end. */
  readonly other: readonly Label[];
  /**
   * For a service's penetrations (AGENT_OF, IN): also those of the services it succeeded
   * (SUCCEEDED, transitively, each link and service visible), carried over while the
   * penetration lasted into this service's existence: an NKVD recruitment is a KGB agent's.
   */
  readonly succession?: boolean;
}

/**
 * Which stored properties a links query returns: undefined, all of them as a map (`link`,
 * `other`); else a list of the values of these keys, in this order.
 */
export interface LinkProjection {
  readonly other?: readonly string[] | undefined;
  readonly link?: readonly string[] | undefined;
}

/** How many successions back a service's penetrations are carried (NKVD, MGB, KGB, SVR: 3). */
const SUCCESSION_DEPTH = 6;

/** Links without a window of their own that take the window of their operation. */
const OPERATION_LINKS: readonly LinkType[] = ['CONDUCTED', 'THROUGH', 'TOOK_PART', 'TARGETED'];

/**
 * The visible links (to visible nodes) of each node in `$ids` for one relationship field, optionally only those valid
 * during a window: one query for a whole batch of parents (DataLoader), one row per parent
 * that has any (`id`, `links`), each link `[link, other]` (plus the other end's label when
 * the spec allows several), ordered by start date then the other end's id. A row per parent
 * rather than per link: the driver's per-record cost dominated the level reads of nested
 * queries. A link's validity is its own `from`/`to`; links to or from an operation that have
 * none take the operation's.
 */
export function linksOf(
  spec: LinkFieldSpec,
  ids: readonly string[],
  v: Visibility,
  window?: Interval,
  projection: LinkProjection = {},
): CypherQuery {
  assertLabel(spec.label);
  assertLinkType(spec.type);
  spec.other.forEach((label) => {
    assertLabel(label);
  });
  const carried = spec.succession === true && spec.direction === 'IN' && spec.label === 'Service';
  const pattern = carried
    ? `(n:Service {id: id}) MATCH chain = (n)-[:SUCCEEDED*0..${SUCCESSION_DEPTH}]->(p:Service) ` +
      `WHERE all(x IN relationships(chain) WHERE ${v.rel('x')}) AND all(y IN nodes(chain) WHERE ${v.node('y')}) ` +
      `MATCH (p)<-[r:${spec.type}]-(m)`
    : spec.direction === 'OUT'
      ? `(n:${spec.label} {id: id})-[r:${spec.type}]->(m)`
      : `(n:${spec.label} {id: id})<-[r:${spec.type}]-(m)`;
  const operation = spec.label === 'Operation' ? 'n' : 'm';
  const windowed = OPERATION_LINKS.includes(spec.type);
  const from = windowed ? `coalesce(r.validFrom, ${operation}.validFrom)` : 'r.validFrom';
  const to = windowed ? `coalesce(r.validTo, ${operation}.validTo)` : 'r.validTo';
  const conditions = [`(${spec.other.map((l) => `m:${l}`).join(' OR ')})`, v.rel('r'), v.node('m')];
  // A predecessor's penetration carries over only when it lasted into the successor's time.
  if (carried)
    conditions.push(
      '(p = n OR r.validTo IS NULL OR n.validFrom IS NULL OR r.validTo >= n.validFrom)',
    );
  if (window) conditions.push(overlaps(from, to));
  const { other, link } = projection;
  // With one label possible at the other end the caller knows it; no need to compute it.
  const otherLabel = spec.other.length === 1 ? '' : `, ${labelOf('m')}`;
  const linkValue = link ? '[k IN $linkKeys | r[k]]' : 'properties(r)';
  const otherValue = other ? '[k IN $otherKeys | m[k]]' : 'properties(m)';
  return {
    cypher:
      `UNWIND $ids AS id MATCH ${pattern} WHERE ${conditions.join(' AND ')} ` +
      (carried
        ? `WITH DISTINCT id, r, m, p ORDER BY id, coalesce(${from}, ''), m.id ` +
          `RETURN id, collect([${linkValue}, ${otherValue}, null, CASE WHEN p.id = id THEN null ELSE properties(p) END]) AS links`
        : `WITH id, r, m ORDER BY id, coalesce(${from}, ''), m.id ` +
          `RETURN id, collect([${linkValue}, ${otherValue}${otherLabel}]) AS links`),
    params: {
      ids,
      ...v.params,
      ...(otherLabel ? { labels: [...LABELS] } : {}),
      ...(window ? windowParams(window) : {}),
      ...(link ? { linkKeys: link } : {}),
      ...(other ? { otherKeys: other } : {}),
    },
  };
}
