// Cold start of the built app: bytes on the wire and time until the first frame that shows control polygons.
//
// The app is built with `vite build` into bench/out/app-dist (not dist/, which the e2e tests use), served on
// 127.0.0.1 by bench/harness/server.ts — gzip for text types as a static host would, HTTP Range for the basemap
// PMTiles — and opened in a fresh browser context each run (empty cache). "First frame with polygons": the first
// animation frame at which the map's control layer has a rendered feature whose state is visible (polled every
// frame); its time is the page's performance.now() (ms since navigation start). Bytes counted: response bodies as
// sent (after gzip) that the server finished before that moment; HTTP headers not included (~0.2 KB a response).
// Budget: < 1 MB compressed before the first frame with polygons, basemap included.
import { startServer, type Served } from './harness/server';
import { APP_DIST, buildApp, launchBrowser, machineLine, ms, percentile, table } from './harness/common';

const PORT = Number(process.env.BENCH_PORT_COLD ?? 4192);
const DIST = APP_DIST;
const BUDGET_BYTES = 1_000_000;
const RUNS = Number(process.env.COLD_RUNS ?? 5);

interface ColdRun { firstMs: number; bytesBefore: number; requestsBefore: number; bytesAll: number; served: Served[]; before: Served[] }

/** Buckets a URL for the "what dominates" breakdown. */
function bucket(url: string): string {
  if (/maplibre-gl-worker/.test(url)) return 'maplibre worker (js)';
  if (/\.js$/.test(url)) return 'app + maplibre main bundle (js)';
  if (/\.css$/.test(url)) return 'css';
  if (/basemap\.pmtiles$/.test(url)) return 'basemap tiles (pmtiles ranges)';
  if (/fonts|\.pbf$/.test(url)) return 'basemap fonts (glyphs)';
  if (/snapshots\/|\.geojson$/.test(url)) return 'dataset snapshots (geojson)';
  if (/\.json$/.test(url)) return 'dataset manifest/claims (json)';
  if (/\.html$|\/$/.test(url)) return 'html';
  return 'other';
}

async function coldRun(origin: string, gzip: boolean, log: Served[]): Promise<ColdRun> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...(gzip ? {} : { extraHTTPHeaders: { 'Accept-Encoding': 'identity' } }) });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const start = log.length;
    const navAt = performance.now();
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    const firstMs = (await (await page.waitForFunction(() => {
      const w = window as unknown as { __claimsMap?: { map: { getLayer(id: string): unknown; queryRenderedFeatures(o: unknown): { state: Record<string, unknown> }[] } } };
      const m = w.__claimsMap?.map;
      if (!m || !m.getLayer('cg-control-fill')) return false;
      const hit = m.queryRenderedFeatures({ layers: ['cg-control-fill'] }).some((f) => f.state['visible'] === true);
      return hit ? performance.now() : false;
    }, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue()) as number;
    const cutoff = navAt + firstMs;
    // Let everything the first view asked for finish, then count the rest too.
    await page.waitForFunction(() => {
      const w = window as unknown as { __claimsMap?: { map: { loaded(): boolean; areTilesLoaded(): boolean } } };
      return w.__claimsMap?.map.loaded() && w.__claimsMap.map.areTilesLoaded();
    }, undefined, { timeout: 60_000 });
    await page.waitForTimeout(500);
    if (errors.length) throw new Error(`cold start: page errors: ${errors.join('; ')}`);
    await context.close();
    const served = log.slice(start);
    const before = served.filter((s) => s.at <= cutoff);
    return {
      firstMs, served, before,
      bytesBefore: before.reduce((a, s) => a + s.wireBytes, 0),
      requestsBefore: before.length,
      bytesAll: served.reduce((a, s) => a + s.wireBytes, 0),
    };
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<void> {
  console.log(machineLine());
  buildApp();
  console.log(`timed: navigation start → first animation frame with a visible control polygon rendered; bytes: bodies as sent, finished before that frame (headers excluded). Fresh context (empty cache) per run.`);
  const server = await startServer(PORT, { '/': DIST });
  const rows: (string | number)[][] = [];
  let breakdown: ColdRun | undefined;
  try {
    for (const gzip of [true, false]) {
      const runs: ColdRun[] = [];
      for (let i = 0; i < (gzip ? RUNS : 2); i++) runs.push(await coldRun(server.origin, gzip, server.log));
      const before = runs.map((r) => r.bytesBefore);
      rows.push([
        gzip ? 'built app, gzip host' : 'built app, no compression',
        runs.length,
        ms(percentile(runs.map((r) => r.firstMs), 50)), ms(percentile(runs.map((r) => r.firstMs), 95)),
        `${(percentile(before, 50) / 1e3).toFixed(0)} KB`, percentile(runs.map((r) => r.requestsBefore), 50),
        `${(percentile(runs.map((r) => r.bytesAll), 50) / 1e3).toFixed(0)} KB`,
        gzip ? (percentile(before, 50) < BUDGET_BYTES ? 'MET' : 'NOT MET') : '',
      ]);
      if (gzip) breakdown = runs[runs.length - 1];
    }
  } finally {
    await server.close();
  }
  console.log(table(['candidate', 'n', 'first polygons p50 ms', 'p95 ms', 'bytes before (p50)', 'requests', 'bytes until idle', '< 1 MB budget'], rows));
  if (breakdown) {
    const by = new Map<string, { wire: number; raw: number; n: number }>();
    for (const s of breakdown.before) {
      const b = bucket(s.url);
      const e = by.get(b) ?? { wire: 0, raw: 0, n: 0 };
      e.wire += s.wireBytes;
      e.raw += s.rawBytes;
      e.n += 1;
      by.set(b, e);
    }
    const total = breakdown.bytesBefore;
    console.log(`\nwhat the first frame downloads (gzip host, last run):`);
    console.log(table(['part', 'requests', 'on the wire', 'uncompressed', 'share'],
      [...by.entries()].sort((a, b) => b[1].wire - a[1].wire).map(([k, v]) => [k, v.n, `${(v.wire / 1e3).toFixed(0)} KB`, `${(v.raw / 1e3).toFixed(0)} KB`, `${((100 * v.wire) / total).toFixed(0)} %`])));
    const top = [...breakdown.before].sort((a, b) => b.wireBytes - a.wireBytes).slice(0, 5);
    console.log(`largest responses: ${top.map((s) => `${s.url} ${(s.wireBytes / 1e3).toFixed(0)} KB`).join(', ')}`);
  }
}
