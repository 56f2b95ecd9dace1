import {
  BEGINNING,
  END,
  firstDay,
  lastDay,
  type Interval,
  type PartialDate,
} from '../model/index.js';

/**
 * The days of `at` (a partial date) or of `during` (a window, `BEGINNING` / `END` where open);
 * `undefined` when neither is given.
 */
export function dayWindow(
  at: PartialDate | null | undefined,
  during: { from?: PartialDate | null; to?: PartialDate | null } | null | undefined,
): Interval | undefined {
  if (at) return { from: firstDay(at), to: lastDay(at) };
  if (during && (during.from || during.to)) {
    return {
      from: during.from ? firstDay(during.from) : BEGINNING,
      to: during.to ? lastDay(during.to) : END,
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
  window: Interval,
): { windowFrom: string | null; windowTo: string | null } => ({
  windowFrom: window.from === BEGINNING ? null : window.from,
  windowTo: window.to === END ? null : window.to,
});
