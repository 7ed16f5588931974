// A data build (npm run build:data) opened by the URL of its index.json: polygons from the PMTiles archive, dates
// switched by feature state, areas per class from the index, popups from tile properties, compare mode from
// features.geojson fetched on demand, and a build without it that says compare is unavailable.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildData, OUTPUT_FILES } from '../scripts/lib/data-build';
import { clickHeaderTool, onMap, APP_URL, colorAt, openApp, useBrowser, projectToPage, saveScreenshot, waitForIdle, waitForMap, type WatchedPage } from './browser';

// Served by the preview server, which serves dist/ from disk (git-ignored; `vite build` empties it, so each run
// writes it again).
const OUT = 'dist/e2e-tiled';
const KURSK = 'geodata/kursk';
const manifest = JSON.parse(readFileSync(`${KURSK}/dataset.json`, 'utf8'));
const dates: string[] = manifest.snapshots.map((s: { dateIso: string }) => s.dateIso);
const heldColor = manifest.classes.find((c: { id: string }) => c.id === 'ukraine_held_in_russia').color as string;
const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
// Just south of Sudzha's centre, clear of its label and dot (as in viewer.e2e.ts).
const NEAR_SUDZHA: [number, number] = [35.2726, 51.165];

function classesInData(dateIso: string, point: [number, number]): string[] {
  const file = manifest.snapshots.find((s: { dateIso: string }) => s.dateIso === dateIso).file as string;
  const snap = JSON.parse(readFileSync(join(KURSK, file), 'utf8'));
  return snap.features.filter((f: never) => booleanPointInPolygon(point, f)).map((f: { properties: { class: string } }) => f.properties.class);
}

const { newPage: page } = useBrowser();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  // A full build with dataset.json and claims.json beside it, and a bare one without features.geojson.
  const full = buildData(KURSK, { geojson: true });
  mkdirSync(`${OUT}/kursk`, { recursive: true });
  writeFileSync(`${OUT}/kursk/${OUTPUT_FILES.index}`, JSON.stringify(full.index));
  writeFileSync(`${OUT}/kursk/${OUTPUT_FILES.tiles}`, full.pmtiles);
  writeFileSync(`${OUT}/kursk/${OUTPUT_FILES.geojson}`, full.geojson!);
  copyFileSync(`${KURSK}/dataset.json`, `${OUT}/kursk/dataset.json`);
  copyFileSync(`${KURSK}/claims.json`, `${OUT}/kursk/claims.json`);
  const bare = buildData(KURSK, { geojson: false });
  mkdirSync(`${OUT}/bare`, { recursive: true });
  writeFileSync(`${OUT}/bare/${OUTPUT_FILES.index}`, JSON.stringify(bare.index));
  writeFileSync(`${OUT}/bare/${OUTPUT_FILES.tiles}`, bare.pmtiles);
});

type AppHandle = {
  __app: {
    dataset: { manifest: { title: string }; tiles?: unknown } | null;
    dateIso: string;
    notices: string[];
    setDate(d: string): void;
    camera: { zoom: number; lat: number; lon: number };
  };
};

/** Open a build through the Open data dialog's URL field and wait until its tiles are drawn. */
async function openBuild(w: WatchedPage, path: string): Promise<void> {
  await openApp(w);
  await clickHeaderTool(w.page, 'open-data-button');
  await w.page.getByTestId('open-data-dialog').waitFor();
  await w.page.getByTestId('open-data-url').fill(new URL(path, APP_URL).href);
  await w.page.getByTestId('open-data-url-load').click();
  await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.dataset?.tiles !== undefined, undefined, { timeout: 60_000 });
  await waitForMap(w.page);
}

/** Go to a date and a view, then wait for the map to draw it. */
async function show(p: Page, dateIso: string): Promise<void> {
  await p.evaluate((d) => {
    const app = (window as unknown as AppHandle).__app;
    app.setDate(d);
    app.camera = { zoom: 10, lat: 51.2, lon: 35.27 };
  }, dateIso);
  await waitForMap(p);
}

/** Classes of the rendered control polygons under a point whose feature state is visible (source layer 'claims'). */
async function visibleClassesAt(p: Page, at: [number, number]): Promise<string[]> {
  return onMap(p, 'controlClassesAt', ...at);
}

describe('a data build opened by URL', () => {
  it('draws the tiles by date: held at Sudzha on 2024-08-20, nothing on 2024-08-01; the slider switches', async () => {
    expect(classesInData('2024-08-20', NEAR_SUDZHA)).toEqual(['ukraine_held_in_russia']);
    expect(classesInData('2024-08-01', NEAR_SUDZHA)).toEqual([]);

    const w = await page();
    await openBuild(w, 'e2e-tiled/kursk/index.json');
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title)).toBe(manifest.title);
    // The geometry comes from the tiles: index.json, never the snapshots or features.geojson.
    expect(w.requests.some((u) => u.endsWith('/e2e-tiled/kursk/claims.pmtiles'))).toBe(true);
    expect(w.requests.some((u) => u.includes('features.geojson'))).toBe(false);
    const notices = await w.page.getByTestId('notices').innerText();
    expect(notices).toContain('a data build');

    await show(w.page, '2024-08-01');
    const basemap = await colorAt(w.page, ...NEAR_SUDZHA);
    expect(await visibleClassesAt(w.page, NEAR_SUDZHA)).toEqual([]);
    await saveScreenshot(w.page, 'tiled-2024-08-01');

    await show(w.page, '2024-08-20');
    await saveScreenshot(w.page, 'tiled-2024-08-20');
    expect(await visibleClassesAt(w.page, NEAR_SUDZHA)).toEqual(['ukraine_held_in_russia']);
    const held = await colorAt(w.page, ...NEAR_SUDZHA);
    // The fill is drawn at 55 % over the basemap (as for the GeoJSON source): that blend, to within a few shades.
    const expected = hex(heldColor).map((c, i) => Math.round(0.55 * c + 0.45 * basemap[i]!)) as [number, number, number];
    expect(Math.hypot(...held.map((c, i) => c - expected[i]!)), `held ${held} vs expected ${expected} over ${basemap}`).toBeLessThan(25);
    expect(Math.hypot(...basemap.map((c, i) => c - held[i]!))).toBeGreaterThan(60);

    // Step with the slider from the last snapshot before Sudzha was held to the first with it, and back.
    const firstHeld = dates.findIndex((d) => classesInData(d, NEAR_SUDZHA).includes('ukraine_held_in_russia'));
    expect(firstHeld).toBeGreaterThan(0);
    await show(w.page, dates[firstHeld - 1]!);
    expect(await visibleClassesAt(w.page, NEAR_SUDZHA)).toEqual([]);
    const thumb = w.page.getByRole('slider', { name: 'Date' });
    await thumb.focus();
    await thumb.press('ArrowRight');
    await w.page.waitForFunction((d) => (window as unknown as AppHandle).__app.dateIso === d, dates[firstHeld]!);
    await waitForIdle(w.page);
    expect(await visibleClassesAt(w.page, NEAR_SUDZHA)).toEqual(['ukraine_held_in_russia']);
    await thumb.press('ArrowLeft');
    await w.page.waitForFunction((d) => (window as unknown as AppHandle).__app.dateIso === d, dates[firstHeld - 1]!);
    await waitForIdle(w.page);
    expect(await visibleClassesAt(w.page, NEAR_SUDZHA)).toEqual([]);
  });

  it('areas per class from the index with a note on measures; a popup with the class and the run’s dates', async () => {
    const w = await page();
    await openBuild(w, 'e2e-tiled/kursk/index.json');
    await show(w.page, '2024-08-20');
    const table = w.page.getByTestId('area-table');
    await expect.poll(() => table.innerText()).toContain('Held by Ukraine (in Russia)');
    const text = await table.innerText();
    // The class's label, its meaning on the next line, then its area.
    expect(text).toMatch(/Held by Ukraine \(in Russia\)\n(?:[^\n]*\n)?\s*[\d,]+\.\d km²/);
    expect(await w.page.getByTestId('area-build-note').innerText()).toContain('Held by Ukraine, in Russia');
    // "Occupied by Russia (this area)" is one unclipped class: the build answers it.
    expect(await w.page.getByTestId('measure-occupied').innerText()).toMatch(/km²$/);

    const { x, y } = await projectToPage(w.page, ...NEAR_SUDZHA);
    await w.page.mouse.click(x, y);
    const popup = w.page.locator('.maplibregl-popup-content');
    await popup.waitFor({ timeout: 10_000 });
    const popupText = (await popup.innerText()).replace(/\s+/g, ' ');
    expect(popupText).toContain('Held by Ukraine (in Russia)');
    expect(popupText).toMatch(/(unchanged in the snapshots from \d+ \w+ 2024 to \d+ \w+ 202\d|in the snapshot of \d+ \w+ 2024 only)/);
    await saveScreenshot(w.page, 'tiled-popup');
  });

  it('compare mode fetches features.geojson on demand and compares as usual', async () => {
    const w = await page();
    await openBuild(w, 'e2e-tiled/kursk/index.json');
    await show(w.page, '2024-08-20');
    await clickHeaderTool(w.page, 'compare-toggle');
    await w.page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    expect(w.requests.some((u) => u.endsWith('/e2e-tiled/kursk/features.geojson'))).toBe(true);
    expect(await w.page.getByTestId('gained-occupied').innerText()).toMatch(/km²$/);
    await waitForIdle(w.page);
    await saveScreenshot(w.page, 'tiled-compare');
  });

  it('a build without features.geojson (and without dataset.json): drawn with default colours, compare unavailable, said so', async () => {
    const w = await page();
    await openBuild(w, 'e2e-tiled/bare/index.json');
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title)).toBe('bare');
    await show(w.page, '2024-08-20');
    expect(await visibleClassesAt(w.page, NEAR_SUDZHA)).toEqual(['ukraine_held_in_russia']);
    // The compare button is disabled and says why (its title); a compare permalink gets the notice instead.
    const toggle = w.page.getByTestId('compare-toggle');
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.getAttribute('title')).toContain('Compare is not available');
    await w.page.evaluate(() => { location.hash = '#compare=2024-08-13..2024-09-03'; });
    await expect.poll(() => w.page.getByTestId('notices').innerText()).toContain('Compare is not available');
    expect(await w.page.evaluate(() => (window as unknown as { __app: { compare: unknown } }).__app.compare)).toBeNull();
    await saveScreenshot(w.page, 'tiled-bare');

    // Back to the built-in dataset: the adapter swaps the vector source for the GeoJSON one again.
    await w.page.getByTestId('back-to-builtin').first().click();
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.dataset?.tiles === undefined);
    await show(w.page, '2024-08-20');
    const geojson = { type: await onMap(w.page, 'controlSourceType'), hits: await onMap(w.page, 'controlClassesAt', ...NEAR_SUDZHA) };
    expect(geojson).toEqual({ type: 'geojson', hits: ['ukraine_held_in_russia'] });
  });
});
