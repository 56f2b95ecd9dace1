import './styles.css';
import { ApiFailure, execute } from './api.js';
import { forgetKey, storedKey, storeKey, takeKeyFromFragment } from './apiKey.js';
import { isoDay } from './dates.js';
import { DaySlider } from './daySlider.js';
import { ExposureDocument, PathsDocument, ReachDocument, SearchDocument } from './documents.js';
import { byId, download, h } from './dom.js';
import {
  exposureDrawing,
  pathsDrawing,
  reachDrawing,
  type Drawing,
  type DrawnElement,
} from './drawing.js';
import type { PathIds } from './elementDays.js';
import { GraphView } from './graphView.js';
import { fetchDetails, renderDetails } from './panel.js';
import { explainingRow, type ResultRow } from './resultRows.js';
import {
  chosenQuery,
  fillChoices,
  FormProblem,
  readForm,
  showFieldsOf,
  type QueryKind,
  type QueryRequest,
} from './queryForm.js';
import { SNAPSHOT_HOOK, type ExplorerSnapshot } from './snapshot.js';
import { markDay, rangeOf, timeline } from './timeline.js';
import { windowsSection } from './windowsSection.js';

const ui = {
  status: byId('status', HTMLSpanElement),
  error: byId('error', HTMLDivElement),
  keyForm: byId('key-form', HTMLFormElement),
  keyInput: byId('key-input', HTMLInputElement),
  changeKey: byId('change-key', HTMLButtonElement),
  searchForm: byId('search-form', HTMLFormElement),
  searchInput: byId('search-input', HTMLInputElement),
  hits: byId('hits', HTMLUListElement),
  queryForm: byId('query-form', HTMLFormElement),
  run: byId('run', HTMLButtonElement),
  day: byId('day', HTMLInputElement),
  dayDate: byId('day-date', HTMLInputElement),
  allDays: byId('all-days', HTMLButtonElement),
  exportPng: byId('export-png', HTMLButtonElement),
  exportGraphml: byId('export-graphml', HTMLButtonElement),
  heading: byId('heading', HTMLHeadingElement),
  graph: byId('graph', HTMLDivElement),
  results: byId('results', HTMLUListElement),
  panel: byId('panel', HTMLElement),
};

let drawing: Drawing | undefined;
let request: QueryRequest | undefined;
let selected: string | undefined;
/** A window's path the side panel keeps highlighted (its "Show path" button). */
let pinned: PathIds | undefined;
let busy = false;

const view = new GraphView(ui.graph, {
  hover: (id) => {
    const row = id === undefined || !drawing ? undefined : explainingRow(drawing.rows, id);
    highlight(row);
  },
  select: (element) => void openPanel(element),
});

const slider = new DaySlider({ range: ui.day, date: ui.dayDate, allDays: ui.allDays }, (day) => {
  view.showDay(day);
  markDay(document, day);
});

/** The key, or undefined after asking for one. */
function key(): string | undefined {
  const current = storedKey();
  if (current === undefined) askForKey('This page needs an API key to read the graph.');
  return current;
}

function askForKey(reason: string): void {
  ui.keyForm.hidden = false;
  ui.changeKey.hidden = true;
  ui.status.textContent = reason;
  ui.keyInput.focus();
}

function keyAccepted(): void {
  ui.keyForm.hidden = true;
  ui.changeKey.hidden = false;
  ui.status.textContent = 'Key set for this tab.';
}

function showError(error: unknown): void {
  ui.error.hidden = false;
  ui.error.replaceChildren();
  if (error instanceof ApiFailure) {
    ui.error.append(h('strong', { class: 'code' }, error.code), ` ${error.message}`);
    if (error.code === 'UNAUTHENTICATED')
      askForKey(
        'The API refused the key: paste a valid one (the local key is in .liaison/admin.key).',
      );
  } else if (error instanceof FormProblem) {
    ui.error.append(h('strong', { class: 'code' }, 'FORM'), ` ${error.message}`);
  } else {
    ui.error.append(h('strong', { class: 'code' }, 'ERROR'), ` ${String(error)}`);
  }
}

function clearError(): void {
  ui.error.hidden = true;
  ui.error.replaceChildren();
}

/** Runs one request at a time, with the page marked busy and errors shown. */
async function guarded(what: string, work: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  ui.run.disabled = true;
  document.body.classList.add('busy');
  ui.status.textContent = `${what}…`;
  clearError();
  try {
    await work();
    ui.status.textContent = '';
  } catch (error) {
    ui.status.textContent = `${what} failed.`;
    showError(error);
  } finally {
    busy = false;
    ui.run.disabled = false;
    document.body.classList.remove('busy');
  }
}

async function search(): Promise<void> {
  const text = ui.searchInput.value.trim();
  if (text === '') {
    showError(new FormProblem('Type a name, acronym or codename to search for.'));
    return;
  }
  const current = key();
  if (current === undefined) return;
  await guarded('Searching', async () => {
    const { search: hits } = await execute(SearchDocument, { text }, current);
    ui.hits.replaceChildren(
      ...hits.map(({ entity }) => {
        const button = h(
          'button',
          { type: 'button', 'data-id': entity.id },
          h('span', { class: `type ${entity.__typename}` }, entity.__typename),
          ` ${entity.name} `,
          h('code', {}, entity.id),
        );
        button.addEventListener('click', () => {
          pick(entity.id, entity.__typename);
        });
        return h('li', {}, button);
      }),
    );
    if (hits.length === 0) ui.hits.append(h('li', { class: 'note' }, `Nothing matches "${text}".`));
  });
}

/** Fills the id field the picked entity fits: an officer is an agent, a channel a target. */
function pick(id: string, type: string): void {
  const field = (name: string) => ui.queryForm.elements.namedItem(name) as HTMLInputElement;
  const query = chosenQuery(ui.queryForm);
  if (query === 'paths') {
    const target = field('from').value.trim() === '' ? field('from') : field('to');
    target.value = id;
  } else if (query === 'exposure' || type === 'LiaisonChannel' || type === 'Service') {
    field('target').value = id;
    if (query !== 'exposure') setQuery('exposure');
  } else {
    field('agent').value = id;
  }
  ui.status.textContent = `Picked ${id}.`;
}

function setQuery(query: QueryKind): void {
  const radio = ui.queryForm.querySelector<HTMLInputElement>(`input[name=query][value=${query}]`);
  if (radio) radio.checked = true;
  showFieldsOf(ui.queryForm, query);
}

async function runQuery(): Promise<void> {
  let asked: QueryRequest;
  try {
    asked = readForm(ui.queryForm);
  } catch (error) {
    showError(error);
    return;
  }
  const current = key();
  if (current === undefined) return;
  await guarded(`Running ${asked.query}`, async () => {
    show((await answer(asked, current, false)).drawing);
    request = asked;
  });
}

/** Asks the API the query; with `graphml`, the answer's graph carries its GraphML (the export). */
async function answer(
  asked: QueryRequest,
  current: string,
  graphml: boolean,
): Promise<{ drawing: Drawing; graphml?: string | null }> {
  switch (asked.query) {
    case 'reach': {
      const data = await execute(ReachDocument, { ...asked.variables, graphml }, current);
      return { drawing: reachDrawing(data), graphml: data.penetrationReach.graph.graphml };
    }
    case 'exposure': {
      const data = await execute(ExposureDocument, { ...asked.variables, graphml }, current);
      const possible = asked.variables.certainty === 'POSSIBLE';
      return { drawing: exposureDrawing(data, possible), graphml: data.exposure.graph.graphml };
    }
    case 'paths': {
      const data = await execute(PathsDocument, { ...asked.variables, graphml }, current);
      const { from, to } = asked.variables;
      return { drawing: pathsDrawing(data, from, to), graphml: data.paths.graph.graphml };
    }
    default: {
      const unknown: never = asked;
      throw new Error(`unknown query ${JSON.stringify(unknown)}`);
    }
  }
}

function show(next: Drawing): void {
  drawing = next;
  selected = undefined;
  pinned = undefined;
  ui.heading.textContent = next.heading;
  view.draw(next.elements);
  ui.results.replaceChildren(...next.rows.map(rowItem));
  if (next.rows.length === 0) ui.results.append(h('li', { class: 'note' }, 'Nothing in reach.'));
  ui.panel.replaceChildren(
    h(
      'p',
      { class: 'note' },
      'Click an element of the drawing or a result for its properties and sources.',
    ),
  );
  slider.setUp(next.window);
  ui.exportPng.disabled = false;
  ui.exportGraphml.disabled = false;
}

function rowItem(row: ResultRow): HTMLLIElement {
  const range = drawing ? rangeOf(drawing.window) : undefined;
  const item = h(
    'li',
    { 'data-id': row.id, 'data-kind': row.kind, 'data-certainty': row.certainty, tabindex: '0' },
    h('span', { class: `kind ${row.kind}` }, row.kind),
    ` ${row.title}`,
    row.certainty === 'POSSIBLE' ? h('span', { class: 'badge POSSIBLE' }, 'possible') : undefined,
    h('div', { class: 'detail' }, row.detail),
    range === undefined ? undefined : timeline(row.windows, range),
  );
  item.addEventListener('mouseenter', () => {
    highlight(row);
  });
  item.addEventListener('mouseleave', () => {
    highlight(undefined);
  });
  item.addEventListener('focus', () => {
    highlight(row);
  });
  item.addEventListener('click', () => {
    const element = drawing?.elements.find((e) => e.id === row.id);
    if (element) void openPanel(element);
  });
  return item;
}

/** Highlights a row's explaining path, or with none the path the side panel pins. */
function highlight(row: ResultRow | undefined): void {
  view.highlight(row?.path ?? pinned);
  for (const item of ui.results.querySelectorAll('li'))
    item.classList.toggle('active', row !== undefined && item.dataset['id'] === row.id);
}

async function openPanel(element: DrawnElement): Promise<void> {
  const current = key();
  if (current === undefined) return;
  selected = element.id;
  pinned = undefined;
  view.select(element.id);
  // When it is reached: every window, known before the details load.
  const row = drawing?.rows.find((r) => r.id === element.id);
  const reached =
    row && drawing
      ? windowsSection(row, rangeOf(drawing.window), (path) => {
          pinned = path;
          view.highlight(path);
        })
      : undefined;
  ui.panel.replaceChildren(
    h('h2', {}, element.name),
    reached ?? '',
    h('p', { class: 'note' }, `Loading ${element.id}…`),
  );
  markDay(ui.panel, slider.day);
  await guarded(`Loading ${element.id}`, async () => {
    const details = await fetchDetails(element, current);
    // A later click may have replaced this one while it loaded.
    if (selected === element.id) ui.panel.replaceChildren(renderDetails(details, reached));
  });
}

async function exportGraphML(): Promise<void> {
  const asked = request;
  const current = key();
  if (!asked || current === undefined) return;
  await guarded('Exporting GraphML', async () => {
    // The same query again: the drawing's answer was asked without its GraphML.
    const { graphml } = await answer(asked, current, true);
    if (graphml == null) throw new Error('the answer carries no GraphML');
    download(
      new Blob([graphml], { type: 'application/graphml+xml' }),
      `${fileName(asked)}.graphml`,
    );
  });
}

function fileName(asked: QueryRequest): string {
  switch (asked.query) {
    case 'reach':
      return `reach-${asked.variables.agent}`;
    case 'exposure':
      return `exposure-${asked.variables.target}`;
    case 'paths':
      return `paths-${asked.variables.from}-${asked.variables.to}`;
    default: {
      const unknown: never = asked;
      throw new Error(`unknown query ${JSON.stringify(unknown)}`);
    }
  }
}

// End-to-end tests and the screenshot script read the drawing through this (see snapshot.ts).
const hook: { state(): ExplorerSnapshot } = {
  state: () => ({
    query: drawing?.query,
    busy,
    elements: view.snapshot(),
    day: slider.day === undefined ? undefined : isoDay(slider.day),
    selected,
  }),
};
Object.defineProperty(window, SNAPSHOT_HOOK, { value: Object.freeze(hook) });

fillChoices(ui.queryForm);
showFieldsOf(ui.queryForm, chosenQuery(ui.queryForm));
ui.queryForm.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.name === 'query')
    showFieldsOf(ui.queryForm, chosenQuery(ui.queryForm));
});
ui.queryForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void runQuery();
});
ui.searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void search();
});
ui.keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const problem = storeKey(ui.keyInput.value);
  if (problem !== undefined) {
    showError(new FormProblem(problem));
    return;
  }
  ui.keyInput.value = '';
  clearError();
  keyAccepted();
});
ui.changeKey.addEventListener('click', () => {
  forgetKey();
  askForKey('Paste another key.');
});
ui.exportPng.addEventListener('click', () => {
  if (request) download(view.png(), `${fileName(request)}.png`);
});
ui.exportGraphml.addEventListener('click', () => {
  void exportGraphML();
});

takeKeyFromFragment();
if (storedKey() === undefined)
  askForKey('Paste an API key to start (the local one is in .liaison/admin.key).');
else keyAccepted();
