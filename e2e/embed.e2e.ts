// The embed page framed by a page of another origin (another localhost port), as an article would: it draws the
// polygons, scrubs by keyboard, writes nothing into the host page's history, and reports no error. The iframe is
// the snippet the Embed dialog gives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { APP_URL, saveScreenshot, useBrowser } from './browser';
import { embedSnippet } from '../src/lib/domain/embed-snippet';
import type { DatasetManifest } from '../src/lib/domain/types';

const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8')) as DatasetManifest;
const heldColor = manifest.classes.find((c) => c.id === 'ukraine_held_in_russia')!.color;
const hex = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));
const DATE = '2024-12-15';
/** Just south of Sudzha: held by Ukraine in the snapshot in force on DATE (share.e2e.ts checks it in the file). */
const POINT: [number, number] = [35.2726, 51.165];
// The point a little above the centre, so that it is on the map at any frame size and clear of the attribution
// box, which opens over the bottom of a small map.
const EMBED_SRC = `${APP_URL}embed.html#date=${DATE}&map=10/51.12/35.2726`;

/** The article: another origin, with the iframe snippet in its text. */
let host: Server;
let hostUrl = '';
beforeAll(async () => {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>An article</title></head><body><h1>An article</h1><p>Before the map.</p>${embedSnippet(EMBED_SRC, 'Claimed Ground: Kursk')}<p>After the map.</p></body></html>`;
  host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/article.html`;
});
afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

const { newPage } = useBrowser();

async function waitForEmbed(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => {
    const w = window as unknown as { __app?: { loading: string | null; dataset: unknown; areaReport: unknown }; __claimsMap?: { map: { loaded(): boolean; areTilesLoaded(): boolean } } };
    return w.__app && w.__app.loading === null && w.__app.dataset && w.__app.areaReport && w.__claimsMap?.map.loaded() && w.__claimsMap.map.areTilesLoaded();
  }, undefined, { timeout: 150_000 });
  await frame.evaluate(() => new Promise<void>((resolve) => {
    const m = (window as unknown as { __claimsMap: { map: { once(e: string, f: () => void): void; triggerRepaint(): void } } }).__claimsMap.map;
    m.once('idle', () => resolve());
    m.triggerRepaint();
  }));
}

describe('embed.html in a page of another origin', () => {
  it('is served with nothing that forbids framing', async () => {
    const res = await fetch(`${APP_URL}embed.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy') ?? '').not.toMatch(/frame-ancestors/);
    expect(await res.text()).toMatch(/<meta http-equiv="Content-Security-Policy"/);
  });

  it('draws the polygons, scrubs by keyboard, keeps the host page history, and reports no error', async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      const w = await newPage(viewport);
      await w.page.goto(hostUrl);
      expect(new URL(hostUrl).origin).not.toBe(new URL(APP_URL).origin);
      const iframe = w.page.locator('iframe');
      await iframe.waitFor();
      const frame = (await iframe.elementHandle())!.contentFrame();
      const f = (await frame)!;
      await waitForEmbed(f);

      // Only the map, the legend, the figures line and the slider.
      expect(await f.locator('[data-testid=legend]').isVisible()).toBe(true);
      expect(await f.locator('[role=slider]').count()).toBe(1);
      expect(await f.locator('header, aside, [data-testid=share-open]').count()).toBe(0);
      const line = f.locator('[data-testid=figures-line]');
      await expect.poll(() => line.innerText()).toMatch(/Held by Ukraine, in Russia: \d[\d,]*\.\d km²/);
      const before = await line.innerText();

      // Pixels: the held fill at the point, read from the host page's screenshot at the frame's offset.
      const box = (await iframe.boundingBox())!;
      const p = await f.evaluate(([lng, lat]) => (window as unknown as { __claimsMap: { map: { project(q: [number, number]): { x: number; y: number } } } }).__claimsMap.map.project([lng!, lat!]), POINT);
      const shot = await w.page.screenshot({ clip: { x: Math.round(box.x + p.x) - 2, y: Math.round(box.y + p.y) - 2, width: 5, height: 5 } });
      const { PNG } = await import('pngjs');
      const png = PNG.sync.read(shot);
      const c = [0, 1, 2].map((k) => png.data[12 * 4 + k]!);
      expect(dist(c, hex(heldColor)), `pixel ${c} at the held point`).toBeLessThan(dist([242, 240, 233], hex(heldColor)) - 40);
      await saveScreenshot(w.page, `embed-in-article-${viewport.width}`);

      // Keyboard: focus the slider's thumb and step back one snapshot.
      const historyBefore = await w.page.evaluate(() => history.length);
      await f.locator('[role=slider]').focus();
      await w.page.keyboard.press('ArrowLeft');
      await expect.poll(() => f.evaluate(() => (window as unknown as { __app: { dateIso: string } }).__app.dateIso)).not.toBe(DATE);
      const after = await f.evaluate(() => (window as unknown as { __app: { dateIso: string } }).__app.dateIso);
      expect(after < DATE).toBe(true);
      await expect.poll(() => line.innerText(), { timeout: 60_000 }).not.toBe(before);
      expect(await line.innerText()).toMatch(/Held by Ukraine, in Russia: \d/);
      expect(await w.page.evaluate(() => history.length)).toBe(historyBefore);
      expect(w.page.url()).toBe(hostUrl);
      // The embed's own link to the full view carries the new date.
      expect(await f.locator('[data-testid=figures-line] a').getAttribute('href')).toContain(`#date=${after}`);
      expect(await f.evaluate(() => (window as unknown as { __app: { notices: string[] } }).__app.notices)).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    }
  });
});
