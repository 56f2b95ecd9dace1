import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import type { ElementSnapshot } from '../../explorer/src/snapshot.js';
import {
  buildExplorer,
  ExplorerPage,
  launchChromium,
  VIEWPORT,
  type Chromium,
} from '../support/explorerBrowser.js';
import { testLog } from '../support/connect.js';
import {
  EntitySourcesDocument,
  LinkByIdDocument,
  PenetrationReachDocument,
  ReachWindowsDocument,
  type ReachWindowsQueryVariables,
} from '../generated/operations.js';
import { postGraphQL } from '../support/http.js';
import { serverOptions, useTestApi } from '../support/testApi.js';
import { TEST_KEYS } from '../support/testKeys.js';

// The explorer is built for this file into a directory of its own, so a build here never
// replaces files under explorer/dist that a running `npm start` serves.
const builtDir = path.join(tmpdir(), `liaison-explorer-${process.pid}`);
const api = useTestApi(undefined, { explorerDir: builtDir });
/** Screenshots land here (gitignored), to be looked at after a run. */
const OUTPUT_DIR = path.resolve(import.meta.dirname, '../../test-output');

let chromium: Chromium;
let explorer: ExplorerPage;
const origin = (): string => api.server.origin;

beforeAll(async () => {
  await buildExplorer(builtDir);
  chromium = await launchChromium();
  explorer = new ExplorerPage(await chromium.context.newPage());
});

afterAll(async () => {
  await chromium.close();
  await rm(builtDir, { recursive: true, force: true });
});

/** The ids on an explaining path, from the API itself. */
interface PathIds {
  nodes: string[];
  links: string[];
}

async function reachPaths(): Promise<Map<string, PathIds>> {
  const answer = await postGraphQL(api.server.url, PenetrationReachDocument, {
    agent: 'kim-philby',
  });
  const reach = answer.data?.penetrationReach;
  if (!reach) throw new Error(`reach failed: ${JSON.stringify(answer.errors)}`);
  return new Map(
    [
      ...reach.channels.map((r) => ({ id: r.channel.id, path: r.path })),
      ...reach.operations.map((r) => ({ id: r.operation.id, path: r.path })),
    ].map(({ id, path }) => [
      id,
      { nodes: path.nodes.map((n) => n.id), links: path.links.map((l) => l.id) },
    ]),
  );
}

/** Every reached element's certainty and windows, from the API itself, by element id. */
async function reachWindows(variables: ReachWindowsQueryVariables) {
  const answer = await postGraphQL(api.server.url, ReachWindowsDocument, variables);
  const reach = answer.data?.penetrationReach;
  if (!reach) throw new Error(`reach failed: ${JSON.stringify(answer.errors)}`);
  return new Map(
    [
      ...reach.channels.map((r) => ({ ...r, id: r.channel.id })),
      ...reach.services.map((r) => ({ ...r, id: r.service.id })),
      ...reach.operations.map((r) => ({ ...r, id: r.operation.id })),
    ].map((r) => [r.id, r]),
  );
}

/** `file, lines a–b` for each citation of an entity, from the API itself. */
async function citedPlaces(id: string): Promise<string[]> {
  const answer = await postGraphQL(api.server.url, EntitySourcesDocument, { id });
  return (answer.data?.node?.sources ?? []).map((c) => {
    const lines = c.lines ?? [];
    const span =
      lines.length === 0
        ? undefined
        : lines[0] === lines.at(-1)
          ? `line ${lines[0]}`
          : `lines ${lines[0]}–${lines.at(-1)}`;
    return [c.source.file, span, c.section].filter((p) => p !== null && p !== undefined).join(', ');
  });
}

/** A GET of a path exactly as written, with Node's own client (fetch normalises dots). */
function rawGet(pathAsSent: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: api.server.port, path: pathAsSent }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
        });
      })
      .on('error', reject);
  });
}

/** These attributes of every element the locator finds, in order. */
async function attributesOf(found: Locator, names: readonly string[]): Promise<string[][]> {
  const rows: string[][] = [];
  for (let i = 0; i < (await found.count()); i++)
    rows.push(
      await Promise.all(names.map(async (n) => (await found.nth(i).getAttribute(n)) ?? '')),
    );
  return rows;
}

/** Types a day into the field beside the slider, as a user would, and reads the page. */
async function goToDay(isoDay: string) {
  await explorer.page.fill('#day-date', isoDay);
  return explorer.state();
}

const withClass = (elements: readonly ElementSnapshot[], name: string): string[] =>
  elements
    .filter((e) => e.classes.includes(name))
    .map((e) => e.id)
    .sort();

describe('serving /explorer', () => {
  it('serves the page at /explorer and /explorer/ with a strict Content-Security-Policy, no key needed', async () => {
    for (const at of ['/explorer', '/explorer/']) {
      const response = await fetch(`${origin()}${at}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<div id="graph">');
    }
  });

  it('serves the hashed assets as immutable with their content type', async () => {
    const html = await (await fetch(`${origin()}/explorer/`)).text();
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/explorer\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    const js = await fetch(`${origin()}${script ?? ''}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await fetch(`${origin()}${style ?? ''}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file or a path leaving the directory, and 405 for a POST', async () => {
    // Sent as written (fetch would resolve the dots itself); none reaches a file outside.
    for (const at of [
      '/explorer/nothing.js',
      '/explorer/..%2f..%2fpackage.json',
      '/explorer/assets/..%5c..%5cpackage.json',
      '/explorer/%2e%2e/%2e%2e/package.json',
      '/explorer/../package.json',
    ]) {
      const response = await rawGet(at);
      expect(response.status, at).toBe(404);
      expect(response.body, at).not.toContain('"liaison-graph"');
    }
    expect((await rawGet('/explorer/..%2f..%2fpackage.json')).body).toContain(
      'the explorer is at /explorer/',
    );
    const post = await fetch(`${origin()}/explorer/`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 503 naming the build script when the explorer is not built', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'liaison-no-explorer-'));
    const server = await startServer(api.database, serverOptions({ explorerDir: empty }), testLog);
    try {
      const response = await fetch(`${server.origin}/explorer/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:explorer');
    } finally {
      await server.stop();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('names the explorer in the 404 of an unknown route', async () => {
    const response = await fetch(`${origin()}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error:
        'No route /nowhere; the API is at /graphql, the explorer at /explorer/, health at /health/live and /health/ready.',
    });
  });
});

describe("the explorer on Kim Philby's reach", () => {
  let expected: Map<string, PathIds>;

  beforeAll(async () => {
    expected = await reachPaths();
    await explorer.open(origin(), TEST_KEYS.analyst);
  });

  it('searches Philby, picks Kim Philby, runs reach with the defaults and draws the SIS-CIA channel and the Albania operation', async () => {
    expect(await explorer.page.inputValue('[name=direction]')).toBe('INBOUND');
    expect(await explorer.page.inputValue('[name=maxHops]')).toBe('3');
    await explorer.search('Philby');
    await explorer.pick('kim-philby');
    expect(await explorer.page.inputValue('[name=agent]')).toBe('kim-philby');
    const state = await explorer.run();
    expect(state.query).toBe('reach');
    const drawn = state.elements.map((e) => e.id);
    expect(drawn).toEqual(
      expect.arrayContaining(['kim-philby', 'sis-cia', 'albania-infiltration']),
    );
    expect(state.elements.find((e) => e.id === 'kim-philby')?.classes).toContain('agent');
    expect(state.elements.find((e) => e.id === 'sis-cia')?.classes).toContain('LiaisonChannel');
    expect(state.elements.find((e) => e.id === 'albania-infiltration')?.classes).toContain(
      'Operation',
    );
    await expect(explorer.row('sis-cia').textContent()).resolves.toContain('SIS-CIA');
    expect(await explorer.row('albania-infiltration').getAttribute('data-kind')).toBe('operation');
  });

  it("highlights exactly a hovered row's explaining path and fades the rest", async () => {
    for (const id of ['sis-cia', 'albania-infiltration']) {
      const path = expected.get(id);
      expect(path, id).toBeDefined();
      await explorer.row(id).hover();
      const { elements } = await explorer.state();
      expect(withClass(elements, 'highlighted')).toEqual(
        [...(path?.nodes ?? []), ...(path?.links ?? [])].sort(),
      );
      const others = elements.filter((e) => !e.classes.includes('highlighted'));
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((e) => e.classes.includes('faded'))).toBe(true);
      expect(await explorer.row(id).getAttribute('class')).toContain('active');
    }
    await explorer.page.hover('#heading');
    const { elements } = await explorer.state();
    expect(withClass(elements, 'highlighted')).toEqual([]);
    expect(withClass(elements, 'faded')).toEqual([]);
  });

  it('highlights the explaining path of an element hovered in the drawing', async () => {
    await explorer.hoverElement('sis-cia');
    const path = expected.get('sis-cia');
    const { elements } = await explorer.state();
    expect(withClass(elements, 'highlighted')).toEqual(
      [...(path?.nodes ?? []), ...(path?.links ?? [])].sort(),
    );
    await explorer.page.mouse.move(1, 1);
  });

  it('shows the properties and sources of an element clicked in the drawing', async () => {
    await explorer.clickElement('sis-cia');
    expect((await explorer.state()).selected).toBe('sis-cia');
    const panel = explorer.page.locator('#panel');
    await expect(panel.locator('h2').textContent()).resolves.toBe('SIS-CIA liaison');
    expect(await panel.textContent()).toContain('LiaisonChannel sis-cia');
    // Each citation names its document and the place in it, as the API has them.
    const places = await panel.locator('[data-testid=sources] li .place').allTextContents();
    expect(places).toEqual(await citedPlaces('sis-cia'));
    expect(places.length).toBeGreaterThan(0);
  });

  it("shows a link's citations when its row path link is clicked", async () => {
    await explorer.clickElement('kim-philby/POSTED_TO/sis-cia');
    const panel = explorer.page.locator('#panel');
    expect(await panel.textContent()).toContain('POSTED_TO link kim-philby/POSTED_TO/sis-cia');
    // Exactly the citations the API gives for the link.
    const asked = await postGraphQL(api.server.url, LinkByIdDocument, {
      id: 'kim-philby/POSTED_TO/sis-cia',
    });
    const sources = asked.data?.link?.sources ?? [];
    expect(sources.length).toBeGreaterThan(0);
    expect(await panel.locator('[data-testid=sources] li').count()).toBe(sources.length);
  });

  it('dims what is not open on the day the time slider is moved to', async () => {
    expect((await explorer.state()).day).toBeUndefined();
    expect(withClass((await explorer.state()).elements, 'out-of-time')).toEqual([]);
    // The slider spans the agent's window as certain (the default reading): an NKVD agent from
    // 1934 to 1963-01 is certainly one from 1934-12-31 to 1963-01-01 (docs/path-semantics.md,
    // "Time"). End moves it to the last day.
    await explorer.page.focus('#day');
    await explorer.page.keyboard.press('End');
    let state = await explorer.state();
    expect(state.day).toBe('1963-01-01');
    // Philby was still an agent that day, but reached nothing: his SIS service, and so every
    // window through it, ended in 1951, the Albania operation in 1954. An element is dimmed by
    // its windows, not by its own dates (SIS existed from 1909 on).
    const ids = (elements: readonly ElementSnapshot[]) => elements.map((e) => e.id).sort();
    expect(withClass(state.elements, 'out-of-time')).toEqual(
      ids(state.elements.filter((e) => e.id !== 'kim-philby')),
    );
    expect(withClass(state.elements, 'out-of-time')).toEqual(
      expect.arrayContaining(['sis', 'sis-cia', 'kim-philby/POSTED_TO/sis-cia']),
    );
    // In mid-1952 only the Albania operation (1949-12-31 to 1954-01-01, hop 0) was still reached.
    state = await goToDay('1952-06-01');
    expect(state.day).toBe('1952-06-01');
    expect(ids(state.elements.filter((e) => !e.classes.includes('out-of-time')))).toEqual([
      'albania-infiltration',
      'kim-philby',
      'kim-philby/TOOK_PART/albania-infiltration',
    ]);
    await explorer.page.click('#all-days');
    expect(withClass((await explorer.state()).elements, 'out-of-time')).toEqual([]);
  });

  it('exports the GraphML of the drawing, which parses and holds its ids', async () => {
    const [download] = await Promise.all([
      explorer.page.waitForEvent('download'),
      explorer.page.click('#export-graphml'),
    ]);
    expect(download.suggestedFilename()).toBe('reach-kim-philby.graphml');
    const file = await download.path();
    const xml = await readFile(file, 'utf8');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      graphml: { graph: { node: { '@_id': string }[]; edge: { '@_id': string }[] } };
    };
    const nodeIds = parsed.graphml.graph.node.map((n) => n['@_id']);
    expect(nodeIds).toEqual(
      expect.arrayContaining(['kim-philby', 'sis-cia', 'albania-infiltration']),
    );
    expect(parsed.graphml.graph.edge.map((e) => e['@_id'])).toContain(
      'kim-philby/POSTED_TO/sis-cia',
    );
  });

  it('exports a PNG of the drawing', async () => {
    const [download] = await Promise.all([
      explorer.page.waitForEvent('download'),
      explorer.page.click('#export-png'),
    ]);
    expect(download.suggestedFilename()).toBe('reach-kim-philby.png');
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('takes a screenshot of the viewport', async () => {
    await explorer.row('sis-cia').hover();
    const file = path.join(OUTPUT_DIR, 'explorer-reach.png');
    const bytes = await explorer.page.screenshot({ path: file });
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // The IHDR chunk: width and height, big-endian, after the signature and chunk header.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([
      VIEWPORT.width,
      VIEWPORT.height,
    ]);
  });
});

describe('the explorer on exposure and k paths', () => {
  it('draws the agents who can reach the SIS-CIA channel', async () => {
    await explorer.choose('exposure');
    await explorer.fill('target', 'sis-cia');
    const state = await explorer.run();
    expect(state.query).toBe('exposure');
    expect(await explorer.page.textContent('#heading')).toMatch(
      /^SIS-CIA liaison: exposed to \d+ of \d+ agents/,
    );
    expect(state.elements.find((e) => e.id === 'kim-philby')?.classes).toContain('agent');
    expect(state.elements.find((e) => e.id === 'sis-cia')?.classes).toContain('end');
    expect(await explorer.row('kim-philby').getAttribute('data-kind')).toBe('agent');
  });

  it('draws the k shortest paths from Kim Philby to the CIA', async () => {
    await explorer.choose('paths');
    await explorer.fill('from', 'kim-philby');
    await explorer.fill('to', 'cia');
    await explorer.fill('k', '2');
    const state = await explorer.run();
    expect(state.query).toBe('paths');
    expect(await explorer.page.locator('#results li[data-kind=path]').count()).toBe(2);
    await explorer.row('path-1').hover();
    const highlighted = withClass((await explorer.state()).elements, 'highlighted');
    expect(highlighted).toEqual(expect.arrayContaining(['kim-philby', 'cia']));
  });

  it('says what is wrong with a form mistake before asking the API', async () => {
    await explorer.fill('duringFrom', '49');
    await explorer.run();
    expect(await explorer.page.textContent('#error')).toBe(
      'FORM During from must be a year, year-month or date (1949, 1949-10, 1949-10-01); got "49".',
    );
    await explorer.fill('duringFrom', '');
  });

  it('shows a coded error of the API with its code and message', async () => {
    await explorer.fill('pathsMaxHops', '99');
    await explorer.run();
    const error = explorer.page.locator('#error');
    expect(await error.locator('.code').textContent()).toBe('LIMIT_EXCEEDED');
    expect(await error.textContent()).toContain("'maxHops' 99 exceeds the server's cap");
    await explorer.fill('pathsMaxHops', '');
  });
});

describe('the explorer on certain and possible reach, and all the windows', () => {
  it('marks what is only possibly reached when the possible reading is included, and nothing under the certain one', async () => {
    const expected = await reachWindows({ agent: 'kim-philby', certainty: 'POSSIBLE' });
    const possibleOnly = [...expected.values()]
      .filter((r) => r.certainty === 'POSSIBLE')
      .map((r) => r.id)
      .sort();
    // The US bases in the former Crown Colonies: a channel the sources never date or attest.
    expect(possibleOnly).toContain('us-uk-crown-colonies');
    expect(possibleOnly).not.toContain('sis-cia');

    await explorer.choose('reach');
    await explorer.fill('agent', 'kim-philby');
    await explorer.page.check('input[name=certainty][value=POSSIBLE]');
    const state = await explorer.run();
    expect(await explorer.page.textContent('#heading')).toContain(
      `(${possibleOnly.length} of them only possibly)`,
    );
    // Rows and drawn nodes say exactly which elements only possible paths reach.
    const rowsOf = async (certainty: string) =>
      (
        await attributesOf(explorer.page.locator(`#results li[data-certainty=${certainty}]`), [
          'data-id',
        ])
      )
        .map(([id]) => id)
        .sort();
    expect(await rowsOf('POSSIBLE')).toEqual(possibleOnly);
    expect(await rowsOf('CERTAIN')).toEqual(
      [...expected.values()]
        .filter((r) => r.certainty === 'CERTAIN')
        .map((r) => r.id)
        .sort(),
    );
    await expect(
      explorer.row('us-uk-crown-colonies').locator('.badge').textContent(),
    ).resolves.toBe('possible');
    const nodes = state.elements.filter((e) => e.group === 'nodes');
    expect(withClass(nodes, 'possible')).toEqual(possibleOnly);
    // A link only possible paths use is dashed too; Philby's posting is certain.
    expect(withClass(state.elements, 'possible')).toContain('uk-ic/PARTY_TO/us-uk-crown-colonies');
    expect(withClass(state.elements, 'possible')).not.toContain('kim-philby/POSTED_TO/sis-cia');
    expect(await explorer.page.isVisible('#legend .possible')).toBe(true);
    await explorer.page.screenshot({ path: path.join(OUTPUT_DIR, 'explorer-possible.png') });

    // Back to the default: certain only. Nothing is marked, and what was only possible is gone.
    await explorer.page.check('input[name=certainty][value=CERTAIN]');
    const certain = await explorer.run();
    expect(withClass(certain.elements, 'possible')).toEqual([]);
    expect(await rowsOf('POSSIBLE')).toEqual([]);
    expect(certain.elements.map((e) => e.id)).not.toContain('us-uk-crown-colonies');
  });

  it('follows structure (PART_OF) unless the box is unticked', async () => {
    const ignored = [...(await reachWindows({ agent: 'kim-philby', structure: 'IGNORE' })).keys()];
    // GCHQ is reached only as a part of the UK intelligence community, SIS's whole.
    expect(ignored).not.toContain('gchq');
    const rowIds = async () =>
      (await attributesOf(explorer.page.locator('#results li'), ['data-id'])).map(([id]) => id);
    await explorer.choose('reach');
    await explorer.fill('agent', 'kim-philby');
    await explorer.page.uncheck('#query-form [name=structure]');
    const state = await explorer.run();
    expect((await rowIds()).sort()).toEqual(ignored.sort());
    expect(state.elements.filter((e) => e.classes.includes('PART_OF'))).toEqual([]);
    await explorer.page.check('#query-form [name=structure]');
    const followed = await explorer.run();
    expect(await rowIds()).toContain('gchq');
    expect(followed.elements.map((e) => e.id)).toContain('gchq/PART_OF/uk-ic');
  });

  it('lists every window of an element reached in several, and shows the path of each', async () => {
    // Robert Hanssen: GRU 1979-1981, KGB 1985-10 to 2001-02-18; an FBI agent throughout.
    const expected = (await reachWindows({ agent: 'robert-hanssen' })).get('fbi');
    expect(expected?.windows.map((w) => [w.window.from, w.window.to])).toEqual([
      ['1979-12-31', '1981-01-01'],
      ['1985-10-31', '2001-02-18'],
    ]);
    await explorer.choose('reach');
    await explorer.fill('agent', 'robert-hanssen');
    await explorer.run();
    await explorer.row('fbi').click();
    await explorer.idle();
    const panel = explorer.page.locator('#panel');
    await expect(panel.locator('.reached h3').textContent()).resolves.toBe(
      'Reached certainly: 2 certain windows',
    );
    const windows = panel.locator('[data-testid=windows] li');
    expect(await attributesOf(windows, ['data-certainty', 'data-from', 'data-to'])).toEqual([
      ['CERTAIN', '1979-12-31', '1981-01-01'],
      ['CERTAIN', '1985-10-31', '2001-02-18'],
    ]);
    // Its timeline: a bar per window over Hanssen's own window.
    expect(await panel.locator('svg.timeline rect.bar.certain').count()).toBe(2);
    await expect(panel.locator('.timeline-ends').textContent()).resolves.toBe(
      '1979-12-312001-02-18',
    );
    expect(await panel.textContent()).toContain('Sources (');

    // "Show path" keeps the window's path highlighted; pressed again, it lets go.
    const second = windows.nth(1).locator('button.show-path');
    await second.click();
    expect(await second.getAttribute('aria-pressed')).toBe('true');
    const highlighted = withClass((await explorer.state()).elements, 'highlighted');
    const pathNodes = expected?.windows[1]?.path.nodes.map((n) => n.id) ?? [];
    expect(pathNodes).toEqual(['robert-hanssen', 'fbi']);
    expect(highlighted).toEqual([...pathNodes, 'robert-hanssen/SERVES/fbi'].sort());
    await second.click();
    expect(withClass((await explorer.state()).elements, 'highlighted')).toEqual([]);
  });

  it('dims by all the windows: the FBI is reached in 1990 (not its explaining path’s window) and not in 1983', async () => {
    // The explaining path of the FBI is the 1979-1981 one; the slider reads every window.
    let state = await goToDay('1990-06-01');
    expect(state.day).toBe('1990-06-01');
    const dimmed = withClass(state.elements, 'out-of-time');
    expect(dimmed).not.toContain('fbi');
    expect(dimmed).not.toContain('robert-hanssen/SERVES/fbi');
    expect(dimmed).not.toContain('robert-hanssen');
    // Pollard's espionage, met only in 1985-10 and 1985-11, is not reached in 1990.
    expect(dimmed).toContain('pollard-espionage');
    // Between his two penetrations Hanssen was no agent: nothing is reached, he is dimmed too.
    state = await goToDay('1983-06-01');
    expect(withClass(state.elements, 'out-of-time')).toEqual(
      state.elements.map((e) => e.id).sort(),
    );
    await explorer.page.click('#all-days');
  });

  it('lists the possible windows beside the certain ones when the possible reading is included', async () => {
    const expected = (await reachWindows({ agent: 'robert-hanssen', certainty: 'POSSIBLE' })).get(
      'fbi',
    );
    const possible = (expected?.possibleWindows ?? []).map((w) => [
      'POSSIBLE',
      w.window.from ?? '',
      w.window.to ?? '',
    ]);
    expect(possible).toEqual([
      ['POSSIBLE', '1979-01-01', '1981-12-31'],
      ['POSSIBLE', '1985-10-01', '2001-02-18'],
    ]);
    await explorer.page.check('input[name=certainty][value=POSSIBLE]');
    await explorer.run();
    await explorer.row('fbi').click();
    await explorer.idle();
    const panel = explorer.page.locator('#panel');
    await expect(panel.locator('.reached h3').textContent()).resolves.toBe(
      'Reached certainly: 2 certain windows, 2 possible windows',
    );
    expect(
      await attributesOf(panel.locator('[data-testid=windows] li'), [
        'data-certainty',
        'data-from',
        'data-to',
      ]),
    ).toEqual([
      ['CERTAIN', '1979-12-31', '1981-01-01'],
      ['CERTAIN', '1985-10-31', '2001-02-18'],
      ...possible,
    ]);
    // Solid bars for the certain windows over hatched ones for the possible, over the agent's
    // possible window.
    expect(await panel.locator('svg.timeline rect.bar.certain').count()).toBe(2);
    expect(await panel.locator('svg.timeline rect.bar.possible').count()).toBe(2);
    await expect(panel.locator('.timeline-ends').textContent()).resolves.toBe(
      '1979-01-012001-02-18',
    );
    await explorer.page.mouse.move(1, 1);
    await explorer.page.screenshot({ path: path.join(OUTPUT_DIR, 'explorer-windows.png') });
    await explorer.page.check('input[name=certainty][value=CERTAIN]');
  });
});

describe('the explorer with a wrong key', () => {
  it('shows the UNAUTHENTICATED error and asks for another key', async () => {
    const page = new ExplorerPage(await chromium.context.newPage());
    await page.open(origin(), 'lgk_wrong_notasecret');
    await page.search('Philby');
    const error = page.page.locator('#error');
    expect(await error.isVisible()).toBe(true);
    expect(await error.locator('.code').textContent()).toBe('UNAUTHENTICATED');
    expect(await error.textContent()).toMatch(/^UNAUTHENTICATED \S/);
    expect(await page.page.isVisible('#key-form')).toBe(true);
    // The key was taken out of the address bar.
    expect(page.page.url()).toBe(`${origin()}/explorer/`);
    await page.page.close();
  });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
