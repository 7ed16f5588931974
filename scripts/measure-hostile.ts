// Measures the built app on the hostile datasets (scripts/lib/hostile-datasets.ts): for each, opens the app, gives
// it the dataset through the folder input, and records how long until it answers, the longest main-thread task,
// and the peak JS heap of the page. `npx vite build && npx tsx scripts/measure-hostile.ts [name...]`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { preview } from 'vite';
import { launchBrowser } from '../e2e/browser';
import { HOSTILE_DATASETS } from './lib/hostile-datasets';

const PORT = Number(process.env.MEASURE_PORT ?? 4297);
const LIMIT_MS = Number(process.env.LIMIT_MS ?? 90_000);
const names = process.argv.slice(2);
/** PROFILE=1: also record a CPU profile of the page while it loads, and print the functions that took the most time. */
const PROFILE = process.env.PROFILE === '1';
const server = await preview({ preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launchBrowser();
for (const [name, make] of Object.entries(HOSTILE_DATASETS)) {
  if (names.length > 0 && !names.includes(name)) continue;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 200)); });
  page.on('crash', () => errors.push('page crashed'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => (window as unknown as { __app?: { loading: string | null; dataset: unknown } }).__app?.dataset && (window as unknown as { __app: { loading: string | null } }).__app.loading === null, undefined, { timeout: 120_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __longTotal: number };
    w.__longest = 0; w.__longTotal = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { w.__longest = Math.max(w.__longest, e.duration); w.__longTotal += e.duration; } }).observe({ type: 'longtask', buffered: false });
  });
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const m = await Promise.race([cdp.send('Performance.getMetrics'), new Promise<never>((_, rej) => setTimeout(() => rej(new Error('busy')), 2000))]);
        peakHeap = Math.max(peakHeap, m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
      } catch { /* page busy or gone */ }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const dir = join(tmpdir(), 'cg-hostile', name);
  rmSync(dir, { recursive: true, force: true });
  for (const f of make()) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const started = Date.now();
  let outcome = '';
  try {
    await page.getByTestId('open-data-folder').setInputFiles(dir, { timeout: LIMIT_MS });
    // Done when loading is over and the page answers an evaluate.
    await page.waitForFunction(() => (window as unknown as { __app: { loading: string | null } }).__app.loading === null, undefined, { timeout: LIMIT_MS, polling: 250 });
    const loadedMs = Date.now() - started;
    const t0 = Date.now();
    const state = await Promise.race([
      page.evaluate(() => {
        const a = (window as unknown as { __app: { dataset: { manifest: { title: string } } | null; issues: { reason: string }[] } }).__app;
        return { title: (a.dataset?.manifest.title ?? '').slice(0, 40), issues: a.issues.length, first: a.issues.slice(0, 3).map((i) => i.reason.slice(0, 90)) };
      }),
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('no answer in 10 s')), 10_000)),
    ]);
    await page.waitForTimeout(3000);
    const answerMs = await Promise.race([page.evaluate(() => performance.now()).then(() => Date.now() - t0), new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
    const lt = await Promise.race([page.evaluate(() => ({ longest: (window as unknown as { __longest: number }).__longest, total: (window as unknown as { __longTotal: number }).__longTotal })), new Promise<{ longest: number; total: number }>((r) => setTimeout(() => r({ longest: -1, total: -1 }), 15_000))]);
    outcome = `loaded in ${loadedMs} ms; answers ${answerMs >= 0 ? 'yes' : 'NO'}; longest task ${Math.round(lt.longest)} ms, long tasks ${Math.round(lt.total)} ms; ${JSON.stringify(state)}`;
  } catch (e) {
    outcome = `did not finish in ${Math.round((Date.now() - started) / 1000)} s: ${String(e).split('\n')[0]!.slice(0, 120)}`;
  }
  sampling = false;
  await sampler;
  if (PROFILE) printProfile((await cdp.send('Profiler.stop')).profile);
  console.log(`${name}: ${outcome}; peak JS heap ${(peakHeap / 1048576).toFixed(0)} MB; errors ${JSON.stringify(errors.slice(0, 3))}`);
  await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
}
await browser.close();
await server.close();

/** The 15 functions with the most self time in a CPU profile (ms), with where they are. */
function printProfile(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): void {
  const selfMs = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (selfMs.get(n.id) ?? 0));
  }
  // Each function's callers up the stack, for the heaviest: what asked for the work.
  const parent = new Map<number, number>();
  for (const n of profile.nodes as { id: number; children?: number[] }[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (id: number) => { const f = byId.get(id)!.callFrame; return `${f.functionName || '(anonymous)'}:${f.lineNumber}`; };
  for (const [key, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    const stacks = new Map<string, number>();
    for (const n of profile.nodes) {
      if (`${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}` !== key) continue;
      const chain: string[] = [];
      for (let p = parent.get(n.id); p !== undefined && chain.length < 6; p = parent.get(p)) chain.push(name(p));
      const k = chain.join(' < ');
      stacks.set(k, (stacks.get(k) ?? 0) + (selfMs.get(n.id) ?? 0));
    }
    const top = [...stacks].sort((a, b) => b[1] - a[1])[0];
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${key}${top && top[0] ? `  < ${top[0]}` : ''}`);
  }
}
