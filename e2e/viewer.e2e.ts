// The viewer end to end on the real Kursk data, offline: permalinks, pixels at Sudzha, keyboard stepping,
// history, bad links, and no request leaving localhost.
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { onMap, colorAt, projectToPage, openApp, saveScreenshot, useBrowser, waitForIdle } from './browser';

const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8'));
const heldColor = manifest.classes.find((c: { id: string }) => c.id === 'ukraine_held_in_russia').color as string;
const lastDateIso = manifest.snapshots[manifest.snapshots.length - 1].dateIso as string;
const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];

// Just south of Sudzha's centre, clear of its label and dot.
const NEAR_SUDZHA: [number, number] = [35.2726, 51.165];

function classesAt(dateIso: string, point: [number, number]): string[] {
  const snap = JSON.parse(readFileSync(`geodata/kursk/snapshots/${dateIso}.geojson`, 'utf8'));
  return snap.features.filter((f: never) => booleanPointInPolygon(point, f)).map((f: { properties: { class: string } }) => f.properties.class);
}

// Every page of this file: no request leaves localhost, no uncaught error (checked after the file).
const { newPage: page } = useBrowser();

describe('the viewer on the Kursk data', () => {
  it('draws what the data says at Sudzha: basemap on 2024-08-01, held on 2024-08-20', async () => {
    // The expectation comes from the data, not from the app.
    expect(classesAt('2024-08-01', NEAR_SUDZHA)).toEqual([]);
    expect(classesAt('2024-08-20', NEAR_SUDZHA)).toEqual(['ukraine_held_in_russia']);

    const before = await page();
    await openApp(before, '#date=2024-08-01&map=10/51.20/35.27');
    await saveScreenshot(before.page, 'viewer-2024-08-01');
    const basemap = await colorAt(before.page, ...NEAR_SUDZHA);

    const after = await page();
    await openApp(after, '#date=2024-08-20&map=10/51.20/35.27');
    await saveScreenshot(after.page, 'viewer-2024-08-20');
    const held = await colorAt(after.page, ...NEAR_SUDZHA);

    // The fill is drawn at 55 % over the basemap: expect that blend, to within a few shades.
    const expected = hex(heldColor).map((c, i) => Math.round(0.55 * c + 0.45 * basemap[i]!)) as [number, number, number];
    const distance = Math.hypot(...held.map((c, i) => c - expected[i]!));
    expect(distance, `held ${held} vs expected ${expected} over basemap ${basemap}`).toBeLessThan(25);
    expect(Math.hypot(...basemap.map((c, i) => c - held[i]!))).toBeGreaterThan(60);

    // The rendered feature under the point is the held class, and only one date's polygons are visible.
    const hit = await onMap(after.page, 'controlClassesAt', ...NEAR_SUDZHA);
    expect(hit).toEqual(['ukraine_held_in_russia']);
  });

  it('shows the area held and the snapshot in force, and says how old it is only when the source did not publish', async () => {
    // From the manifest: 2024-08-10 is a day DeepState published without a change; 2024-09-13 a day it did not publish.
    const snapshotDates = new Set(manifest.snapshots.map((s: { dateIso: string }) => s.dateIso));
    expect(snapshotDates.has('2024-08-10') || snapshotDates.has('2024-09-13')).toBe(false);
    expect(manifest.publishedUnchanged).toContain('2024-08-10');
    expect(manifest.publishedUnchanged).not.toContain('2024-09-13');
    expect(snapshotDates.has('2024-09-12')).toBe(true);

    const w = await page();
    await openApp(w, '#date=2024-08-10&map=9/51.3/35.2');
    const status = w.page.getByTestId('snapshot-status');
    expect(await status.innerText()).toContain('Showing the snapshot of 8 August 2024 (unchanged since 8 August 2024, confirmed 10 August 2024)');
    expect(await status.innerText()).not.toContain('old');
    expect(await w.page.getByTestId('measure-held').innerText()).toMatch(/^[\d,]+\.\d km²$/);

    await w.page.evaluate(() => { location.hash = '#date=2024-09-13&map=9/51.3/35.2'; });
    await w.page.waitForFunction(() => document.querySelector('[data-testid="snapshot-status"]')?.textContent?.includes('12 September 2024'));
    expect(await status.innerText()).toContain('1 day old on 13 September 2024');
  });

  it('steps with the keyboard: the date, the URL and the area figure follow; back returns', async () => {
    const w = await page();
    await openApp(w, '#date=2024-08-20&map=10/51.20/35.27');
    const heldBefore = await w.page.getByTestId('measure-held').innerText();
    const thumb = w.page.getByRole('slider', { name: 'Date' });
    await thumb.focus();
    await thumb.press('ArrowRight');
    const next = manifest.snapshots[manifest.snapshots.findIndex((s: { dateIso: string }) => s.dateIso === '2024-08-20') + 1].dateIso as string;
    await w.page.waitForFunction((d) => location.hash.startsWith(`#date=${d}&`), next);
    expect(await thumb.getAttribute('aria-valuetext')).toContain('snapshot');
    const heldAfter = await w.page.getByTestId('measure-held').innerText();
    expect(heldAfter).not.toBe(heldBefore);
    await thumb.press('Home');
    await w.page.waitForFunction(() => location.hash.startsWith('#date=2024-08-01&'));
    await thumb.press('End');
    await w.page.waitForFunction((d) => location.hash.startsWith(`#date=${d}&`), lastDateIso);
    await w.page.goBack();
    await w.page.waitForFunction(() => location.hash.startsWith('#date=2024-08-01&'));
    expect(await w.page.evaluate(() => (window as unknown as { __app: { dateIso: string } }).__app.dateIso)).toBe('2024-08-01');
    await waitForIdle(w.page);
    await saveScreenshot(w.page, 'viewer-after-keyboard');
  });

  it('shows the typed date as the page writes it, reads what a reader types, and says why it refuses the rest', async () => {
    const w = await page();
    await openApp(w, '#date=2024-08-20&map=10/51.20/35.27');
    const field = w.page.getByTestId('date-input');
    expect(await field.inputValue()).toBe('20 August 2024');
    const status = w.page.getByTestId('snapshot-status');

    await field.fill('3.9.2024');
    await field.press('Enter');
    await w.page.waitForFunction(() => location.hash.startsWith('#date=2024-09-03&'));
    expect(await field.inputValue()).toBe('3 September 2024');
    expect(await status.innerText()).toContain('3 September 2024');

    // Refused text stays in the field with the reason under it; the date does not move.
    for (const [typed, reason] of [
      ['30 February 2025', 'is not a date that exists'],
      ['yesterday', 'is not a date this field can read'],
      ['1 January 2020', 'is outside the data'],
    ] as const) {
      await field.fill(typed);
      await field.press('Enter');
      expect(await w.page.getByTestId('date-input-problem').innerText()).toContain(reason);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.inputValue()).toBe(typed);
      expect(await w.page.evaluate(() => location.hash)).toMatch(/^#date=2024-09-03&/);
    }
    // Escape gives the field back its date.
    await field.press('Escape');
    expect(await field.inputValue()).toBe('3 September 2024');
    await field.fill('2024-08-10');
    await field.press('Tab');
    await w.page.waitForFunction(() => location.hash.startsWith('#date=2024-08-10&'));
    expect(await w.page.getByTestId('date-input-problem').count()).toBe(0);

    // In Ukrainian the field writes the date as the Ukrainian page does, and reads Ukrainian month names.
    await w.page.getByTestId('ui-language').selectOption('uk');
    await w.page.waitForFunction(() => document.documentElement.lang === 'uk');
    await w.page.waitForFunction(() => (document.querySelector('[data-testid="date-input"]') as HTMLInputElement).value === '10 серпня 2024 р.');
    await field.fill('6 вересня 2024');
    await field.press('Enter');
    await w.page.waitForFunction(() => location.hash.startsWith('#date=2024-09-06&'));
  });

  it('names places and credits polygons in popups, as text', async () => {
    const w = await page();
    await openApp(w, '#date=2024-08-20&map=10/51.20/35.27');
    const sudzha = await projectToPage(w.page, 35.2726, 51.1976);
    await w.page.mouse.click(sudzha.x, sudzha.y);
    const placePopup = w.page.locator('.maplibregl-popup-content');
    await placePopup.waitFor();
    expect(await placePopup.innerText()).toContain('Ukrainian: Суджа');
    const area = await projectToPage(w.page, ...NEAR_SUDZHA);
    await w.page.mouse.click(area.x, area.y);
    await w.page.waitForFunction(() => document.querySelector('.maplibregl-popup-content')?.textContent?.includes('Held by Ukraine'));
    const text = await placePopup.innerText();
    expect(text).toContain('Source: DeepStateMap');
    expect(await placePopup.locator('a').getAttribute('href')).toBe('https://deepstatemap.live/');
    await saveScreenshot(w.page, 'viewer-popup');
  });

  it('falls back to the defaults with a visible notice on a bad link, never a blank map', async () => {
    const w = await page();
    await openApp(w, '#date=2024-02-30&map=99/1/1');
    const notices = await w.page.getByTestId('notices').innerText();
    expect(notices).toContain('"2024-02-30" is not a valid');
    expect(notices).toContain('"99/1/1"');
    expect(await w.page.evaluate(() => (window as unknown as { __app: { dateIso: string } }).__app.dateIso)).toBe(lastDateIso);
    await saveScreenshot(w.page, 'viewer-bad-link');
  });
});
