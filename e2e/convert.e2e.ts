// Mappers' files through Open data in the built app: two KMZs (NZZ's layers as Google My Maps exports them) and
// two TopoJSON files (ISW's layers as Le Monde mirrors them), each mapped to classes in the class-mapping step,
// then drawn and measured. Converter code is fetched only once a file of its format is opened; nothing leaves
// localhost (useBrowser checks every page).
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickHeaderTool, onMap, closer, colorAt, openApp, projectToPage, saveScreenshot, useBrowser, waitForMap, type WatchedPage } from './browser';

const FIXTURES = resolve('src/lib/data/convert/fixtures');
/** Inside NZZ's "losses" polygon on both 2024-12-15 and 2025-03-16 (found with boolean-point-in-polygon). */
const IN_LOSSES: [number, number] = [35.27, 51.09];
/** Inside ISW's Ukrainian-advance polygon on 2024-08-25 and 2024-12-15, outside its Russian-advance layer. */
const IN_ISW_UA: [number, number] = [35.04, 51.24];
const CONVERTER_CHUNK = /\/assets\/(topojson|kml|kmz|zip|shapefile|esri-json|finish|lib)-[\w-]+\.js$/;

const { newPage } = useBrowser();

type AppHandle = {
  __app: {
    dataset: { manifest: { title: string; classes: { id: string; label: string; color: string }[] } } | null;
    datesIso: string[];
    dateIso: string;
    loading: string | null;
  };
};

async function classesAt(p: Page, at: [number, number]): Promise<string[]> {
  return onMap(p, 'controlClassesAt', ...at);
}

async function classIdsShown(p: Page): Promise<string[]> {
  return p.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.classes.map((c) => c.id) ?? []);
}

async function waitForClasses(p: Page, ids: string[]): Promise<void> {
  await p.waitForFunction((want) => {
    const got = (window as unknown as AppHandle).__app.dataset?.manifest.classes.map((c) => c.id).sort().join(',');
    return got === [...want].sort().join(',') && (window as unknown as AppHandle).__app.loading === null;
  }, ids, { timeout: 60_000 });
  await waitForMap(p);
}

function converterChunks(w: WatchedPage): string[] {
  return w.requests.filter((u) => CONVERTER_CHUNK.test(new URL(u).pathname)).map((u) => new URL(u).pathname.split('/').pop()!.replace(/-[\w-]+\.js$/, ''));
}

async function rowValues(p: Page): Promise<string[]> {
  return p.getByTestId('class-mapping-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.value ?? ''));
}

function row(p: Page, value: string) {
  return p.locator(`[data-testid="class-mapping-row"][data-value="${value}"]`);
}

describe('mappers’ files through the class-mapping step', () => {
  it('two KMZs: classes mapped by style colour, previewed, saved as dataset.json, drawn and measured (1440×900)', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w);
    expect(converterChunks(w)).toEqual([]); // GeoJSON alone loads no converter

    await clickHeaderTool(w.page, 'open-data-button');
    await w.page.getByTestId('open-data-files').setInputFiles([resolve(FIXTURES, 'kml/2024-12-15.kmz'), resolve(FIXTURES, 'kml/2025-03-16.kmz')]);
    const panel = w.page.getByTestId('class-mapping');
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.innerText()).toContain('4 of 4 features in 2 files carry no');
    expect(new Set(converterChunks(w))).toEqual(new Set(['kmz', 'kml', 'zip', 'finish']));

    await w.page.getByTestId('class-mapping-key').selectOption('style-fill');
    expect(await rowValues(w.page)).toEqual(['#1f5a9c', '#9e9e9e', '#d62b2b']);
    // Counts and summed areas of the values, over both files: 549.8 + 79.6 km² of "losses".
    expect(await row(w.page, '#1f5a9c').innerText()).toMatch(/#1f5a9c\s+2\s+629\.4 km²/);

    // The preview: every value not mapped yet in a class of its own, drawn on the map.
    await waitForClasses(w.page, ['unmapped_1', 'unmapped_2', 'unmapped_3']);
    expect(await classesAt(w.page, IN_LOSSES)).toEqual(['unmapped_1']);
    await saveScreenshot(w.page, 'convert-kmz-mapping-preview');

    await row(w.page, '#1f5a9c').getByTestId('class-mapping-class').selectOption('__new');
    const label = w.page.getByTestId('class-mapping-label').first();
    await label.fill('Ukrainian advance (NZZ: Russia’s losses)');
    await label.dispatchEvent('change');
    await row(w.page, '#9e9e9e').getByTestId('class-mapping-class').selectOption('__new');
    await row(w.page, '#d62b2b').getByTestId('class-mapping-class').selectOption('__omit');
    await waitForClasses(w.page, ['1f5a9c', '9e9e9e']);

    const download = w.page.waitForEvent('download');
    await w.page.getByTestId('class-mapping-save').click();
    const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(saved.classMapping).toEqual({ from: 'style-fill', values: [{ value: '#1f5a9c', class: '1f5a9c' }, { value: '#9e9e9e', class: '9e9e9e' }, { value: '#d62b2b', class: null }] });
    expect(saved.snapshots).toEqual([{ dateIso: '2024-12-15', file: '2024-12-15.kmz' }, { dateIso: '2025-03-16', file: '2025-03-16.kmz' }]);
    expect(saved.classes[0]).toMatchObject({ id: '1f5a9c', label: 'Ukrainian advance (NZZ: Russia’s losses)', color: '#1565c0' });

    await w.page.getByTestId('class-mapping-show').click();
    await panel.waitFor({ state: 'detached' });
    await waitForClasses(w.page, ['1f5a9c', '9e9e9e']);
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.datesIso)).toEqual(['2024-12-15', '2025-03-16']);
    const dateIso = await w.page.evaluate(() => (window as unknown as AppHandle).__app.dateIso);
    // Areas as the same data as GeoJSON gives them (nzz-kursk/areas.csv, unclipped: 549.8 and 79.6 km²).
    await expect.poll(() => w.page.getByTestId('measure-1f5a9c').innerText(), { timeout: 30_000 }).toBe(dateIso === '2024-12-15' ? '549.8 km²' : '79.6 km²');
    expect(await classesAt(w.page, IN_LOSSES)).toEqual(['1f5a9c']);
    expect(closer(await colorAt(w.page, ...IN_LOSSES), [0x15, 0x65, 0xc0], [0xc6, 0x28, 0x28])).toBe(true);

    // The popup says where the polygon came from.
    const { x, y } = await projectToPage(w.page, ...IN_LOSSES);
    await w.page.mouse.click(x, y);
    const popup = w.page.locator('.maplibregl-popup-content');
    await popup.waitFor({ timeout: 10_000 });
    expect(await popup.innerText()).toContain('Converted from KMZ (doc.kml), folder “Russian losses (Ukrainian advance)”, drawn with fill #1f5a9c at 40 %, outline #1f5a9c.');
    await saveScreenshot(w.page, 'convert-kmz-mapped');
  });

  it('two TopoJSON files: ISW layer names suggested, used on request, drawn and measured (390×844)', async () => {
    const w = await newPage({ width: 390, height: 844 });
    await openApp(w);
    await clickHeaderTool(w.page, 'open-data-button');
    await w.page.getByTestId('open-data-files').setInputFiles([resolve(FIXTURES, 'topojson/2024-08-25.topojson'), resolve(FIXTURES, 'topojson/2024-12-15.topojson')]);
    const panel = w.page.getByTestId('class-mapping');
    await panel.waitFor({ timeout: 60_000 });
    expect(new Set(converterChunks(w))).toEqual(new Set(['topojson', 'finish']));
    // Suggested, not applied: the preview still shows every layer unmapped.
    expect(await panel.innerText()).toContain('match a known convention (ISW/CTP layer name)');
    await waitForClasses(w.page, ['unmapped_1', 'unmapped_2', 'unmapped_3']);
    // On a phone the step fits the screen: every class menu is within the 390 px.
    for (const box of await w.page.getByTestId('class-mapping-class').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(390);
    await saveScreenshot(w.page, 'convert-topojson-suggestions-390');

    await w.page.getByTestId('class-mapping-use-suggestions').click();
    await waitForClasses(w.page, ['ukraine_advance_in_russia', 'russian_advance_in_russia']);
    await w.page.getByTestId('class-mapping-show').click();
    await panel.waitFor({ state: 'detached' });
    await waitForClasses(w.page, ['ukraine_advance_in_russia', 'russian_advance_in_russia']);
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.datesIso)).toEqual(['2024-08-25', '2024-12-15']);
    const dateIso = await w.page.evaluate(() => (window as unknown as AppHandle).__app.dateIso);
    // isw-kursk/areas.csv, ukraine_advance_unclipped_km2: 1,145.8 (2024-08-25) and 488.9 km² (2024-12-15).
    await expect.poll(() => w.page.getByTestId('measure-ukraine_advance_in_russia').innerText(), { timeout: 30_000 }).toBe(dateIso === '2024-08-25' ? '1,145.8 km²' : '488.9 km²');
    expect(await classesAt(w.page, IN_ISW_UA)).toEqual(['ukraine_advance_in_russia']);
    expect(closer(await colorAt(w.page, ...IN_ISW_UA), [0x19, 0x76, 0xd2], [0xd8, 0x43, 0x15])).toBe(true);
    expect((await classIdsShown(w.page)).sort()).toEqual(['russian_advance_in_russia', 'ukraine_advance_in_russia']);
    await saveScreenshot(w.page, 'convert-topojson-mapped-390');
  });

  it('cancelling the step puts back what was on the map; a Shapefile opened meanwhile replaces the step', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w);
    const title = await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title);
    await clickHeaderTool(w.page, 'open-data-button');
    await w.page.getByTestId('open-data-files').setInputFiles([resolve(FIXTURES, 'kml/2025-03-16.kml')]);
    const panel = w.page.getByTestId('class-mapping');
    await panel.waitFor({ timeout: 60_000 });
    await waitForClasses(w.page, ['unmapped_1', 'unmapped_2', 'unmapped_3']);
    // Another file opened while mapping: the step starts again for it (a zipped Shapefile: two layers).
    await clickHeaderTool(w.page, 'open-data-button');
    await w.page.getByTestId('open-data-files').setInputFiles([resolve(FIXTURES, 'shapefile/2025-01-19-utm36n.zip')]);
    await expect.poll(() => panel.innerText(), { timeout: 60_000 }).toContain('7 of 7 features in 1 file carry no');
    await w.page.getByTestId('class-mapping-key').selectOption('layer');
    expect(await rowValues(w.page)).toEqual(['russian_advances', 'ukrainian_advances']);
    await w.page.getByTestId('class-mapping-cancel').click();
    await panel.waitFor({ state: 'detached' });
    await waitForMap(w.page);
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title)).toBe(title);
  });
});
