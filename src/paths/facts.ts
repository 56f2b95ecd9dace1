import { BEGINNING, intersect, NEVER, type Interval } from '../model/index.js';
import type { Membership, Spans } from './reachTypes.js';

/** Two spans' intersection, side by side. */
export const both = (a: Spans, b: Spans): Spans => ({
  validity: intersect(a.validity, b.validity) ?? NEVER,
  certain: intersect(a.certain, b.certain) ?? NEVER,
});

/**
 * No channel before its parties (docs/path-semantics.md, "Time"): a channel whose start is
 * unknown can possibly be in force only from the day two of its visible parties can be.
 */
export function boundedByParties(outer: Interval, parties: readonly Membership[]): Interval {
  if (outer.from !== BEGINNING) return outer;
  const starts = parties
    .map((p) => intersect(p.validity, p.serviceValidity)?.from)
    .filter((d): d is string => d !== undefined)
    .sort();
  const second = starts[1] ?? starts[0];
  if (second === undefined) return parties.length === 0 ? outer : NEVER;
  return intersect(outer, { from: second, to: outer.to }) ?? NEVER;
}
