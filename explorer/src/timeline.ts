import { isoDay, type DaySpan } from './dates.js';
import { h } from './dom.js';
import { windowWords, type RowWindow } from './resultRows.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A closed span of days: what a timeline is drawn over. */
export interface DayRange {
  readonly first: number;
  readonly last: number;
}

/** The range of a drawing's window, or undefined when it has no dates to draw over. */
export function rangeOf(window: DaySpan): DayRange | undefined {
  const { first, last } = window;
  return first === undefined || last === undefined || last < first ? undefined : { first, last };
}

/**
 * A bar per window over `range` (the agent's window for a reach): certain windows solid,
 * possible ones hatched beneath them, so a certain window shows inside the possible one that
 * holds it. Open ends run to the range's edge. Positions are percentages, so the bar stretches
 * with its container and the hatching keeps its angle; a stroke (styles.css) keeps a window of a
 * few days visible. A line marks the slider's day.
 */
export function timeline(windows: readonly RowWindow[], range: DayRange): SVGSVGElement {
  const svg = svgElement('svg', { class: 'timeline', role: 'img' });
  svg.append(
    svgElement('rect', { class: 'range', x: '0', y: '35%', width: '100%', height: '30%' }),
  );
  const ordered = [
    ...windows.filter((w) => w.certainty === 'POSSIBLE'),
    ...windows.filter((w) => w.certainty === 'CERTAIN'),
  ];
  for (const window of ordered) {
    const first = Math.max(range.first, window.span.first ?? range.first);
    const last = Math.min(range.last, window.span.last ?? range.last);
    if (last < first) continue;
    const bar = svgElement('rect', {
      class: `bar ${window.certainty === 'CERTAIN' ? 'certain' : 'possible'}`,
      x: percent(first - range.first, range),
      y: '10%',
      width: percent(last - first + 1, range),
      height: '80%',
    });
    const title = svgElement('title', {});
    title.textContent = `${window.certainty === 'CERTAIN' ? 'certainly' : 'possibly'} ${windowWords(window)}, ${window.hops} hop${window.hops === 1 ? '' : 's'}`;
    bar.append(title);
    svg.append(bar);
  }
  svg.append(
    svgElement('line', { class: 'day-marker', y1: '0', y2: '100%', visibility: 'hidden' }),
  );
  svg.dataset['first'] = String(range.first);
  svg.dataset['last'] = String(range.last);
  const label = ordered.map((w) => `${w.certainty.toLowerCase()} ${windowWords(w)}`).join('; ');
  svg.setAttribute('aria-label', label === '' ? 'no window' : label);
  return svg;
}

/** A timeline with the range's first and last days written under it. */
export function labelledTimeline(windows: readonly RowWindow[], range: DayRange): HTMLElement {
  return h(
    'div',
    { class: 'timeline-box' },
    timeline(windows, range),
    h(
      'div',
      { class: 'timeline-ends' },
      h('span', {}, isoDay(range.first)),
      h('span', {}, isoDay(range.last)),
    ),
  );
}

/** Moves the day line of every timeline under `root` to `day` (undefined: hides it). */
export function markDay(root: ParentNode, day: number | undefined): void {
  for (const svg of root.querySelectorAll<SVGSVGElement>('svg.timeline')) {
    const line = svg.querySelector('line.day-marker');
    const range = { first: Number(svg.dataset['first']), last: Number(svg.dataset['last']) };
    if (!line) continue;
    const inside = day !== undefined && day >= range.first && day <= range.last;
    line.setAttribute('visibility', inside ? 'visible' : 'hidden');
    if (inside) {
      const x = percent(day - range.first + 0.5, range);
      line.setAttribute('x1', x);
      line.setAttribute('x2', x);
    }
  }
}

function percent(days: number, range: DayRange): string {
  return `${((100 * days) / (range.last - range.first + 1)).toFixed(3)}%`;
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
