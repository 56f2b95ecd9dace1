import type { Reached, ReachOutcome } from './reachTypes.js';
import type { Reading } from './reachTypes.js';

/**
 * One answer from the two readings (docs/path-semantics.md, "Certain and possible"): every
 * element the certain reach finds is CERTAIN, with its certain windows; an element only the
 * possible reach finds is POSSIBLE, with no certain window. Each carries its possible windows.
 */
export function combineReadings(certain: ReachOutcome, possible: ReachOutcome): ReachOutcome {
  return {
    ...certain,
    possibleWindows: possible.windows,
    channels: combine(certain.channels, possible.channels),
    services: combine(certain.services, possible.services),
    operations: combine(certain.operations, possible.operations),
  };
}

function combine(certain: readonly Reached[], possible: readonly Reached[]): Reached[] {
  const byId = new Map(certain.map((r) => [r.id, r]));
  const out: Reached[] = possible.map((p) => {
    const c = byId.get(p.id);
    byId.delete(p.id);
    return c
      ? { ...c, possibleWindows: p.windows }
      : { ...p, windows: [], certainty: 'POSSIBLE', possibleWindows: p.windows };
  });
  // Inner spans lie inside outer ones, so nothing is certain and not possible; kept if it were.
  out.push(...byId.values());
  return out.sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : 1));
}

/**
 * Runs a reach-shaped computation under the readings asked for: the certain one alone
 * (CERTAIN), or both, combined (POSSIBLE).
 */
export async function underReadings(
  asked: Reading,
  run: (reading: Reading) => Promise<ReachOutcome | undefined>,
): Promise<ReachOutcome | undefined> {
  const certain = await run('CERTAIN');
  if (asked === 'CERTAIN' || certain === undefined) return certain;
  const possible = await run('POSSIBLE');
  return possible ? combineReadings(certain, possible) : certain;
}
