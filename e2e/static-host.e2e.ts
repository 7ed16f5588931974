// The built app on the plainest static hosts: `python3 -m http.server` (no HTTP byte serving), and a host that
// answers every missing file with its index.html (a single-page-app fallback). The basemap and a data build's tiles
// are drawn with no console error at all, a missing file reads "not found", and a failed features.geojson is asked
// for once, not in a loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { buildData, OUTPUT_FILES } from '../scripts/lib/data-build';
import { clickHeaderTool, onMap, saveScreenshot, useBrowser, waitForMap } from './browser';

const PORT = Number(process.env.E2E_STATIC_PORT ?? 4183);
const HOST = `http://127.0.0.1:${PORT}/`;
const OUT = 'dist/e2e-static';
let server: ChildProcess | undefined;

const { newPage } = useBrowser();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  // A build whose index names features.geojson, which is not there: compare mode must fail once and say so.
  const build = buildData('geodata/kursk', { geojson: true });
  mkdirSync(`${OUT}/kursk`, { recursive: true });
  writeFileSync(`${OUT}/kursk/${OUTPUT_FILES.index}`, JSON.stringify(build.index));
  writeFileSync(`${OUT}/kursk/${OUTPUT_FILES.tiles}`, build.pmtiles);
  copyFileSync('geodata/kursk/dataset.json', `${OUT}/kursk/dataset.json`);
  copyFileSync('geodata/kursk/claims.json', `${OUT}/kursk/claims.json`);
  server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
  // Wait until it answers.
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(HOST)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('python3 -m http.server did not start');
});
afterAll(() => {
  server?.kill();
});

type AppHandle = { __app: { dataset: { manifest: { title: string }; tiles?: unknown } | null; issues: { file: string; reason: string }[]; loading: string | null } };

/** Basemap features the map has drawn in its viewport, by source layer. */
async function basemapLayersDrawn(p: Page): Promise<string[]> {
  return onMap(p, 'basemapLayersDrawn');
}

async function openUrl(p: Page, url: string): Promise<void> {
  await clickHeaderTool(p, 'open-data-button');
  await p.getByTestId('open-data-dialog').waitFor();
  await p.getByTestId('open-data-url').fill(url);
  await p.getByTestId('open-data-url-load').click();
}

describe('python3 -m http.server (no byte ranges)', () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`draws the basemap and the polygons with no console error at ${viewport.width}×${viewport.height}`, async () => {
      const w = await newPage(viewport);
      await w.page.goto(HOST);
      await waitForMap(w.page);
      await saveScreenshot(w.page, `static-host-python-${viewport.width}`);
      expect(w.consoleErrors).toEqual([]);
      expect(await basemapLayersDrawn(w.page)).toEqual(expect.arrayContaining(['boundaries', 'earth', 'places']));
      // The server ignored the range and sent the whole archive: read once, every tile answered from memory.
      expect(w.requests.filter((u) => u.endsWith('/basemap.pmtiles')).length).toBe(1);
      // Pixels: the map is not one flat colour (a blank basemap would be).
      const png = PNG.sync.read(await w.page.getByTestId('map-primary').screenshot());
      const colours = new Set<number>();
      for (let i = 0; i < 400; i++) colours.add(png.data.readUInt32BE((Math.floor((png.width * png.height * i) / 400)) * 4));
      expect(colours.size).toBeGreaterThan(5);
    });
  }

  it('draws a data build from its tiles, and asks for a missing features.geojson once, not in a loop', async () => {
    const w = await newPage();
    await w.page.goto(HOST);
    await waitForMap(w.page);
    await openUrl(w.page, `${HOST}e2e-static/kursk/index.json`);
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.dataset?.tiles !== undefined, undefined, { timeout: 60_000 });
    await waitForMap(w.page);
    expect(w.consoleErrors).toEqual([]);
    const claims = w.requests.filter((u) => u.endsWith('/claims.pmtiles'));
    expect(claims.length).toBe(1);
    await clickHeaderTool(w.page, 'compare-toggle');
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.issues.some((i) => /features\.geojson/.test(`${i.file} ${i.reason}`)), undefined, { timeout: 30_000 });
    await w.page.waitForTimeout(3000);
    const asked = w.requests.filter((u) => u.endsWith('/features.geojson'));
    expect(asked.length).toBe(1);
    // The one 404 the browser itself logs for that one request.
    expect(w.consoleErrors).toEqual([expect.stringMatching(/status of 404/)]);
    const issues = await w.page.getByTestId('issues-panel').innerText();
    expect(issues).toMatch(/features\.geojson[^\n]*not found at http:\/\/127\.0\.0\.1:\d+\/e2e-static\/kursk\/features\.geojson/);
    // The page still answers.
    expect(await w.page.evaluate(() => 1 + 1)).toBe(2);
  });
});

describe('a host that answers a missing file with its index.html', () => {
  it('a missing dataset.json reads "not found (the server returned an HTML page)", not "not JSON"', async () => {
    const w = await newPage();
    const indexHtml = readFileSync('dist/index.html');
    await w.page.route(`${HOST}spa/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: indexHtml }));
    await w.page.goto(HOST);
    await waitForMap(w.page);
    await openUrl(w.page, 'spa/data/dataset.json');
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.issues.length > 0 && (window as unknown as AppHandle).__app.loading === null, undefined, { timeout: 30_000 });
    const issues = await w.page.evaluate(() => (window as unknown as AppHandle).__app.issues.map((i) => `${i.file}: ${i.reason}`));
    expect(issues).toContain(`${HOST}spa/data/dataset.json: not found at ${HOST}spa/data/dataset.json (the server returned an HTML page)`);
    expect(issues.join('\n')).not.toMatch(/not JSON/);
  });
});
