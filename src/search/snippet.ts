/** A span of a snippet: `snippet.slice(start, end)`, offsets in UTF-16 code units. */
export interface Highlight {
  readonly start: number;
  readonly end: number;
}

/** The text a hit shows, and where in it the words matched. */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly Highlight[];
}

/** Longest snippet, in UTF-16 code units, besides the ellipses marking where it was cut. */
export const SNIPPET_LENGTH = 160;
/** How much of the text before the first match a cut snippet keeps. */
const CONTEXT_BEFORE = 40;
const ELLIPSIS = '…';

/** Spans sorted, overlapping and touching ones merged. */
function merged(spans: readonly Highlight[]): Highlight[] {
  const out: Highlight[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

/**
 * The snippet of a field's text with the spans of the matched words: the whole text when it is
 * short, else about SNIPPET_LENGTH characters from a little before the first match, cut at
 * spaces and marked `…` where cut (spans outside it dropped). Line breaks and tabs become spaces,
 * one for one, so a snippet is one line.
 */
export function snippetOf(text: string, spans: readonly Highlight[]): Snippet {
  const line = text.replace(/[\t\n\r]/g, ' ');
  const all = merged(spans);
  if (line.length <= SNIPPET_LENGTH) return { text: line, highlights: all };
  const first = all[0]?.start ?? 0;
  let start = Math.max(0, first - CONTEXT_BEFORE);
  if (start > 0) {
    const space = line.lastIndexOf(' ', start);
    start = space >= 0 && first - space <= 2 * CONTEXT_BEFORE ? space + 1 : start;
  }
  let end = Math.min(line.length, start + SNIPPET_LENGTH);
  if (end < line.length) {
    const space = line.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  while (line[start] === ' ') start++;
  while (end > start && line[end - 1] === ' ') end--;
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < line.length ? ELLIPSIS : '';
  const shift = before.length - start;
  return {
    text: `${before}${line.slice(start, end)}${after}`,
    highlights: all
      .filter((span) => span.start >= start && span.end <= end)
      .map((span) => ({ start: span.start + shift, end: span.end + shift })),
  };
}
