// Shared browser-test helpers: launch Debian's Chromium, open the app, watch for errors and outside requests,
// wait for the map, and read pixels at a longitude/latitude.
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { PNG } from 'pngjs';
import { mkdirSync } from 'node:fs';
import type { MapTestVerbs } from '../src/lib/map/test-handle';

export const APP_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4179}/`;

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export interface WatchedPage {
  page: Page;
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** console.error messages. */
  consoleErrors: string[];
  /** Every request to anything but this machine. */
  outsideRequests: string[];
  /** Every request URL, for download-size checks. */
  requests: string[];
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** A new page that records errors and blocks (and records) any request leaving localhost. */
export async function newWatchedPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const watched: WatchedPage = { page, pageErrors: [], consoleErrors: [], outsideRequests: [], requests: [] };
  page.on('pageerror', (e) => watched.pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') watched.consoleErrors.push(m.text()); });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    watched.requests.push(url);
    if (isLocal(url)) return route.continue();
    watched.outsideRequests.push(url);
    return route.abort();
  });
  return watched;
}

/**
 * Click one of the header's tools (Open data, Copy link, Share…, Compare, the languages), opening the folded
 * header menu first where the page has folded it (phones: the tools sit behind the Menu button).
 */
export async function clickHeaderTool(page: Page, testId: string): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByTestId(testId).click();
}

/** Open the app at a hash and wait until the dataset is loaded and the map has drawn. */
export async function openApp(w: WatchedPage, hash = ''): Promise<void> {
  await w.page.goto(APP_URL + hash);
  await waitForMap(w.page);
}

/**
 * Call one of the primary map's test verbs (src/lib/map/test-handle.ts) in the page or a frame: the typed way
 * tests query the map. The app must be a test build (`npm run build:test`), which exposes `window.__test`.
 */
export async function onMap<K extends keyof MapTestVerbs>(
  target: Page | Frame,
  verb: K,
  ...args: Parameters<MapTestVerbs[K]>
): Promise<Awaited<ReturnType<MapTestVerbs[K]>>> {
  return target.evaluate(
    ([v, a]) => (window as unknown as { __test: { map: Record<string, (...x: unknown[]) => unknown> } }).__test.map[v]!(...a),
    [verb, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<MapTestVerbs[K]>>>;
}

/** Wait until the data is in and the map is idle (style, tiles and fonts loaded, nothing pending). */
export async function waitForMap(target: Page | Frame, extra: 'areaReport' | '' = ''): Promise<void> {
  await target.waitForFunction((wantReport) => {
    const w = window as unknown as { __app?: { loading: string | null; dataset: unknown; areaReport?: unknown }; __test?: { map: { ready(): boolean } } };
    return !!(w.__app && w.__app.loading === null && w.__app.dataset && (!wantReport || w.__app.areaReport) && w.__test?.map.ready());
  }, extra === 'areaReport', { timeout: 150_000 });
  await waitForIdle(target);
}

/** Resolves on the map's next `idle` (or at once if nothing is pending). */
export async function waitForIdle(target: Page | Frame): Promise<void> {
  await onMap(target, 'idle');
}

/** Screen position (page CSS px) of a longitude/latitude on the primary map. */
export async function projectToPage(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  return onMap(page, 'projectToPage', lng, lat);
}

/** The colour drawn at a longitude/latitude: the median of a 5×5 px patch of a screenshot. */
export async function colorAt(page: Page, lng: number, lat: number): Promise<[number, number, number]> {
  const { x, y } = await projectToPage(page, lng, lat);
  const buf = await page.screenshot({ clip: { x: Math.round(x) - 2, y: Math.round(y) - 2, width: 5, height: 5 } });
  const png = PNG.sync.read(buf);
  const rs: number[] = [], gs: number[] = [], bs: number[] = [];
  for (let i = 0; i < png.width * png.height; i++) {
    rs.push(png.data[i * 4]!); gs.push(png.data[i * 4 + 1]!); bs.push(png.data[i * 4 + 2]!);
  }
  const med = (a: number[]) => a.sort((p, q) => p - q)[Math.floor(a.length / 2)]!;
  return [med(rs), med(gs), med(bs)];
}

/** Hue-free check: is `c` closer to `target` than to `other`? */
export function closer(c: [number, number, number], target: [number, number, number], other: [number, number, number]): boolean {
  const d = (a: [number, number, number], b: [number, number, number]) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
  return d(c, target) < d(c, other);
}

/** Save a screenshot under e2e/screenshots/ (git-ignored) for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

/**
 * One browser for a test file and a watched page per call. After the file, every page it opened must have made no
 * request outside localhost, thrown no uncaught error and logged no Content-Security-Policy violation.
 */
export function useBrowser(): { newPage: (viewport?: { width: number; height: number }) => Promise<WatchedPage> } {
  let browser: Browser | undefined;
  const pages: WatchedPage[] = [];
  let openPages: WatchedPage[] = [];
  beforeAll(async () => { browser = await launchBrowser(); });
  // Each test's pages close when it ends (their records stay for the checks below): a page left open keeps its map,
  // workers and timers running, and a file of 20 tests would otherwise end with 20 renderers sharing 2 cores.
  afterEach(async () => {
    const closing = openPages;
    openPages = [];
    await Promise.all(closing.map((w) => w.page.context().close().catch(() => undefined)));
  });
  afterAll(async () => {
    for (const w of pages) {
      expect(w.outsideRequests).toEqual([]);
      expect(w.pageErrors).toEqual([]);
      expect(w.consoleErrors.filter((e) => /content security policy/i.test(e))).toEqual([]);
    }
    await browser?.close();
  });
  return {
    async newPage(viewport) {
      const w = await newWatchedPage(browser!, viewport);
      pages.push(w);
      openPages.push(w);
      return w;
    },
  };
}
