import type { ReachParams } from './reachTypes.js';
import { CONFIDENCE_WEIGHT, sharingWeight } from './weights.js';

/**
 * The rules of penetration reach (docs/path-semantics.md, "Penetration reach"), one named
 * predicate or value per rule, shared by both engines (`computeReach` on a reach source, the
 * memory engine's array search), exposure's backward searches and brokers. The engines own the
 * traversal (what is read and in which order); these say what a step means. Time (rule 1's
 * windows, every interval met) is the intervals' own algebra: `src/model/interval.ts` on days,
 * `src/projection/days.ts` on day numbers.
 */

/** Rule 1: a penetration counts when it meets `minConfidence` (CONFIRMED keeps only confirmed). */
export const penetrationCounts = (
  confidence: string,
  minConfidence: ReachParams['minConfidence'],
): boolean => minConfidence === 'SUSPECTED' || confidence === 'CONFIRMED';

/** Rule 6: a path's score starts at its penetration's confidence weight. */
export const startScore = (confidence: string): number => CONFIDENCE_WEIGHT[confidence] ?? 0;

/** Rule 6: crossing a channel multiplies the score by its sharing weight (`crossingFactor`). */
export const crossedScore = (score: number, sharing: string | null): number =>
  score * crossingFactor(sharing);

/** Rule 6: a channel's sharing weight (RAW 1 ... MINIMAL 0.25, unknown 0.5). */
export const crossingFactor = (sharing: string | null): number => sharingWeight(sharing);

/**
 * Rule 3: a channel carries the requested disciplines when it records one of them, or records
 * none (unknown matches any); no discipline requested matches every channel.
 */
export const carries = (recorded: readonly string[], requested: readonly string[]): boolean =>
  requested.length === 0 || recorded.length === 0 || recorded.some((d) => requested.includes(d));

/** Rule 5: whether the third-party rule binds a channel (RESPECT, and the channel has the rule). */
export const ruleBinds = (
  params: Pick<ReachParams, 'respectThirdPartyRule'>,
  thirdPartyRule: boolean,
): boolean => params.respectThirdPartyRule && thirdPartyRule;

/**
 * Rule 5, INBOUND: material received over a rule channel may not be forwarded, so a channel the
 * rule binds is crossed only as the channel nearest the agent (hop 1).
 */
export const mayCross = (
  params: Pick<ReachParams, 'direction'>,
  binds: boolean,
  hops: number,
): boolean => !(binds && params.direction === 'INBOUND' && hops > 1);

/**
 * Rule 5, OUTBOUND: a service that received material over a rule channel may not pass it on,
 * so a piece that crossed a channel the rule binds goes no further.
 */
export const goesOnAfter = (params: Pick<ReachParams, 'direction'>, binds: boolean): boolean =>
  !(binds && params.direction === 'OUTBOUND');
