import { firstDay, lastDay, type PartialDate } from '../model/index.js';

/** A query window as the first and last day it covers (`null` = open on that side). */
export interface DayWindow {
  readonly fromDay: string | null;
  readonly toDay: string | null;
}

/** The days of `at` (a partial date) or of `during` (a window); `undefined` when neither is given. */
export function dayWindow(
  at: PartialDate | null | undefined,
  during: { from?: PartialDate | null; to?: PartialDate | null } | null | undefined,
): DayWindow | undefined {
  if (at) return { fromDay: firstDay(at), toDay: lastDay(at) };
  if (during && (during.from || during.to)) {
    return {
      fromDay: during.from ? firstDay(during.from) : null,
      toDay: during.to ? lastDay(during.to) : null,
    };
  }
  return undefined;
}

/**
 * Cypher condition: the element whose validity runs from `fromExpr` to `toExpr` (ISO day
 * strings; null = unknown start / still open) overlaps the window in `$windowFrom`..`$windowTo`.
 * An unknown start counts as possibly open: an element is never excluded on a guess.
 */
export function overlaps(fromExpr: string, toExpr: string): string {
  return (
    `(($windowFrom IS NULL OR ${toExpr} IS NULL OR ${toExpr} >= $windowFrom) AND ` +
    `($windowTo IS NULL OR ${fromExpr} IS NULL OR ${fromExpr} <= $windowTo))`
  );
}

/** The parameters `overlaps` reads. */
export const windowParams = (
  window: DayWindow,
): { windowFrom: string | null; windowTo: string | null } => ({
  windowFrom: window.fromDay,
  windowTo: window.toDay,
});
