// Several mappers on one clock: the two-source permalink, the figures side by side, where they disagree (in km² and
// in pixels), and the layouts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { closer, colorAt, openApp, saveScreenshot, useBrowser, waitForIdle } from './browser';
import { diffSnapshots } from '../src/lib/domain/diff';
import { alignSourcesForDiff, sharedMeasures } from '../src/lib/domain/sources';
import { snapshotIndexOn } from '../src/lib/domain/timeline';
import { readClipRegions } from '../src/test-support/geodata';
import type { ControlFeature, DatasetManifest, Snapshot } from '../src/lib/domain/types';
import type { Page } from 'playwright-core';

const DATE = '2024-12-15';
const LINK = `#date=${DATE}&sources=deepstate,isw&map=10/51.20/35.27`;

function snapshotOn(dir: string, dateIso: string): { manifest: DatasetManifest; snapshot: Snapshot } {
  const manifest = JSON.parse(readFileSync(join('geodata', dir, 'dataset.json'), 'utf8')) as DatasetManifest;
  const entry = manifest.snapshots[snapshotIndexOn(manifest.snapshots.map((s) => s.dateIso), dateIso)]!;
  const features = (JSON.parse(readFileSync(join('geodata', dir, entry.file), 'utf8')) as { features: ControlFeature[] }).features;
  return { manifest, snapshot: { dateIso: entry.dateIso, file: entry.file, features } };
}

/** A point well inside the largest polygon of ground that only one side holds (its 0.01° neighbours inside too). */
function pointOnlyIn(change: 'lost' | 'gained'): [number, number] {
  const a = snapshotOn('kursk', DATE);
  const b = snapshotOn('kursk-isw', DATE);
  const aligned = alignSourcesForDiff(a.snapshot, b.snapshot, sharedMeasures(a.manifest.measures, b.manifest.measures));
  const diff = diffSnapshots(aligned.from, aligned.to, aligned.measures, readClipRegions('geodata/kursk'));
  const polys = diff.features.features.filter((f) => f.properties.measure === 'held' && f.properties.change === change).sort((p, q) => q.properties.areaKm2 - p.properties.areaKm2);
  for (const poly of polys) {
    const ring = poly.geometry.coordinates[0]!;
    const xs = ring.map((c) => c[0]!), ys = ring.map((c) => c[1]!);
    for (let x = Math.min(...xs); x < Math.max(...xs); x += 0.005)
      for (let y = Math.min(...ys); y < Math.max(...ys); y += 0.005) {
        const around: [number, number][] = [[x, y], [x + 0.01, y], [x - 0.01, y], [x, y + 0.01], [x, y - 0.01]];
        if (around.every((p) => booleanPointInPolygon(p, poly))) return [x, y];
      }
  }
  throw new Error(`no ${change} polygon with a point 0.01° inside`);
}

const figure = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe('three mappers on one clock', () => {
  const browser = useBrowser();

  it('opens the two-source link with both sources’ figures and their disagreement', async () => {
    const w = await browser.newPage({ width: 1440, height: 900 });
    await openApp(w, LINK);
    await w.page.getByTestId('source-measure-isw-held').waitFor({ timeout: 60_000 });
    expect(await figure(w.page, 'source-measure-deepstate-held')).toBe('520.2 km²');
    expect(await figure(w.page, 'source-measure-isw-held')).toBe('483.2 km²');
    expect(await figure(w.page, 'source-measure-deepstate-held_kursk')).toBe('520.2 km²');
    // Each source says which snapshot is in force: DeepState's of 2024-12-11, ISW's of the day.
    const status = await w.page.getByTestId('snapshot-status').textContent();
    expect(status).toMatch(/DeepState:\s*11 Dec 2024/);
    expect(status).toMatch(/ISW\/CTP:\s*15 Dec 2024/);
    await w.page.getByTestId('only-a-held').waitFor({ timeout: 60_000 });
    const num = async (id: string) => Number((await figure(w.page, id))!.replace(/[^\d.]/g, ''));
    const onlyA = await num('only-a-held'), onlyB = await num('only-b-held'), both = await num('both-held');
    expect(Math.abs(onlyA + both - 520.2)).toBeLessThan(0.15);
    expect(Math.abs(onlyB + both - 483.2)).toBeLessThan(0.15);
    expect(await figure(w.page, 'iou-held')).toMatch(/^\d+\.\d %$/);
    // The track has a row of marks per source, and the legend names the outlined source.
    expect(await w.page.getByTestId('source-row').count()).toBe(2);
    await w.page.getByTestId('legend-outline-isw').waitFor();
    await saveScreenshot(w.page, 'sources-overlay-1440');
    // The link is kept as it was opened.
    expect(await w.page.evaluate(() => location.hash)).toContain('sources=deepstate,isw');
  });

  it('draws ground only DeepState holds in DeepState’s view and not in ISW’s (pixels), and the other way round', async () => {
    const onlyDeepState = pointOnlyIn('lost');
    const onlyIsw = pointOnlyIn('gained');
    const colours: Record<string, [number, number, number][]> = {};
    for (const source of ['deepstate', 'isw']) {
      const w = await browser.newPage({ width: 1440, height: 900 });
      await openApp(w, `#date=${DATE}&sources=${source}&map=10/51.20/35.27`);
      await waitForIdle(w.page);
      colours[source] = [await colorAt(w.page, ...onlyDeepState), await colorAt(w.page, ...onlyIsw)];
    }
    const blue: [number, number, number] = [0x15, 0x65, 0xc0];
    const land: [number, number, number] = [0xf2, 0xef, 0xe9];
    expect(closer(colours.deepstate![0]!, blue, land)).toBe(true);
    expect(closer(colours.isw![0]!, land, blue)).toBe(true);
    expect(closer(colours.isw![1]!, blue, land)).toBe(true);
    expect(closer(colours.deepstate![1]!, land, blue)).toBe(true);
  });

  it('lays out one map per source side by side, in step, and stacks them on a phone', async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      const w = await browser.newPage(viewport);
      await openApp(w, `#date=${DATE}&sources=deepstate,isw,nzz&view=side&map=9/51.20/35.27`);
      await w.page.getByTestId('map-extra-2').waitFor({ timeout: 60_000 });
      await w.page.getByTestId('source-measure-nzz-held').waitFor({ timeout: 60_000 });
      expect(await figure(w.page, 'source-measure-nzz-held')).toBe('549.4 km²');
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await waitForIdle(w.page);
      await saveScreenshot(w.page, `sources-side-${viewport.width}`);
    }
  });

  it('says on ISW’s dates before 2024-12-02 that its layer is a claimed limit of advance', async () => {
    const w = await browser.newPage({ width: 1440, height: 900 });
    await openApp(w, '#date=2024-09-08&sources=isw,deepstate&map=10/51.20/35.27');
    await w.page.getByTestId('dated-label-note').first().waitFor({ timeout: 60_000 });
    expect(await w.page.getByTestId('source-figures').textContent()).toMatch(/Claimed limit of Ukrainian advance/);
    expect(await w.page.getByTestId('legend').textContent()).toMatch(/Claimed limit of Ukrainian advance/);
  });
});
