// Compare mode end to end: a compare permalink opens with the right figures, gained and lost ground have their
// colours on the map, the swipe divider moves, and the views switch.
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import { describe, expect, it } from 'vitest';
import { onMap, colorAt, openApp, saveScreenshot, useBrowser, waitForIdle, type WatchedPage } from './browser';
import { diffSnapshots, type DiffFeature } from '../src/lib/domain/diff';
import { formatKm2 } from '../src/lib/domain/format';
import { CHANGE_COLORS } from '../src/lib/domain/change-colors';
import type { DatasetManifest, Snapshot } from '../src/lib/domain/types';

const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8')) as DatasetManifest;
const russia = JSON.parse(readFileSync('geodata/kursk/russia-land.geojson', 'utf8')).features[0].geometry;
/** The snapshot in force on a date: the last published on or before it. */
function snapshot(dateIso: string): Snapshot {
  const entry = manifest.snapshots.filter((s) => s.dateIso <= dateIso).pop()!;
  return { dateIso: entry.dateIso, file: entry.file, features: JSON.parse(readFileSync(`geodata/kursk/${entry.file}`, 'utf8')).features };
}
const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

// The expectation is computed here from the files, independently of the app's worker.
const FROM = '2024-09-03';
const TO = '2025-02-04';
const expected = diffSnapshots(snapshot(FROM), snapshot(TO), manifest.measures, { russia });

/** A point well inside the largest polygon of a change kind (its 0.01° neighbours are inside too). */
function interiorPoint(change: 'gained' | 'lost'): [number, number] {
  const polys = expected.features.features
    .filter((f) => f.properties.measure === 'held' && f.properties.change === change)
    .sort((a, b) => b.properties.areaKm2 - a.properties.areaKm2) as DiffFeature[];
  const f = polys[0]!;
  const [x0, y0, x1, y1] = bbox(f);
  const d = 0.01;
  for (let y = y0 + d; y < y1; y += d / 2) {
    for (let x = x0 + d; x < x1; x += d / 2) {
      const around: [number, number][] = [[x, y], [x + d, y], [x - d, y], [x, y + d], [x, y - d]];
      if (around.every((p) => booleanPointInPolygon(p, f))) return [x, y];
    }
  }
  throw new Error(`no interior point in the largest ${change} polygon`);
}

const { newPage } = useBrowser();

async function openCompare(hash: string): Promise<WatchedPage> {
  const w = await newPage();
  await openApp(w, hash);
  await w.page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
  await waitForIdle(w.page);
  return w;
}

describe('compare two dates', () => {
  it('opens from a compare permalink with the figures the polygons give', async () => {
    const w = await openCompare(`#compare=${FROM}..${TO}&map=10/51.20/35.27`);
    for (const m of expected.measures) {
      expect(await w.page.getByTestId(`gained-${m.measureId}`).innerText()).toBe(formatKm2(m.gainedKm2));
      expect(await w.page.getByTestId(`lost-${m.measureId}`).innerText()).toBe(formatKm2(m.lostKm2));
    }
    expect(await w.page.getByTestId('compare-table').innerText()).toContain('gained − lost');
    expect(await w.page.evaluate(() => location.hash)).toMatch(new RegExp(`^#compare=${FROM}\\.\\.${TO}&map=`));
    await saveScreenshot(w.page, 'compare-overlay');
  });

  it('draws gained and lost ground in their colours', async () => {
    const w = await openCompare(`#compare=${FROM}..${TO}&map=10/51.20/35.27`);
    for (const change of ['gained', 'lost'] as const) {
      const [lng, lat] = interiorPoint(change);
      await onMap(w.page, 'moveTo', { lon: lng, lat, zoom: 11 });
      await waitForIdle(w.page);
      const c = await colorAt(w.page, lng, lat);
      const own = hex(CHANGE_COLORS[change]);
      const other = hex(CHANGE_COLORS[change === 'gained' ? 'lost' : 'gained']);
      expect(dist(c, own), `${change} at ${lng},${lat}: ${c}`).toBeLessThan(dist(c, other));
      expect(dist(c, own)).toBeLessThan(90);
      await saveScreenshot(w.page, `compare-${change}`);
    }
  });

  it('picks the pair by clicking two snapshot marks on the track', async () => {
    const w = await openCompare(`#compare=${FROM}..${TO}&map=10/51.20/35.27`);
    const [early, late] = [manifest.snapshots[30]!.dateIso, manifest.snapshots[75]!.dateIso];
    for (const d of [early, late]) {
      const mark = w.page.locator(`.mark[data-date="${d}"]`);
      const box = (await mark.boundingBox())!;
      // A couple of pixels off the 1-px mark still lands on it.
      await w.page.mouse.click(box.x + 2, box.y + box.height / 2);
    }
    await w.page.waitForFunction((h) => location.hash.startsWith(h), `#compare=${early}..${late}&`);
    await w.page.getByTestId('compare-table').waitFor();
    expect(await w.page.getByTestId('compare-from').getAttribute('data-value')).toBe(early);
    expect(await w.page.getByTestId('compare-to').getAttribute('data-value')).toBe(late);
  });

  it('shows side by side and a swipe whose divider moves', async () => {
    const w = await openCompare(`#compare=${FROM}..${TO}&map=10/51.20/35.27`);
    await w.page.getByTestId('compare-view').selectOption('side');
    await w.page.getByTestId('map-secondary').waitFor();
    await w.page.waitForTimeout(1500);
    await saveScreenshot(w.page, 'compare-side-by-side');
    await w.page.getByTestId('compare-view').selectOption('swipe');
    const divider = w.page.getByTestId('swipe-divider');
    await divider.waitFor();
    const before = Number(await divider.getAttribute('aria-valuenow'));
    const box = (await divider.boundingBox())!;
    await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await w.page.mouse.down();
    await w.page.mouse.move(box.x - 200, box.y + box.height / 2, { steps: 5 });
    await w.page.mouse.up();
    const after = Number(await divider.getAttribute('aria-valuenow'));
    expect(after).toBeLessThan(before - 10);
    const clip = await w.page.getByTestId('map-secondary').evaluate((el) => (el as HTMLElement).style.clipPath);
    expect(clip).toMatch(/inset\(0(px)? [\d.]+% 0(px)? 0(px)?\)/);
    await divider.focus();
    await divider.press('ArrowRight');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBeGreaterThan(after);
    await w.page.waitForTimeout(1000);
    await saveScreenshot(w.page, 'compare-swipe');
  });
});
