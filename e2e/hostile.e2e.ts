// The hostile datasets that froze or crashed the tab (issue 15), opened through the folder input of the built app:
// after each one loads, the page still answers within a few seconds, says what was wrong in the issues panel, and
// draws what is valid. Names that are Object.prototype keys are drawn in their own colours.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bigFile, copiesOfOnePolygon, deepProperties, farDate, hugeManifest, hugeTitle, prototypeNames, type HostileFile } from '../scripts/lib/hostile-datasets';
import { clickHeaderTool, closer, colorAt, openApp, saveScreenshot, useBrowser, waitForMap } from './browser';

const { newPage } = useBrowser();
type AppHandle = { __app: { dataset: { manifest: { title: string } } | null; issues: { file: string; reason: string }[]; loading: string | null; datesIso: string[] } };

function writeDataset(name: string, files: HostileFile[]): string {
  const dir = join(tmpdir(), 'cg-hostile-e2e', name);
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  return dir;
}

/** An evaluate that must come back within `ms`: the page's main thread is free. */
async function answersWithin(p: Page, ms: number): Promise<boolean> {
  return Promise.race([p.evaluate(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

/** Open a folder through the dialog and wait until loading is over; then the page must answer. */
async function openFolder(p: Page, dir: string): Promise<string[]> {
  await clickHeaderTool(p, 'open-data-button');
  await p.getByTestId('open-data-folder').setInputFiles(dir);
  await p.waitForFunction(() => (window as unknown as AppHandle).__app.loading === null, undefined, { timeout: 120_000, polling: 500 });
  expect(await answersWithin(p, 5000)).toBe(true);
  return p.evaluate(() => (window as unknown as AppHandle).__app.issues.map((i) => `${i.file}: ${i.reason}`));
}

describe('hostile datasets in the built app', () => {
  it('a 1 MB title, 100,000 copies of one polygon, a date of 9999-12-31, deep properties, 100,000 manifest entries: the page answers after each', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w);

    let issues = await openFolder(w.page, writeDataset('huge-title', hugeTitle(1024 * 1024)));
    expect(issues).toContain('dataset.json: title: 1,048,576 characters, over the limit of 300; shown cut to 300');
    expect((await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title))?.length).toBe(300);
    await waitForMap(w.page);
    expect(await answersWithin(w.page, 5000)).toBe(true);

    issues = await openFolder(w.page, writeDataset('copies', copiesOfOnePolygon(100_000)));
    expect(issues).toContain('2024-08-12.geojson: 99,999 features repeat an earlier feature of the same class and geometry (the first: features[1] repeats features[0]); each drawn and counted once');
    await waitForMap(w.page);
    expect(await answersWithin(w.page, 5000)).toBe(true);

    issues = await openFolder(w.page, writeDataset('far-date', farDate('9999-12-31')));
    expect(issues).toContain('dataset.json: snapshots[0].dateIso: date in the supported range 1800-01-01 … 2199-12-31 expected, "9999-12-31" found');
    expect(await answersWithin(w.page, 5000)).toBe(true);

    issues = await openFolder(w.page, writeDataset('deep-properties', deepProperties(100_000)));
    expect(issues.some((i) => /^2024-08-13\.geojson: nested more than 64 levels deep/.test(i))).toBe(true);
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.datesIso)).toEqual(['2024-08-12']);
    await waitForMap(w.page);

    issues = await openFolder(w.page, writeDataset('manifest-100k', hugeManifest(100_000)));
    expect(issues[0]).toBe('dataset.json: snapshots: 100,000 entries, over the limit of 20,000; only the first 20,000 are read');
    await waitForMap(w.page);
    expect(await answersWithin(w.page, 5000)).toBe(true);
    await saveScreenshot(w.page, 'hostile-after-all');
  });

  // 24 MB keeps the run short; scripts/measure-hostile.ts measures the 48 MB case of the review.
  it('a 24 MB file: the page answers after it loads', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w);
    // Not asserted while it loads: the main thread still takes the dataset from the worker and hands it to the map in
    // long tasks (measured by scripts/measure-hostile.ts; see the closing note of issue 15).
    const issues = await openFolder(w.page, writeDataset('big', bigFile(24)));
    expect(issues).toEqual([]);
    await waitForMap(w.page);
    expect(await answersWithin(w.page, 5000)).toBe(true);
  });

  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`class ids "constructor", "toString", "__proto__" are drawn in their own colours; two sources of one name are both listed (${viewport.width}×${viewport.height})`, async () => {
      const w = await newPage(viewport);
      await openApp(w);
      const issues = await openFolder(w.page, writeDataset('proto', prototypeNames()));
      expect(issues).toEqual(['dataset.json: sources[1].name: "Same name" is also the name of sources[0]; give each source its own name']);
      await waitForMap(w.page);
      await w.page.evaluate(() => { (window as unknown as { __app: { camera: unknown } }).__app.camera = { zoom: 10, lat: 51.04, lon: 35.14 }; });
      await waitForMap(w.page);
      await saveScreenshot(w.page, `hostile-prototype-names-${viewport.width}`);
      const red = await colorAt(w.page, 35.04, 51.04);
      const green = await colorAt(w.page, 35.14, 51.04);
      const blue = await colorAt(w.page, 35.24, 51.04);
      const grey: [number, number, number] = [0x55, 0x55, 0x55];
      expect(closer(red, [255, 0, 0], grey), `constructor ${red}`).toBe(true);
      expect(closer(green, [0, 255, 0], grey), `toString ${green}`).toBe(true);
      expect(closer(blue, [0, 0, 255], grey), `__proto__ ${blue}`).toBe(true);
      const panel = await w.page.getByTestId('data-panel').innerText();
      expect(panel).toContain('First');
      expect(panel).toContain('Second');
      // Every measure and class has a figure, the clipped "constructor" one included (no "–").
      const table = await w.page.getByTestId('area-table').innerText();
      expect(table).toContain('Constructor, clipped');
      expect(table).not.toContain('–');
      expect(table.match(/\d+\.\d km²/g)?.length).toBe(6);
    });
  }
});
