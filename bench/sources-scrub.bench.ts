// Scrubbing with 1, 2 and 3 Kursk sources shown on one map, in the built app (its ClaimsMap, its state), in headless
// Chromium: the shipped switch (each source's polygons in a GeoJSON source once, dates switched by feature state)
// side by side with setData of each shown source's snapshot in force on every step.
//
// Timed per step, from the state's date change (`__app.setDate`) to the map's `idle` ("main": main-thread work, GL
// commands issued) and to a GPU sync right after it ("frame": a 1-px readPixels on the map's context returns only
// once every command has run, i.e. the frame that shows the date is rasterised). Each step starts from a quiet GPU
// (synced, two animation frames passed). With software GL (no GPU here) rasterisation dominates "frame": compare
// ratios, and measure "frame" again on a machine with a GPU.
// Results on this machine: `npm run bench -- sources-scrub` (ratios are the result; absolute times drift).
import { APP_DIST, buildApp, launchBrowser, machineLine, ms, percentile, table } from './harness/common';
import { startServer } from './harness/server';

const PORT = Number(process.env.BENCH_PORT_SOURCES ?? 4193);
const STEPS = Number(process.env.SOURCES_STEPS ?? 60);
const SETS = [['deepstate'], ['deepstate', 'isw'], ['deepstate', 'isw', 'nzz']];

type Mode = 'featureState' | 'setData';

interface StepTimes { mainMs: number[]; frameMs: number[] }

/** Runs in the page: scrub the first `steps` clock dates with the app's switch, or with setData per source. */
async function scrubInPage(args: { mode: Mode; steps: number }): Promise<StepTimes> {
  type Store = { datesIso: string[]; uidsBySnapshot: number[][]; features: { uid: number; classId: string; geometry: unknown }[] };
  type Map = {
    once(e: string, f: () => void): void; triggerRepaint(): void; getCanvas(): HTMLCanvasElement;
    addSource(id: string, s: unknown): void; addLayer(l: unknown): void; getLayer(id: string): unknown; getStyle(): { layers: { id: string }[] };
    setLayoutProperty(id: string, k: string, v: string): void; getSource(id: string): { setData(d: unknown): void };
  };
  const w = window as unknown as { __app: { datesIso: string[]; setDate(d: string): void; shown: { dataset: { store: Store } }[] }; __claimsMap: { map: Map } };
  const app = w.__app;
  const map = w.__claimsMap.map;
  const gl = (map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl')) as WebGLRenderingContext | null;
  const gpuSync = () => gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const stores = app.shown.map((s) => s.dataset.store);
  const dates = app.datesIso.slice(0, args.steps);
  const indexOn = (ds: string[], d: string) => { let i = -1; for (let k = 0; k < ds.length && ds[k]! <= d; k++) i = k; return i; };
  if (args.mode === 'setData') {
    // The rival draws into its own sources and layers; the app's control layers are hidden.
    for (const l of map.getStyle().layers) if (l.id.startsWith('cg-control')) map.setLayoutProperty(l.id, 'visibility', 'none');
    stores.forEach((_, k) => {
      map.addSource(`bench-${k}`, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: `bench-fill-${k}`, type: k === 0 ? 'fill' : 'line', source: `bench-${k}`, paint: k === 0 ? { 'fill-color': '#1565c0', 'fill-opacity': 0.55 } : { 'line-color': '#e65100', 'line-width': 2 } });
    });
  }
  const out: StepTimes = { mainMs: [], frameMs: [] };
  for (const d of dates) {
    gpuSync();
    await nextFrame();
    await nextFrame();
    const t0 = performance.now();
    const idle = new Promise<number>((resolve) => map.once('idle', () => resolve(performance.now())));
    if (args.mode === 'featureState') app.setDate(d);
    else
      stores.forEach((s, k) => {
        const i = indexOn(s.datesIso, d);
        const features = i < 0 ? [] : s.uidsBySnapshot[i]!.map((uid) => ({ type: 'Feature', id: uid, properties: { class: s.features[uid]!.classId }, geometry: s.features[uid]!.geometry }));
        map.getSource(`bench-${k}`).setData({ type: 'FeatureCollection', features });
      });
    map.triggerRepaint();
    const idleAt = await idle;
    gpuSync();
    out.mainMs.push(idleAt - t0);
    out.frameMs.push(performance.now() - t0);
  }
  return out;
}

export async function run(): Promise<void> {
  console.log(machineLine());
  buildApp();
  const server = await startServer(PORT, { '/': APP_DIST });
  const browser = await launchBrowser();
  const rows: (string | number)[][] = [];
  try {
    for (const ids of SETS) {
      const results: Partial<Record<Mode, StepTimes>> = {};
      for (const mode of ['featureState', 'setData'] as Mode[]) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        // tsx compiles the in-page function with esbuild's name helper (`__name`), which the page must have.
        await page.addInitScript({ content: 'window.__name = (f) => f;' });
        await page.goto(`${server.origin}/#date=2024-08-01&sources=${ids.join(',')}&map=9/51.30/35.20`);
        await page.waitForFunction((n) => {
          const w = window as unknown as { __app?: { loading: string | null; shown: unknown[]; pendingSourceIds: unknown[] }; __claimsMap?: { map: { loaded(): boolean } } };
          return w.__app?.loading === null && w.__app.shown.length === n && w.__app.pendingSourceIds.length === 0 && w.__claimsMap?.map.loaded();
        }, ids.length, { timeout: 120_000 });
        results[mode] = await page.evaluate(scrubInPage, { mode, steps: STEPS });
        await page.close();
      }
      const base = percentile(results.setData!.frameMs, 95);
      for (const mode of ['featureState', 'setData'] as Mode[]) {
        const r = results[mode]!;
        rows.push([
          `${ids.length} (${ids.join(', ')})`,
          mode === 'featureState' ? 'feature-state [shipped]' : 'setData per source',
          r.frameMs.length,
          ms(percentile(r.mainMs, 50)), ms(percentile(r.mainMs, 95)),
          ms(percentile(r.frameMs, 50)), ms(percentile(r.frameMs, 95)),
          `${(percentile(r.frameMs, 95) / base).toFixed(2)}×`,
        ]);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Scrub of the first ${STEPS} clock dates from 2024-08-01 in the built app (ms per step; software GL):`);
  console.log(table(['sources shown', 'switch', 'n', 'main p50', 'main p95', 'frame p50', 'frame p95', 'frame p95 vs setData'], rows));
}
