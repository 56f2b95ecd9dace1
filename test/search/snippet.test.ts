import { describe, expect, it } from 'vitest';
import { SNIPPET_LENGTH, snippetOf } from '../../src/search/snippet.js';

const marked = ({ text, highlights }: ReturnType<typeof snippetOf>) =>
  highlights.reduceRight(
    (out, { start, end }) => `${out.slice(0, start)}[${out.slice(start, end)}]${out.slice(end)}`,
    text,
  );

describe('snippetOf', () => {
  it('shows a short text whole, the spans in order and merged', () => {
    expect(
      snippetOf('Oleg Penkovsky', [
        { start: 5, end: 14 },
        { start: 0, end: 4 },
        { start: 5, end: 14 },
      ]),
    ).toEqual({
      text: 'Oleg Penkovsky',
      highlights: [
        { start: 0, end: 4 },
        { start: 5, end: 14 },
      ],
    });
  });

  it('cuts a long text at spaces around the first match, marking the cuts', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const text = words.join(' ');
    const at = text.indexOf('w30');
    const snippet = snippetOf(text, [{ start: at, end: at + 3 }]);
    expect(snippet.text.startsWith('…w')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(marked(snippet)).toContain(' [w30] ');
    expect(snippet.text.indexOf('w30')).toBeLessThanOrEqual(42);
  });

  it('keeps offsets one for one where line breaks become spaces', () => {
    expect(marked(snippetOf('first line\nsecond', [{ start: 11, end: 17 }]))).toBe(
      'first line [second]',
    );
  });
});
