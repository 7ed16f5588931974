// Share and cite end to end: the picture (screen and 2×, one date and side by side) has the map's polygons and the
// legend in its pixels, the link goes to the clipboard, the citation names what it should, and every data file
// opens and carries the credits and dates.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickHeaderTool, onMap, openApp, useBrowser, waitForIdle, type WatchedPage } from './browser';
import type { DatasetManifest } from '../src/lib/domain/types';

const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8')) as DatasetManifest;
const deepstate = manifest.sources[0]!;
const heldColor = manifest.classes.find((c) => c.id === 'ukraine_held_in_russia')!.color;
const hex = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

const DATE = '2024-12-15';
/** The snapshot in force on DATE: the last published on or before it (from the manifest, not the app). */
const SNAPSHOT = manifest.snapshots.filter((s) => s.dateIso <= DATE).pop()!.dateIso;
/** A point just south of Sudzha, held by Ukraine in the snapshot in force (checked against the file below). */
const POINT: [number, number] = [35.2726, 51.165];
const HASH = `#date=${DATE}&map=10/51.20/35.27`;

const { newPage } = useBrowser();

async function openShare(w: WatchedPage, tab: 'image' | 'cite' | 'data' | 'embed'): Promise<void> {
  if (!(await w.page.getByTestId('share-dialog').isVisible())) await clickHeaderTool(w.page, 'share-open');
  await w.page.getByTestId(`share-tab-${tab}`).click();
}

/** Click a button that starts a download; returns the file's name and bytes. */
async function downloadOf(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(testId).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** The median colour of a 5×5 patch of a PNG around (x, y) device px. */
function pngColor(png: PNG, x: number, y: number): number[] {
  const ch: number[][] = [[], [], []];
  for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
    const i = ((Math.round(y) + dy) * png.width + Math.round(x) + dx) * 4;
    for (let c = 0; c < 3; c++) ch[c]!.push(png.data[i + c]!);
  }
  return ch.map((a) => a.sort((p, q) => p - q)[12]!);
}

/** The map's CSS size and where POINT and the legend's first swatch are, in map-relative CSS px. */
async function mapGeometry(page: Page): Promise<{ width: number; height: number; point: { x: number; y: number } }> {
  return { ...(await onMap(page, 'containerSize')), point: await onMap(page, 'project', ...POINT) };
}

/** Keep a copy for a person to look at (e2e/screenshots/ is git-ignored). */
function keep(name: string, bytes: Buffer): void {
  mkdirSync('e2e/screenshots', { recursive: true });
  writeFileSync(`e2e/screenshots/${name}`, bytes);
}

describe('share: the picture', () => {
  it('the expectation holds: the point is held by Ukraine in the snapshot in force', () => {
    const snap = JSON.parse(readFileSync(`geodata/kursk/snapshots/${SNAPSHOT}.geojson`, 'utf8'));
    expect(snap.features.filter((f: never) => booleanPointInPolygon(POINT, f)).map((f: { properties: { class: string } }) => f.properties.class)).toEqual(['ukraine_held_in_russia']);
  });

  it('downloads a PNG of the map size whose pixels show the polygons and the legend, at 1× and 2×', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, HASH);
    await w.page.getByTestId('measure-held').waitFor({ timeout: 60_000 });
    const geo = await mapGeometry(w.page);
    await openShare(w, 'image');

    const one = await downloadOf(w.page, 'download-image');
    expect(one.name).toBe(`kursk-2024_date_${DATE}_map.png`);
    keep(one.name, one.bytes);
    const png1 = PNG.sync.read(one.bytes);
    // The credits are also in the file's text chunks (iTXt, UTF-8).
    const text = one.bytes.toString('utf8');
    expect(text).toContain(`Copyright\0\0\0\0\0${deepstate.attribution}. Licence: ${deepstate.licenceStatus}`);
    expect(text).toMatch(new RegExp(`Source\0\0\0\0\0http://127\\.0\\.0\\.1:\\d+/#date=${DATE}&map=`));
    expect(png1.width).toBe(Math.round(geo.width));
    // The caption goes below the map.
    expect(png1.height).toBeGreaterThan(Math.round(geo.height) + 100);
    const basemapish = pngColor(png1, 5, geo.height - 5);
    const held = pngColor(png1, geo.point.x, geo.point.y);
    // The held fill over the basemap (55 % fill): nearer the class colour than the bare basemap is.
    expect(dist(held, hex(heldColor)), `held pixel ${held}`).toBeLessThan(dist(basemapish, hex(heldColor)) - 40);
    // The legend's first swatch (drawn at 10 + 7 px from the corner, 13 px square): the first class's colour at 85 %.
    const swatch = pngColor(png1, 10 + 7 + 6.5, 10 + 7 + 6.5);
    const firstClass = hex(manifest.classes[0]!.color).map((c) => 0.85 * c + 0.15 * 255);
    expect(dist(swatch, firstClass), `legend swatch ${swatch}`).toBeLessThan(20);
    // The caption's background is white and it has dark text on it somewhere in its first lines.
    const captionRow = Array.from({ length: png1.width }, (_, x) => pngColor(png1, Math.max(2, Math.min(png1.width - 3, x)), geo.height + 24));
    expect(captionRow.some((c) => c[0]! < 100)).toBe(true);

    const two = await downloadOf(w.page, 'download-image-2x');
    expect(two.name).toBe(`kursk-2024_date_${DATE}_map@2x.png`);
    keep(two.name, two.bytes);
    const png2 = PNG.sync.read(two.bytes);
    expect(png2.width).toBe(2 * png1.width);
    expect(Math.abs(png2.height - 2 * png1.height)).toBeLessThanOrEqual(2);
    const held2 = pngColor(png2, 2 * geo.point.x, 2 * geo.point.y);
    expect(dist(held2, held), `2× held pixel ${held2} vs 1× ${held}`).toBeLessThan(30);
    // The map on screen is back at its own pixel ratio.
    expect(await onMap(w.page, 'pixelRatio')).toBe(1);
    expect(await w.page.getByTestId('share-status').innerText()).toContain('Saved');
  });

  it('on a phone (390×844): the picture is as wide as the map, with the polygons', async () => {
    const w = await newPage({ width: 390, height: 844 });
    await openApp(w, HASH);
    await w.page.getByTestId('measure-held').waitFor({ timeout: 60_000 });
    const geo = await mapGeometry(w.page);
    await openShare(w, 'image');
    const file = await downloadOf(w.page, 'download-image');
    keep(`phone-${file.name}`, file.bytes);
    const png = PNG.sync.read(file.bytes);
    expect(png.width).toBe(Math.round(geo.width));
    const held = pngColor(png, geo.point.x, geo.point.y);
    expect(dist(held, hex(heldColor)), `held pixel ${held}`).toBeLessThan(dist([242, 240, 233], hex(heldColor)) - 40);
  });

  it('draws both maps of the side-by-side view, each with its date', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#compare=2024-08-10..2025-02-04&map=10/51.20/35.27');
    await w.page.getByTestId('compare-table').waitFor({ timeout: 90_000 });
    await w.page.getByTestId('compare-view').selectOption('side');
    await w.page.getByTestId('map-secondary').waitFor();
    await w.page.waitForFunction(() => {
      const c = document.querySelector('[data-testid=map-secondary] canvas');
      return c && c.clientWidth > 0;
    });
    await waitForIdle(w.page);
    const frame = await w.page.getByTestId('map-primary').boundingBox();
    const secondary = await w.page.getByTestId('map-secondary').boundingBox();
    await openShare(w, 'image');
    const file = await downloadOf(w.page, 'download-image');
    expect(file.name).toBe('kursk-2024_compare-side_2024-08-10_2025-02-04_map.png');
    keep(file.name, file.bytes);
    const png = PNG.sync.read(file.bytes);
    expect(Math.abs(png.width - (frame!.width + secondary!.width))).toBeLessThanOrEqual(2);
    // Near Sudzha: bare basemap on the "from" side (the snapshot of 2024-08-08 had not reached it; checked in
    // the data above for the to side), held on the "to" side. Both maps have the same size and camera.
    const geo = await mapGeometry(w.page);
    const from = pngColor(png, geo.point.x, geo.point.y);
    const to = pngColor(png, secondary!.width + geo.point.x, geo.point.y);
    expect(dist(to, hex(heldColor)), `to ${to}, from ${from}`).toBeLessThan(dist(from, hex(heldColor)) - 40);
  });
});

describe('share: several sources', () => {
  it('pictures two sources side by side and credits and cites both', async () => {
    const isw = JSON.parse(readFileSync('geodata/kursk-isw/dataset.json', 'utf8')) as DatasetManifest;
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, `#date=${DATE}&sources=deepstate,isw&view=side&map=10/51.20/35.27`);
    await w.page.getByTestId('map-secondary').waitFor({ timeout: 90_000 });
    await w.page.waitForFunction(() => {
      const a = (window as unknown as { __app: { onDate: { report: unknown; inForce: { index: number } }[] } }).__app;
      return a.onDate.length === 2 && a.onDate.every((s) => s.report || s.inForce.index < 0);
    }, undefined, { timeout: 90_000 });
    await waitForIdle(w.page);
    const frame = await w.page.getByTestId('map-primary').boundingBox();
    const second = await w.page.getByTestId('map-secondary').boundingBox();
    await openShare(w, 'image');
    const file = await downloadOf(w.page, 'download-image');
    expect(file.name).toBe(`kursk-2024+${isw.id}_sources-side_${DATE}_map.png`);
    keep(file.name, file.bytes);
    const png = PNG.sync.read(file.bytes);
    expect(Math.abs(png.width - (frame!.width + second!.width))).toBeLessThanOrEqual(2);
    expect(file.bytes.toString('utf8')).toContain(isw.sources[0]!.attribution);
    await openShare(w, 'cite');
    const text = await w.page.getByTestId('citation-text').innerText();
    expect(text.startsWith(`${deepstate.name}; ${isw.sources[0]!.name}. `)).toBe(true);
    expect(text).toContain(`${isw.sources[0]!.name}: 15 December 2024 (snapshot of `);
    await openShare(w, 'data');
    const figures = await downloadOf(w.page, 'export-figures');
    const csv = figures.bytes.toString('utf8');
    expect(csv).toContain(`#   attribution: ${isw.sources[0]!.attribution}`);
    expect(csv).toMatch(new RegExp(`\\r\\n${isw.id},${DATE},\\d{4}-\\d{2}-\\d{2},measure,`));
  });
});

describe('share: link and citation', () => {
  it('copies the permalink with a visible confirmation', async () => {
    const w = await newPage({ width: 390, height: 844 });
    await w.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(w, HASH);
    await clickHeaderTool(w.page, 'copy-link');
    await expect.poll(() => w.page.getByTestId('copy-link-status').innerText()).toBe('Link copied');
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    const expected = await w.page.evaluate(() => `${location.origin}${location.pathname}${location.hash}`);
    expect(copied).toBe(expected);
    expect(copied).toMatch(new RegExp(`/#date=${DATE}&map=10/51\\.20*/35\\.270*$`));
  });

  it('cites the view with source, dates, snapshot, method, app and version, permalink and access date', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    // The link as a reader types it: a date only (the app adds the default view).
    await openApp(w, `#date=${DATE}`);
    await openShare(w, 'cite');
    const text = await w.page.getByTestId('citation-text').innerText();
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const today = new Date().toISOString().slice(0, 10);
    expect(text).toContain(`${deepstate.name}. ${manifest.title}: control areas on 15 December 2024.`);
    expect(text).toContain(`(snapshot of ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(SNAPSHOT))})`);
    expect(text).toContain(`Claimed Ground ${version} with Turf spherical area`);
    expect(text).toMatch(new RegExp(`http://127\\.0\\.0\\.1:\\d+/#date=${DATE}&map=`));
    expect(text).toContain('(accessed ');
    const bib = await w.page.getByTestId('citation-bibtex').innerText();
    expect(bib).toMatch(/^@misc\{kursk2024_20241215,/);
    expect(bib).toContain(`urldate = {${today}}`);
    const csl = JSON.parse(await w.page.getByTestId('citation-csl').innerText());
    expect(csl[0]).toMatchObject({ type: 'dataset', version, author: [{ literal: deepstate.name }] });
    writeFileSync('e2e/screenshots/citation-2024-12-15.txt', `${text}\n\n${bib}\n${JSON.stringify(csl, null, 2)}\n`);
  });
});

describe('share: data files', () => {
  /** A CSV's comment lines and its rows. */
  const parseCsv = (bytes: Buffer) => {
    const lines = bytes.toString('utf8').split('\r\n').filter((l) => l !== '');
    return { comments: lines.filter((l) => l.startsWith('#')), rows: lines.filter((l) => !l.startsWith('#')) };
  };
  const expectCredits = (comments: string[]) => {
    expect(comments).toContain(`#   attribution: ${deepstate.attribution}`);
    expect(comments).toContain(`#   licence status: ${deepstate.licenceStatus}`);
    expect(comments.some((c) => c.startsWith('# permalink: http://127.0.0.1:'))).toBe(true);
  };

  it('one date: the snapshot in force, the figures on screen and the area series, each with credits and dates', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, HASH);
    await w.page.getByTestId('measure-held').waitFor({ timeout: 60_000 });
    await openShare(w, 'data');
    const sizes: Record<string, number> = {};

    const snap = await downloadOf(w.page, 'export-snapshot');
    sizes[snap.name] = snap.bytes.length;
    expect(snap.name).toBe(`kursk-2024_date_${DATE}_snapshot.geojson`);
    const fc = JSON.parse(snap.bytes.toString('utf8'));
    const file = JSON.parse(readFileSync(`geodata/kursk/snapshots/${SNAPSHOT}.geojson`, 'utf8'));
    expect(fc.features).toHaveLength(file.features.length);
    expect(fc.claimedGround).toMatchObject({ datesAskedFor: [DATE], layers: [{ source: deepstate.name, snapshots: [{ askedFor: DATE, snapshot: SNAPSHOT }] }] });
    expect(fc.claimedGround.sources[0]).toEqual({ name: deepstate.name, url: deepstate.url, licenceStatus: deepstate.licenceStatus, attribution: deepstate.attribution });
    expect(fc.features[0].properties).toMatchObject({ snapshotDate: SNAPSHOT, askedFor: DATE });

    const figures = await downloadOf(w.page, 'export-figures');
    sizes[figures.name] = figures.bytes.length;
    const f = parseCsv(figures.bytes);
    expectCredits(f.comments);
    expect(f.comments).toContain(`# dates asked for: ${DATE}`);
    expect(f.comments).toContain(`# snapshots used (${deepstate.name}): ${DATE} → ${SNAPSHOT}`);
    const shownHeld = (await w.page.getByTestId('measure-held').innerText()).replace(/[^\d.]/g, '');
    const heldRow = f.rows.find((r) => r.includes(',measure,held,'))!;
    expect(Number(heldRow.split(',').pop()).toFixed(1)).toBe(Number(shownHeld).toFixed(1));

    const series = await downloadOf(w.page, 'export-series');
    sizes[series.name] = series.bytes.length;
    const s = parseCsv(series.bytes);
    expectCredits(s.comments);
    expect(s.rows[0]).toBe(`dataset,snapshot_date,${manifest.measures.map((m) => `${m.id}_km2`).join(',')}`);
    expect(s.rows.slice(1).map((r) => r.split(',')[1])).toEqual(manifest.snapshots.map((x) => x.dateIso));
    expect(s.rows.find((r) => r.split(',')[1] === SNAPSHOT)!.split(',')[2]).toBe(heldRow.split(',').pop());
    writeFileSync('e2e/screenshots/export-sizes-date.json', JSON.stringify(sizes, null, 2));
  });

  it('compare: the existing exports (polygons and figures) and both snapshots carry credits and both pairs of dates', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#compare=2024-09-05..2025-02-04&map=10/51.20/35.27');
    await w.page.getByTestId('compare-table').waitFor({ timeout: 90_000 });
    const sizes: Record<string, number> = {};
    const csv = await downloadOf(w.page, 'export-csv');
    sizes[csv.name] = csv.bytes.length;
    expect(csv.name).toBe('kursk-2024_compare-overlay_2024-09-05_2025-02-04_diff.csv');
    const c = parseCsv(csv.bytes);
    expectCredits(c.comments);
    expect(c.comments).toContain('# dates asked for: 2024-09-05, 2025-02-04');
    const gj = await downloadOf(w.page, 'export-geojson');
    sizes[gj.name] = gj.bytes.length;
    const diff = JSON.parse(gj.bytes.toString('utf8'));
    expect(diff.claimedGround).toMatchObject({ datesAskedFor: ['2024-09-05', '2025-02-04'], fromSnapshot: manifest.snapshots.filter((s) => s.dateIso <= '2024-09-05').pop()!.dateIso, toSnapshot: manifest.snapshots.filter((s) => s.dateIso <= '2025-02-04').pop()!.dateIso });
    expect(diff.claimedGround.sources.map((s: { attribution: string }) => s.attribution)).toEqual(manifest.sources.map((s) => s.attribution));
    await openShare(w, 'data');
    const both = await downloadOf(w.page, 'export-snapshot');
    sizes[both.name] = both.bytes.length;
    const fc = JSON.parse(both.bytes.toString('utf8'));
    expect(new Set(fc.features.map((x: { properties: { askedFor: string } }) => x.properties.askedFor))).toEqual(new Set(['2024-09-05', '2025-02-04']));
    writeFileSync('e2e/screenshots/export-sizes-compare.json', JSON.stringify(sizes, null, 2));
  });
});
