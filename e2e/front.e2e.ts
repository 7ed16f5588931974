// The whole front (geodata/front) end to end: the permalink opens on Ukraine with land drawn around Kharkiv and
// Donetsk, DeepState's polygons, the occupied area and its share of Ukraine; the picker switches datasets and back
// with the URL and the figures right; nothing leaves localhost.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closer, colorAt, onMap, openFront, saveScreenshot, useBrowser, waitForFront, type WatchedPage } from './browser';

const manifest = JSON.parse(readFileSync('geodata/front/dataset.json', 'utf8')) as { classes: { id: string; color: string }[] };
const colorOf = (id: string) => manifest.classes.find((c) => c.id === id)!.color;
const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

const LINK = '#dataset=front&date=2024-11-20&map=6/48.50/35.50';
// West of Kharkiv (Ukrainian-held, no polygon: bare land in November 2024) and Donetsk (occupied since 2014),
// clear of their labels.
const KHARKIV: [number, number] = [35.95, 49.95];
const DONETSK: [number, number] = [37.72, 47.93];
// The basemap's colours (src/lib/map/basemap-style.ts): Ukraine's land, and the background (sea, no data).
const LAND_UKRAINE = hex('#eef1ea');
// South of Dnipro, Ukrainian-held all along: bare land, in view at phone width too.
const NEAR_DNIPRO: [number, number] = [35.2, 48.0];
const BACKGROUND = hex('#e6e6e3');

const { newPage } = useBrowser();

/** Classes of the visible control polygons rendered at a point, or anywhere in view. */
async function classesAt(page: WatchedPage['page'], at: [number, number] | null): Promise<string[]> {
  return [...new Set(at ? await onMap(page, 'controlClassesAt', ...at) : await onMap(page, 'controlClassesInView'))];
}
const classesInView = (page: WatchedPage['page']) => classesAt(page, null);

async function measureText(page: import('playwright-core').Page, id: string): Promise<string> {
  await page.getByTestId(`measure-${id}`).waitFor({ timeout: 300_000 });
  return page.getByTestId(`measure-${id}`).innerText();
}

describe('the whole front', () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`${LINK} at ${viewport.width}×${viewport.height}: land, polygons, occupied area and share`, async () => {
      const w = await newPage(viewport);
      await openFront(w, LINK);
      expect(await w.page.getByTestId('dataset-picker').inputValue()).toBe('front');
      await saveScreenshot(w.page, `front-2024-11-20-${viewport.width}`);
      if (viewport.width >= 1000) {
        const kharkiv = await colorAt(w.page, ...KHARKIV);
        const donetsk = await colorAt(w.page, ...DONETSK);
        // Land is drawn (not the background) west of Kharkiv; Donetsk carries the occupied fill blended over land.
        expect(closer(kharkiv, LAND_UKRAINE, BACKGROUND), `Kharkiv ${kharkiv}: land ${LAND_UKRAINE} expected, not background ${BACKGROUND}`).toBe(true);
        expect(dist(kharkiv, LAND_UKRAINE)).toBeLessThan(6);
        const expected = hex(colorOf('occupied_before_2022')).map((c, i) => 0.55 * c + 0.45 * kharkiv[i]!);
        expect(dist(donetsk, expected), `Donetsk ${donetsk} vs expected ${expected}`).toBeLessThan(40);
        expect(await classesAt(w.page, DONETSK)).toEqual(['occupied_before_2022']);
      } else {
        // At phone width the same link shows less (Kharkiv sits under the legend, Donetsk off screen): land south of
        // Dnipro, and occupied polygons drawn somewhere in view.
        const land = await colorAt(w.page, ...NEAR_DNIPRO);
        expect(closer(land, LAND_UKRAINE, BACKGROUND), `near Dnipro ${land}`).toBe(true);
        expect(await classesInView(w.page)).toContain('russian_occupied');
      }
      // The figures: occupied (all) and its share of Ukraine's 603,628 km².
      const occupied = await measureText(w.page, 'occupied');
      const km2 = Number(occupied.split(' km²')[0]!.replace(/,/g, ''));
      expect(km2).toBeGreaterThan(100_000);
      expect(km2).toBeLessThan(125_000);
      const share = await w.page.getByTestId('share-occupied').innerText();
      expect(share).toMatch(/^1\d\.\d\d % of Ukraine$/);
      expect(Number(share.split(' ')[0])).toBeCloseTo((100 * km2) / 603_628, 1);
      expect(await w.page.getByTestId('area-by-region').innerText()).toMatch(/Donetsk/);
      // The data panel says what `npm run validate -- geodata/front` says: 42 repaired polygons, 216 rewound rings,
      // nothing else (a validity record that did not fit would add its warning, and JTS for every polygon).
      const issues = await w.page.evaluate(() => (window as unknown as { __app: { issues: { file: string; reason: string }[] } }).__app.issues.map((i) => `${i.file}: ${i.reason}`));
      expect(issues.filter((i) => !/wound the wrong way|invalid geometry \(OGC simple features\)/.test(i))).toEqual([]);
      expect(issues).toHaveLength(258);
      await saveScreenshot(w.page, `front-2024-11-20-${viewport.width}-figures`);
    }, 900_000);
  }

  it('switches to Kursk and back: URL and figures follow', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openFront(w, LINK);
    const occupied = await measureText(w.page, 'occupied');
    await w.page.getByTestId('dataset-picker').selectOption('kursk');
    await w.page.waitForFunction(() => (window as unknown as { __app: { collectionId: string; dataset: { manifest: { id: string } } | null; loading: string | null } }).__app.dataset?.manifest.id === 'kursk-2024', undefined, { timeout: 400_000 });
    await waitForFront(w.page);
    await saveScreenshot(w.page, 'front-switched-to-kursk');
    await w.page.waitForFunction(() => !location.hash.includes('dataset='));
    expect(await w.page.evaluate(() => location.hash)).toMatch(/^#date=2024-11-20&map=/);
    await w.page.getByTestId('measure-held').waitFor();
    await w.page.getByTestId('dataset-picker').selectOption('front');
    await w.page.waitForFunction(() => (window as unknown as { __app: { dataset: { manifest: { id: string } } | null } }).__app.dataset?.manifest.id === 'front', undefined, { timeout: 400_000 });
    await w.page.waitForFunction(() => location.hash.startsWith('#dataset=front&date=2024-11-20&map='));
    await waitForFront(w.page);
    expect(await measureText(w.page, 'occupied')).toBe(occupied);
    await saveScreenshot(w.page, 'front-after-switch');
  }, 900_000);
});
