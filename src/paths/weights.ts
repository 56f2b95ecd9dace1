/** Confidence weights of a penetration (docs/path-semantics.md, "Score"). */
export const CONFIDENCE_WEIGHT: Readonly<Record<string, number>> = { CONFIRMED: 1, SUSPECTED: 0.5 };

/** Sharing weights of a channel; unknown sharing weighs 0.5. */
export const SHARING_WEIGHT: Readonly<Record<string, number>> = {
  RAW: 1,
  FINISHED: 0.75,
  SELECTIVE: 0.5,
  MINIMAL: 0.25,
};
export const UNKNOWN_SHARING_WEIGHT = 0.5;

export const sharingWeight = (sharing: string | null): number =>
  sharing === null ? UNKNOWN_SHARING_WEIGHT : (SHARING_WEIGHT[sharing] ?? UNKNOWN_SHARING_WEIGHT);
