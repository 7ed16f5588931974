// Bring your own data, end to end in the built app: a folder of good and bad files (folder input), a synthetic
// drop with a file over the size limit, a drop with nothing usable, a manifest by URL. Bad parts are listed,
// good snapshots are drawn, text from data stays text, and nothing throws.
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickHeaderTool, onMap, APP_URL, closer, colorAt, openApp, useBrowser, projectToPage, saveScreenshot, waitForIdle, waitForMap, type WatchedPage } from './browser';

const FIXTURES = resolve('e2e/fixtures/byod');
const XSS_NAME = '<img src=x onerror=alert(1)>';
// Centres of the fixture squares (e2e/fixtures/byod/mixed): A "held" in every good snapshot, B "contested" on
// 2024-09-08, C "held" on 2024-08-25 beside a bow-tie; GAP lies between A and B, on no polygon.
const A: [number, number] = [35.1, 51.06];
const B: [number, number] = [35.4, 51.06];
const GAP: [number, number] = [35.25, 51.06];
// Inferred classes take the default palette in order of first appearance (infer-manifest.ts DEFAULT_PALETTE).
const BLUE: [number, number, number] = [0x00, 0x72, 0xb2];
const ORANGE: [number, number, number] = [0xd5, 0x5e, 0x00];

const { newPage } = useBrowser();
async function page(): Promise<WatchedPage & { dialogs: string[] }> {
  const w = await newPage();
  const dialogs: string[] = [];
  w.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return Object.assign(w, { dialogs });
}

type AppHandle = { __app: { dataset: { manifest: { title: string }; origin: string; manifestInferred: boolean } | null; datesIso: string[]; loading: string | null; dateIso: string; issues: unknown[] } };

async function waitForTitle(p: Page, title: string): Promise<void> {
  await p.waitForFunction((t) => (window as unknown as AppHandle).__app.dataset?.manifest.title === t, title, { timeout: 60_000 });
  await waitForMap(p);
}

/** Visible control classes under a longitude/latitude, from the rendered features. */
async function classesAt(p: Page, at: [number, number]): Promise<string[]> {
  return onMap(p, 'controlClassesAt', ...at);
}

/** Click a polygon and return the popup's text and how many elements of a kind it holds. */
async function popupAt(p: Page, at: [number, number]): Promise<{ text: string; imgs: number; links: string[] }> {
  const { x, y } = await projectToPage(p, ...at);
  await p.mouse.click(x, y);
  const popup = p.locator('.maplibregl-popup-content');
  await popup.waitFor({ timeout: 10_000 });
  return popup.evaluate((el) => ({
    text: el.textContent ?? '',
    imgs: el.querySelectorAll('img').length,
    links: Array.from(el.querySelectorAll('a'), (a) => a.getAttribute('href') ?? ''),
  }));
}

describe('bring your own data', () => {
  it('a folder of good and bad files: bad ones listed, good snapshots drawn, names shown as text', async () => {
    const w = await page();
    await openApp(w);
    await clickHeaderTool(w.page, 'open-data-button');
    const dialog = w.page.getByTestId('open-data-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('nothing is uploaded');
    expect(await dialog.innerText()).toContain('over 50 MB');
    await saveScreenshot(w.page, 'byod-open-data-dialog');

    await w.page.getByTestId('open-data-folder').setInputFiles(resolve(FIXTURES, 'mixed'));
    await waitForTitle(w.page, 'mixed');
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.datesIso)).toEqual(['2024-08-25', '2024-09-01', '2024-09-08']);

    // Every problem names its file and says what is wrong.
    const issues = await w.page.getByTestId('issues-panel').innerText();
    expect(issues).toMatch(/2024-09-15\.geojson[^\n]*not JSON/);
    expect(issues).toMatch(/2024-02-30\.geojson[^\n]*not a calendar date/);
    expect(issues).toMatch(/2024-08-25\.geojson: feature 1 \(id bowtie\)[^\n]*self-intersection/);
    expect(issues).toMatch(/notes\.txt[^\n]*ignored/);
    const notices = await w.page.getByTestId('notices').innerText();
    expect(notices).toContain('nothing was uploaded');
    expect(notices).toContain('colours are defaults');

    // The good snapshots are on the map: features first, then pixels.
    await waitForIdle(w.page);
    expect(await classesAt(w.page, A)).toEqual(['held']);
    expect(await classesAt(w.page, B)).toEqual(['contested']);
    expect(await classesAt(w.page, GAP)).toEqual([]);
    const gap = await colorAt(w.page, ...GAP);
    const a = await colorAt(w.page, ...A);
    const b = await colorAt(w.page, ...B);
    const blend = (c: [number, number, number]) => c.map((v, i) => Math.round(0.55 * v + 0.45 * gap[i]!)) as [number, number, number];
    expect(Math.hypot(...a.map((v, i) => v - blend(BLUE)[i]!)), `A ${a} vs ${blend(BLUE)}`).toBeLessThan(30);
    expect(closer(b, blend(ORANGE), blend(BLUE)), `B ${b}`).toBe(true);
    await saveScreenshot(w.page, 'byod-issues-after-mixed-drop');

    // The file with a bad feature still gives its good one (nothing valid is lost).
    await w.page.evaluate(() => (window as unknown as { __app: { setDate(d: string): void } }).__app.setDate('2024-08-25'));
    await waitForIdle(w.page);
    expect(await classesAt(w.page, [35.1, 51.25])).toEqual(['held']);
    await w.page.evaluate(() => (window as unknown as { __app: { setDate(d: string): void } }).__app.setDate('2024-09-08'));
    await waitForIdle(w.page);

    // A name carrying markup is shown as text: no element made from it, no script run.
    const popup = await popupAt(w.page, A);
    expect(popup.text).toContain(XSS_NAME);
    expect(popup.imgs).toBe(0);
    await w.page.waitForTimeout(300);
    expect(w.dialogs).toEqual([]);

    // Back to the built-in dataset.
    await w.page.keyboard.press('Escape');
    await w.page.getByTestId('back-to-builtin').first().click();
    await waitForTitle(w.page, JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8')).title);
    expect(await w.page.getByTestId('back-to-builtin').count()).toBe(0);
  });

  it('a drop with a file over the size limit: reported from its size, never read; the rest loads', async () => {
    const w = await page();
    await openApp(w);
    const good = readFileSync(resolve(FIXTURES, 'mixed/2024-09-08.geojson'), 'utf8');
    const overlayShown = await w.page.evaluate(async (goodText) => {
      // Record which files get read, to prove the big one is not.
      const read: string[] = [];
      const orig = File.prototype.arrayBuffer;
      File.prototype.arrayBuffer = function (this: File) { read.push(this.name); return orig.call(this); };
      (window as unknown as { __read: string[] }).__read = read;
      const dt = new DataTransfer();
      dt.items.add(new File([goodText], '2024-09-08.geojson', { type: 'application/geo+json' }));
      dt.items.add(new File([new Uint8Array(51 * 1024 * 1024)], '2024-09-09.geojson'));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const shown = document.querySelector('[data-testid="drop-overlay"]') !== null;
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      return shown;
    }, good);
    expect(overlayShown).toBe(true);
    await waitForTitle(w.page, 'dataset');
    expect(await w.page.getByTestId('drop-overlay').count()).toBe(0);
    expect(await w.page.evaluate(() => (window as unknown as { __read: string[] }).__read)).toEqual(['2024-09-08.geojson']);
    const issues = await w.page.getByTestId('issues-panel').innerText();
    expect(issues).toMatch(/2024-09-09\.geojson[^\n]*51 MB, over the 50 MB limit; not read/);
    expect(await classesAt(w.page, A)).toEqual(['held']);
  });

  it('a drop with nothing usable keeps the dataset on screen and lists the errors', async () => {
    const w = await page();
    await openApp(w);
    const before = await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title);
    await w.page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"type": "FeatureCollection", "features": [ oops'], '2024-09-15.geojson'));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await w.page.getByText('Your data could not be shown').waitFor();
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title)).toBe(before);
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.loading)).toBeNull();
    const issues = await w.page.getByTestId('issues-panel').innerText();
    expect(issues).toMatch(/2024-09-15\.geojson[^\n]*not JSON/);
    expect(issues).toContain('no usable snapshot');
    await waitForIdle(w.page);
  });

  it('a manifest by URL: its files fetched relative to it; a javascript: source is not a link', async () => {
    const w = await page();
    // Serve the fixture as if it were on this site.
    await w.page.route(`${APP_URL}byod-fixture/**`, (route) => {
      const rel = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/byod-fixture\//, ''));
      try {
        return route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(resolve(FIXTURES, 'with-manifest', rel)) });
      } catch {
        return route.fulfill({ status: 404, body: 'not found' });
      }
    });
    await openApp(w);
    await clickHeaderTool(w.page, 'open-data-button');

    // Plain http to another host would be blocked by the CSP: refused up front, with the reason.
    await w.page.getByTestId('open-data-url').fill('http://data.example.org/dataset.json');
    await w.page.getByTestId('open-data-url-load').click();
    expect(await w.page.getByTestId('open-data-url-problem').innerText()).toContain('Only https URLs');

    await w.page.getByTestId('open-data-url').fill('byod-fixture/dataset.json');
    await w.page.getByTestId('open-data-url').press('Enter');
    await waitForTitle(w.page, 'BYOD test dataset with a manifest');
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.origin)).toBe(`${APP_URL}byod-fixture/dataset.json`);
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.datesIso)).toEqual(['2024-10-01', '2024-10-02']);

    const panel = await w.page.getByTestId('data-panel').innerText();
    expect(panel).toContain('Evil source');
    expect(await w.page.locator('a[href^="javascript:" i]').count()).toBe(0);

    await waitForIdle(w.page);
    const popup = await popupAt(w.page, A);
    expect(popup.text).toContain('Source: Evil source');
    expect(popup.text).toContain(XSS_NAME);
    expect(popup.links).toEqual([]);
    expect(popup.imgs).toBe(0);
    expect(w.dialogs).toEqual([]);
  });
});
