import { h } from './dom.js';
import { windowWords, type ResultRow, type RowWindow } from './resultRows.js';
import type { PathIds } from './elementDays.js';
import { labelledTimeline, type DayRange } from './timeline.js';

/**
 * The side panel's account of when a reached element is reached: its timeline over the drawing's
 * window and every window, certain ones first, each with its hops, score and best path, and a
 * button that keeps that path highlighted in the drawing (`show`; pressed again, it lets go).
 */
export function windowsSection(
  row: ResultRow,
  range: DayRange | undefined,
  show: (path: PathIds | undefined) => void,
): HTMLElement {
  const certain = row.windows.filter((w) => w.certainty === 'CERTAIN').length;
  const possible = row.windows.length - certain;
  const counts = [
    certain > 0 ? `${certain} certain window${certain === 1 ? '' : 's'}` : undefined,
    possible > 0 ? `${possible} possible window${possible === 1 ? '' : 's'}` : undefined,
  ].filter((c) => c !== undefined);
  const list = h('ol', { class: 'windows', 'data-testid': 'windows' });
  const buttons: HTMLButtonElement[] = [];
  for (const window of row.windows) {
    const button = h(
      'button',
      { type: 'button', class: 'show-path', 'aria-pressed': 'false' },
      'Show path',
    );
    button.addEventListener('click', () => {
      const pressing = button.getAttribute('aria-pressed') !== 'true';
      for (const other of buttons) other.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-pressed', String(pressing));
      show(pressing ? window.path : undefined);
    });
    buttons.push(button);
    list.append(windowItem(window, button));
  }
  return h(
    'section',
    { class: 'reached', 'data-certainty': row.certainty },
    h(
      'h3',
      {},
      `Reached ${row.certainty === 'CERTAIN' ? 'certainly' : 'only possibly'}: ${counts.join(', ')}`,
    ),
    range === undefined ? undefined : labelledTimeline(row.windows, range),
    list,
  );
}

function windowItem(window: RowWindow, button: HTMLButtonElement): HTMLLIElement {
  const score = `${window.hops} hop${window.hops === 1 ? '' : 's'}, exposure ${window.exposure.toFixed(2)}`;
  return h(
    'li',
    {
      'data-certainty': window.certainty,
      'data-from': window.from ?? '',
      'data-to': window.to ?? '',
    },
    h('span', { class: `badge ${window.certainty}` }, window.certainty.toLowerCase()),
    ` ${windowWords(window)} `,
    button,
    h('div', { class: 'detail' }, `${score}: ${window.path.nodes.join(' → ')}`),
  );
}
