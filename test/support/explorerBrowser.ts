import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SNAPSHOT_HOOK, type ExplorerSnapshot } from '../../explorer/src/snapshot.js';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points at another. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The machine has no internet: without these Chromium waits on connections of its own (updates,
 * sync, QUIC probes) and can hang. --no-sandbox because tests may run as root in a container.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The viewport of every page: the size of the README's screenshots. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** A headless Chromium with a profile of its own, removed on close. */
export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium, or says how to install it. */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  const profile = await mkdtemp(path.join(tmpdir(), 'liaison-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the explorer into `outDir` (not explorer/dist, which a running `npm start` may be
 * serving), in a child process so this process's own Vite (vitest's) is left alone.
 */
export async function buildExplorer(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'explorer', '--outDir', outDir, '--emptyOutDir'],
    { cwd: path.resolve(import.meta.dirname, '../..') },
  );
}

/** The page's globals as the functions evaluated in it see them. */
type Hooks = Partial<Record<string, { state(): ExplorerSnapshot }>>;

/** The explorer page driven as a user would, and read through its snapshot hook. */
export class ExplorerPage {
  constructor(readonly page: Page) {}

  /** Opens the explorer of the API at `origin`, with a key in the fragment when given. */
  async open(origin: string, key?: string): Promise<void> {
    await this.page.goto(`${origin}/explorer/${key === undefined ? '' : `#key=${key}`}`);
    await this.page.waitForFunction((hook) => hook in globalThis, SNAPSHOT_HOOK);
  }

  /** What the page shows (see explorer/src/snapshot.ts). */
  async state(): Promise<ExplorerSnapshot> {
    const state = await this.page.evaluate(
      (hook) => (globalThis as unknown as Hooks)[hook]?.state(),
      SNAPSHOT_HOOK,
    );
    if (!state) throw new Error(`the page has no ${SNAPSHOT_HOOK} hook: is it the explorer?`);
    return state;
  }

  /** Searches and waits for the hits (or the error). */
  async search(text: string): Promise<void> {
    await this.page.fill('#search-input', text);
    await this.page.click('#search-form button[type=submit]');
    await this.idle();
  }

  /** Picks a search hit by entity id. */
  async pick(id: string): Promise<void> {
    await this.page.click(`#hits button[data-id="${id}"]`);
  }

  /** Chooses the query tab. */
  async choose(query: 'reach' | 'exposure' | 'paths'): Promise<void> {
    await this.page.check(`input[name=query][value=${query}]`);
  }

  /** Types into a field of the query form. */
  async fill(name: string, value: string): Promise<void> {
    await this.page.fill(`#query-form [name=${name}]`, value);
  }

  /** Runs the query and waits for its answer (or its error). */
  async run(): Promise<ExplorerSnapshot> {
    await this.page.click('#run');
    await this.idle();
    return this.state();
  }

  /** Waits until no request is in flight. */
  async idle(): Promise<void> {
    await this.page.waitForFunction(
      (hook) => (globalThis as unknown as Hooks)[hook]?.state().busy === false,
      SNAPSHOT_HOOK,
    );
  }

  /** The result row of an element (or `path-<n>`). */
  row(id: string) {
    return this.page.locator(`#results li[data-id="${id}"]`);
  }

  /** Moves the pointer over a drawn element, as a user would. */
  async hoverElement(id: string): Promise<void> {
    const { x, y } = await this.positionOf(id);
    await this.page.mouse.move(x, y);
  }

  /** Clicks a drawn element and waits for the side panel to load. */
  async clickElement(id: string): Promise<void> {
    const { x, y } = await this.positionOf(id);
    await this.page.mouse.click(x, y);
    await this.idle();
  }

  /** The page coordinates of a drawn element. */
  private async positionOf(id: string): Promise<{ x: number; y: number }> {
    const element = (await this.state()).elements.find((e) => e.id === id);
    const box = await this.page.locator('#graph').boundingBox();
    if (!element || !box) throw new Error(`${id} is not drawn`);
    return { x: box.x + element.x, y: box.y + element.y };
  }
}
