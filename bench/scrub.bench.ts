// Snapshot switch while scrubbing, in headless Chromium: four ways of showing date i on a MapLibre map, side by
// side, on the Kursk daily set (94), the whole front weekly (175) and a seeded synthetic daily archive (1,400).
//
// Timed: from the slider's `input` event (dispatched in the page, whose handler makes the switch) to the map's
// `idle` followed by a GPU sync (a 1-px readPixels, which returns only when every GL command issued so far has
// run): the frame that shows the new snapshot, rasterised ("frame"). Also to `idle` alone ("main": the main
// thread's part; with software GL most of a frame's cost is rasterisation, which `idle` does not wait for). The
// scrub steps through the snapshots in order, each step starting from a quiet GPU (previous work synced, two
// animation frames passed), so steps do not overlap (a user dragging faster would skip dates).
// Slow candidates stop after BUDGET_MS of timed steps: n says how many steps were measured.
//
// Candidates: (1) setData with the new snapshot; (2) one GeoJSON source of every distinct polygon (the store) +
// setFilter on first ≤ i ≤ last; (3) the same source + feature state, what the app ships (switchSet from
// src/lib/domain/snapshot-store.ts, imported into the page); (4) the PMTiles archive of `npm run build:data`
// (same distinct polygons as vector tiles, promoteId uid) + the same feature-state switch.
//
// Results on this machine: see docs/performance.md (ratios are the result; absolute times drift).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSnapshotStore } from '../src/lib/domain/snapshot-store';
import type { Issue, Snapshot } from '../src/lib/domain/types';
import { openDataset, readSnapshot, type DatasetInput } from '../scripts/lib/dataset-input';
import { buildData, uidsBySnapshotFromRuns, type BuildDataResult, type DataIndex } from '../scripts/lib/data-build';
import { generateSyntheticArchive } from '../scripts/gen-synthetic-archive';
import { frontWeeklyDir } from './harness/front-weekly';
import { startServer, type BenchServer } from './harness/server';
import { BENCH_DIR, OUT, REPO, browserProcessMemory, bundleHarness, launchBrowser, machineLine, mb, ms, percentile, table } from './harness/common';

type Approach = 'repaint' | 'setData' | 'filter' | 'featureState' | 'pmtilesState';
const LABEL: Record<Approach, string> = {
  repaint: '(0) floor: repaint, no change',
  setData: '(1) setData per snapshot',
  filter: '(2) one source + setFilter',
  featureState: '(3) one source + feature-state [shipped]',
  pmtilesState: '(4) PMTiles + feature-state',
};
/** Timed steps per candidate stop after this long (the slow ones would otherwise take minutes). */
const BUDGET_MS = Number(process.env.SCRUB_BUDGET_MS ?? 25_000);
/** Snapshots setData preloads (parsed in the page) before timing: more than the budget lets it reach. */
const PRELOAD = 200;
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const SYNTH_DIR = join(OUT, 'synthetic-archive');
const SYNTH = { days: 1400, seed: 7 };

interface Prepared {
  id: string;
  title: string;
  input: DatasetInput;
  index: DataIndex;
  build: BuildDataResult['report'] & { buildMs?: number; cached: boolean };
  pmtiles: Uint8Array;
  /** Distinct polygons as GeoJSON text (uid, class, first, last), for candidates 2 and 3. */
  storeJson: string;
  snapshotsCount: number;
  approaches: Approach[];
  targetP95?: number;
}

/** Build (or reuse from bench/out/data/<id>/) the data build of a dataset; BENCH_REBUILD=1 forces a rebuild. */
function prepare(id: string, title: string, dir: string, approaches: Approach[], targetP95?: number): Prepared {
  const outDir = join(OUT, 'data', id);
  const input = openDataset(dir);
  const reportPath = join(outDir, 'bench-build.json');
  let index: DataIndex;
  let pmtiles: Uint8Array;
  let storeJson: string;
  let build: Prepared['build'];
  if (process.env.BENCH_REBUILD !== '1' && existsSync(reportPath)) {
    const saved = JSON.parse(readFileSync(reportPath, 'utf8')) as { report: Prepared['build']; entries: number };
    if (saved.entries !== input.entries.length) throw new Error(`${outDir}: stale build (${saved.entries} snapshots, ${input.entries.length} now); rerun with BENCH_REBUILD=1`);
    index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as DataIndex;
    pmtiles = readFileSync(join(outDir, 'claims.pmtiles'));
    storeJson = readFileSync(join(outDir, 'features.geojson'), 'utf8');
    build = { ...saved.report, cached: true };
  } else {
    const t = performance.now();
    const r = buildData(input, { geojson: true });
    const buildMs = performance.now() - t;
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.json'), JSON.stringify(r.index));
    writeFileSync(join(outDir, 'claims.pmtiles'), r.pmtiles);
    writeFileSync(join(outDir, 'features.geojson'), r.geojson!);
    writeFileSync(reportPath, JSON.stringify({ entries: input.entries.length, report: { ...r.report, buildMs } }));
    index = r.index;
    pmtiles = r.pmtiles;
    storeJson = r.geojson!;
    build = { ...r.report, buildMs, cached: false };
  }
  return { id, title, input, index, build, pmtiles, storeJson, snapshotsCount: index.datesIso.length, approaches, targetP95 };
}

/** Checks the run table in the build equals buildSnapshotStore's on the real snapshots (the app's own store). */
function checkAgainstStore(p: Prepared): string {
  const issues: Issue[] = [];
  const snaps: Snapshot[] = p.input.entries.map((e) => readSnapshot(p.input, e, issues));
  const store = buildSnapshotStore(snaps);
  const same = JSON.stringify(store.uidsBySnapshot) === JSON.stringify(uidsBySnapshotFromRuns(p.index.runs, p.snapshotsCount));
  return same ? 'run table = buildSnapshotStore(all snapshots) ✓' : 'run table DIFFERS from buildSnapshotStore ✗';
}

function mount(server: BenchServer, p: Prepared): void {
  const base = `/data/${p.id}/`;
  const uids = uidsBySnapshotFromRuns(p.index.runs, p.snapshotsCount);
  server.routes.set(`${base}store.json`, p.storeJson);
  server.routes.set(`${base}uids.json`, JSON.stringify(uids));
  server.routes.set(`${base}claims.pmtiles`, p.pmtiles);
  server.routes.set(`${base}snapshots.json`, (q) => {
    const from = Number(q.get('from') ?? 0);
    const count = Number(q.get('count') ?? p.snapshotsCount);
    const issues: Issue[] = [];
    const list = p.input.entries.slice(from, from + count).map((e) => {
      const s = readSnapshot(p.input, e, issues);
      return { type: 'FeatureCollection', features: s.features.map((f) => ({ type: 'Feature', properties: { class: f.properties.class }, geometry: f.geometry })) };
    });
    return JSON.stringify(list);
  });
}

interface Result { approach: Approach; n: number; of: number; frame: number[]; idle: number[]; work: number[]; heap: number; rendererRss: number; gpuRss: number; visible: number; setupMs: number }

async function scrub(server: BenchServer, p: Prepared, approach: Approach): Promise<Result> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/harness/scrub.html`);
    await page.waitForFunction(() => 'x' in { x: (window as unknown as { __bench?: unknown }).__bench } && (window as unknown as { __bench?: unknown }).__bench !== undefined);
    const t0 = performance.now();
    await page.evaluate((o) => (window as unknown as { __bench: { setup(o: unknown): Promise<unknown> } }).__bench.setup(o), {
      approach, base: `/data/${p.id}/`, bounds: p.index.tiles.bounds, classes: p.index.classIds,
    });
    const setupMs = performance.now() - t0;
    const steps = p.snapshotsCount - 1;
    if (approach === 'setData') {
      // The app would hold the snapshots parsed; load as many as the time budget can use, before timing.
      await page.evaluate((c) => (window as unknown as { __bench: { preload(f: number, c: number): Promise<void> } }).__bench.preload(0, c), Math.min(p.snapshotsCount, PRELOAD));
    }
    const stepFn = (i: number) => page.evaluate((k) => (window as unknown as { __bench: { step(i: number): Promise<{ frameMs: number; idleMs: number }> } }).__bench.step(k), i);
    await stepFn(0); // first display: not timed (loading)
    const last = approach === 'setData' ? Math.min(steps, PRELOAD - 1) : steps;
    const { frameMs: frame, mainMs: idle, workMs: work } = await page.evaluate(
      ([to, budget]) => (window as unknown as { __bench: { scrub(f: number, t: number, b: number): Promise<{ frameMs: number[]; mainMs: number[]; workMs: number[] }> } }).__bench.scrub(1, to!, budget!),
      [last, BUDGET_MS],
    );
    const visible = await page.evaluate(() => (window as unknown as { __bench: { visibleCount(): number } }).__bench.visibleCount());
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.getMetrics').catch(async () => {
      await cdp.send('Performance.enable');
      return cdp.send('Performance.getMetrics');
    })) as { metrics: { name: string; value: number }[] };
    let heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    if (!Number.isFinite(heap) || heap === 0) {
      await cdp.send('Performance.enable');
      const m2 = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      heap = m2.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    }
    const mem = await browserProcessMemory(browser);
    if (errors.length) throw new Error(`${p.id}/${approach}: page errors: ${errors.join('; ')}`);
    await context.close();
    return { approach, n: frame.length, of: steps, frame, idle, work, heap, ...mem, visible, setupMs };
  } finally {
    await browser.close();
  }
}

function report(p: Prepared, results: Result[]): void {
  const shipped = results.find((r) => r.approach === 'featureState') ?? results.find((r) => r.approach === 'pmtilesState')!;
  const sp95 = percentile(shipped.frame, 95);
  const s = p.index.stats;
  console.log(`\n### ${p.title}: ${p.snapshotsCount} snapshots; ${s.publishedFeatures} published features → ${s.storedFeatures} distinct ` +
    `(${s.publishedVertices.toLocaleString('en')} → ${s.storedVertices.toLocaleString('en')} vertices)`);
  console.log(table(
    ['candidate', 'n', 'frame p50', 'frame p95', 'main p50', 'main p95', 'work p95', 'p50 ×shipped', 'p95 ×shipped', 'main p95 ×shipped', 'load ms', 'JS heap', 'renderer RSS', 'GPU RSS'],
    results.map((r) => {
      const p50 = percentile(r.frame, 50);
      const p95 = percentile(r.frame, 95);
      return [LABEL[r.approach], `${r.n}/${r.of}`, ms(p50), ms(p95), ms(percentile(r.idle, 50)), ms(percentile(r.idle, 95)), ms(percentile(r.work, 95)),
        (p50 / percentile(shipped.frame, 50)).toFixed(1), (p95 / sp95).toFixed(1), (percentile(r.idle, 95) / percentile(shipped.idle, 95)).toFixed(1), ms(r.setupMs), mb(r.heap), mb(r.rendererRss), mb(r.gpuRss)];
    }),
  ));
  const setData = results.find((r) => r.approach === 'setData');
  const checks: string[] = [];
  const floor = results.find((r) => r.approach === 'repaint');
  const mp95 = percentile(shipped.idle, 95);
  if (p.targetP95 !== undefined) {
    checks.push(`shipped frame p95 ${ms(sp95)} ms ${sp95 <= p.targetP95 ? '≤' : '>'} ${p.targetP95} ms target: ${sp95 <= p.targetP95 ? 'MET' : 'NOT MET'}` +
      (floor ? ` (a repaint with no change alone takes p95 ${ms(percentile(floor.frame, 95))} ms here: software GL)` : ''));
    const wp95 = percentile(shipped.work, 95);
    checks.push(`shipped main-thread p95 ${ms(mp95)} ms (incl. the wait for the next vsync) ${mp95 <= p.targetP95 ? '≤' : '>'} ${p.targetP95} ms: ${mp95 <= p.targetP95 ? 'met' : 'not met'}; ` +
      `its work in the frame p95 ${ms(wp95)} ms: ${wp95 <= p.targetP95 ? 'within' : 'over'} one ${p.targetP95} ms budget`);
  }
  if (setData) {
    const ratio = percentile(setData.frame, 95) / sp95;
    const mratio = percentile(setData.idle, 95) / mp95;
    checks.push(`setData p95 / shipped p95 = ${ratio.toFixed(1)}× frame, ${mratio.toFixed(1)}× main thread (target ≥ 5×): ${ratio >= 5 ? 'MET' : 'NOT MET'} on frames, ${mratio >= 5 ? 'met' : 'not met'} on the main thread`);
  }
  if (checks.length) console.log(checks.map((c) => `  ${c}`).join('\n'));
}

export async function run(): Promise<void> {
  console.log(machineLine());
  console.log(`timed: slider input event → map 'idle' + GPU sync (readPixels): the new snapshot's frame rasterised ("frame"); ` +
    `→ 'idle' alone ("main", main thread only, includes the wait for the next vsync); "work": from the start of that next frame to 'idle'; sequential scrub from snapshot 0, each step from a quiet GPU; a candidate stops after ${BUDGET_MS / 1000} s of steps (n = steps measured / steps in a full scrub). ` +
    `Memory after the scrub: main-thread JS heap (CDP JSHeapUsedSize, after GC; workers not included), RSS of renderer and GPU processes.`);
  mkdirSync(join(OUT, 'harness'), { recursive: true });
  await bundleHarness(join(BENCH_DIR, 'harness/scrub-page.ts'), join(OUT, 'harness/scrub-page.js'));

  const all: Approach[] = ['repaint', 'setData', 'filter', 'featureState', 'pmtilesState'];
  const datasets = [prepare('kursk', 'Kursk daily (geodata/kursk)', join(REPO, 'geodata/kursk'), all, 16.7)];
  const front = frontWeeklyDir();
  if ('skipped' in front) {
    console.log(`(whole front weekly and the synthetic archive made from it skipped: ${front.skipped})`);
  } else {
    // Seeded synthetic archive: generated once into bench/out/ (git-ignored), then built like a real dataset.
    if (!existsSync(SYNTH_DIR) || readdirSync(SYNTH_DIR).length !== SYNTH.days || process.env.BENCH_REBUILD === '1') {
      const t = performance.now();
      const g = generateSyntheticArchive({ sourceDir: front.dir, outDir: SYNTH_DIR, ...SYNTH });
      console.log(`generated synthetic archive: ${g.files} days, ${mb(g.bytes)}, seed ${SYNTH.seed}, ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    datasets.push(prepare('front-weekly', 'Whole front weekly (deepstate-front-weekly)', front.dir, all, 33.4));
  }
  for (const p of datasets) console.log(`${p.title}: ${checkAgainstStore(p)}`);
  if ('dir' in front) {
    datasets.push(prepare('synthetic-1400', `Synthetic daily archive (seed ${SYNTH.seed}, from the weekly front)`, SYNTH_DIR, ['repaint', 'setData', 'featureState', 'pmtilesState']));
    const synth = datasets[2]!;
    const b = synth.build;
    console.log(`\nbuild:data on the synthetic archive${b.cached ? ' (cached in bench/out/data; BENCH_REBUILD=1 to redo)' : ''}: ` +
      `${synth.snapshotsCount} snapshots, ${mb(b.inputBytes)} GeoJSON in → claims.pmtiles ${mb(synth.pmtiles.length)} + index.json ${mb(JSON.stringify(synth.index).length)}` +
      ` (features.geojson ${mb(synth.storeJson.length)}); ${synth.index.stats.publishedFeatures} published features → ${synth.index.stats.storedFeatures} distinct geometries; ` +
      `${b.buildMs !== undefined ? `${(b.buildMs / 1000).toFixed(1)} s` : '?'} (read+store ${(b.readMs / 1000).toFixed(1)} s, areas ${(b.areaMs / 1000).toFixed(1)} s, tiles ${(b.tileMs / 1000).toFixed(1)} s)`);
  }

  const server = await startServer(PORT, { '/maplibre/': join(REPO, 'node_modules/maplibre-gl/dist'), '/harness/': join(OUT, 'harness') });
  server.routes.set('/harness/scrub.html', readFileSync(join(BENCH_DIR, 'harness/scrub.html')));
  try {
    for (const p of datasets) {
      mount(server, p);
      const results: Result[] = [];
      for (const a of p.approaches) results.push(await scrub(server, p, a));
      report(p, results);
    }
  } finally {
    await server.close();
  }
}
