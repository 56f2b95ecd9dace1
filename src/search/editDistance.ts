/**
 * How many edits turn `a` into `b`, counting an inserted, deleted or replaced character or two
 * neighbours swapped as one edit each (the optimal string alignment distance, as Lucene's fuzzy
 * queries count), when that is at most `max`; undefined when it is more. Characters are code
 * points.
 */
export function editsWithin(
  a: readonly string[],
  b: readonly string[],
  max: number,
): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let edits = Math.min(
        (previous[j] ?? Infinity) + 1,
        (row[j - 1] ?? Infinity) + 1,
        (previous[j - 1] ?? Infinity) + (same ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        edits = Math.min(edits, (before[j - 2] ?? Infinity) + 1);
      row.push(edits);
      least = Math.min(least, edits);
    }
    if (least > max) return undefined;
    before = previous;
    previous = row;
  }
  const distance = previous[b.length] ?? Infinity;
  return distance <= max ? distance : undefined;
}
