// Shared by the browser benchmarks: percentiles, a plain-text table, the machine line, Chromium launch and its
// process memory (via CDP), and bundling a harness page with esbuild into bench/out/harness/.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../e2e/browser';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = join(BENCH_DIR, '..');
export const OUT = join(BENCH_DIR, 'out');

/** Nearest-rank percentile of unsorted values (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Fixed-width table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const ms = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
export const mb = (v: number): string => `${(v / 1e6).toFixed(1)} MB`;

let chromiumVersion = '';
/** One line naming the machine and browser, printed at the top of each browser bench. */
export function machineLine(): string {
  if (!chromiumVersion) {
    try {
      chromiumVersion = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      chromiumVersion = 'chromium (version unknown)';
    }
  }
  const c = cpus();
  return `machine: ${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${chromiumVersion}, headless, --disable-gpu (software WebGL: SwiftShader), 1280×800 viewport`;
}

export { launchBrowser };

/** Resident memory of this browser's renderer and GPU processes (kB → bytes), read from /proc by their CDP pids. */
export async function browserProcessMemory(browser: Browser): Promise<{ rendererRss: number; gpuRss: number }> {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    let rendererRss = 0;
    let gpuRss = 0;
    for (const p of info.processInfo) {
      let rss = 0;
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
        rss = m ? Number(m[1]) * 1024 : 0;
      } catch {
        rss = 0;
      }
      if (p.type === 'renderer') rendererRss += rss;
      if (p.type === 'GPU') gpuRss += rss;
    }
    return { rendererRss, gpuRss };
  } finally {
    await session.detach();
  }
}

/** Bundles a harness entry (TypeScript) for the browser; maplibre-gl stays external (import map in the page). */
export async function bundleHarness(entry: string, outFile: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [entry], outfile: outFile, bundle: true, format: 'esm', target: 'es2022',
    external: ['maplibre-gl'], logLevel: 'warning', sourcemap: false, minify: false,
  });
}

/** The built app for benchmarks: a test build (`vite build --mode test`, which exposes window.__test; otherwise as
 * published) into bench/out/app-dist (not dist/, which the e2e tests use). */
export const APP_DIST = join(OUT, 'app-dist');

export function buildApp(): void {
  const t = performance.now();
  try {
    execFileSync(join(REPO, 'node_modules/.bin/vite'), ['build', '--mode', 'test', '--outDir', APP_DIST, '--emptyOutDir', '--logLevel', 'error'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`vite build failed:\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  }
  console.log(`vite build → bench/out/app-dist in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
