// Compare-mode overlay engines side by side: diffSnapshots on real Kursk pairs, whole-front pairs, jittered pairs.
//
// Results, node v20.20.2 on 2 × AMD EPYC (shared with other jobs, so ±50 % run to run; ratios are the result):
//   median ms per pair     kursk (93)  front weekly (4, ~14k vertices)  synthetic jitter (12)  near-degenerate (30)
//   clipper2-ts                 6.8          57                             18                    0.6
//   geos-wasm                  15.9         231                             24                    3.4  (2 retried)
//   polygon-clipping           43.5         264                            168                   14.5
//   @turf/difference          222          1873                            751                   57
// (front weekly: with FRONT_WEEKLY_DIR set, see bench/harness/front-weekly.ts; a clean clone runs the other three.)
// No engine failed a pair (no throw, no error issue, identity within tolerance). Every engine gave the same Kursk
// figures to 1e-5 km². clipper2-ts ships: as robust as any here, no retries needed, and fastest in every scenario.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import { ENGINE_IDS, loadEngine } from './clip-engines/load-engine';
import type { ClipEngine } from '../src/lib/domain/clip-engine';
import { diffSnapshots, identityToleranceKm2 } from '../src/lib/domain/diff';
import type { AreaGeometry, AreaMeasure, ControlFeature, Snapshot } from '../src/lib/domain/types';
import { mulberry32 } from '../scripts/lib/random';
import { readClipRegions } from '../src/test-support/geodata';
import { frontWeeklyDir } from './harness/front-weekly';

const here = dirname(fileURLToPath(import.meta.url));
const KURSK = join(here, '../geodata/kursk');


interface Pair {
  label: string;
  from: Snapshot;
  to: Snapshot;
  measures: AreaMeasure[];
  regions: Record<string, AreaGeometry>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function kurskPairs(): Pair[] {
  const manifest = readJson<{ measures: AreaMeasure[] }>(join(KURSK, 'dataset.json'));
  // Every clip region the manifest names (russia, kursk_oblast): a measure whose region is missing is an error.
  const regions = readClipRegions(KURSK);
  const snaps: Snapshot[] = readdirSync(join(KURSK, 'snapshots'))
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => ({ dateIso: f.slice(0, 10), file: f, features: readJson<{ features: ControlFeature[] }>(join(KURSK, 'snapshots', f)).features }));
  return snaps.slice(1).map((to, i) => ({ label: `${snaps[i]!.dateIso}→${to.dateIso}`, from: snaps[i]!, to, measures: manifest.measures, regions }));
}

/** Whole-front weekly pairs. The files have no `class`, so DeepState's fill colour stands in for it. */
function frontPairs(dir: string, count: number): Pair[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.geojson')).sort();
  const measures: AreaMeasure[] = [
    { id: 'occupied', label: 'Occupied (red + crimson)', classes: ['#a52714', '#880e4f'] },
    { id: 'liberated', label: 'Liberated (green)', classes: ['#0f9d58'] },
  ];
  const load = (f: string): Snapshot => ({
    dateIso: f.slice(0, 10),
    file: f,
    features: readJson<{ features: ControlFeature[] }>(join(dir, f)).features.map((feat) => ({
      ...feat,
      properties: { ...feat.properties, class: String(feat.properties['deepstate_fill']) },
    })),
  });
  const pairs: Pair[] = [];
  // Evenly spread consecutive weeks, from the late ones (largest, ~15k vertices) backwards.
  for (let k = 0; k < count; k++) {
    const i = files.length - 1 - Math.floor((k * (files.length - 1)) / count);
    const from = load(files[i - 1]!);
    const to = load(files[i]!);
    pairs.push({ label: `${from.dateIso}→${to.dateIso}`, from, to, measures, regions: {} });
  }
  return pairs;
}

/** A territory-like blob: `n` vertices on a wobbly radius around a centre, lon/lat degrees, closed. */
function blob(rand: () => number, cx: number, cy: number, radiusDeg: number, n: number): Position[] {
  const harmonics = Array.from({ length: 6 }, (_, k) => ({ k: k + 2, amp: (rand() * 0.15) / (k + 1), phase: rand() * 2 * Math.PI }));
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (i / n) * 2 * Math.PI;
    let r = 1;
    for (const h of harmonics) r += h.amp * Math.sin(h.k * t + h.phase);
    r *= 1 + 0.01 * (rand() - 0.5);
    ring.push([cx + radiusDeg * r * Math.cos(t) * 1.6, cy + radiusDeg * r * Math.sin(t)]);
  }
  ring.push([ring[0]![0]!, ring[0]![1]!]);
  return ring;
}

/**
 * Seeded synthetic pairs: two overlapping blobs (~2k vertices) on `from`; on `to`, every vertex moved by up to
 * 1e-6° (near-coincident edges everywhere: the hard case for floating-point sweeps) and one sector pushed out 5 %.
 */
function syntheticPairs(count: number, seed: number): Pair[] {
  const rand = mulberry32(seed);
  const measures: AreaMeasure[] = [{ id: 'held', label: 'held', classes: ['a'] }];
  const pairs: Pair[] = [];
  for (let p = 0; p < count; p++) {
    const cx = 35 + rand();
    const cy = 51 + rand() * 0.5;
    const a = blob(rand, cx, cy, 0.2, 1200);
    const b = blob(rand, cx + 0.15, cy + 0.05, 0.12, 800);
    const s0 = rand() * 2 * Math.PI;
    const move = (ring: Position[], bulge: boolean): Position[] => {
      const out = ring.slice(0, -1).map(([x, y]) => {
        let nx = x! + (rand() - 0.5) * 2e-6;
        let ny = y! + (rand() - 0.5) * 2e-6;
        const t = Math.atan2(y! - cy, (x! - cx) / 1.6);
        if (bulge && Math.cos(t - s0) > 0.9) {
          nx = cx + (nx - cx) * 1.05;
          ny = cy + (ny - cy) * 1.05;
        }
        return [nx, ny] as Position;
      });
      out.push([out[0]![0]!, out[0]![1]!]);
      return out;
    };
    const feature = (ring: Position[]): ControlFeature => ({ type: 'Feature', properties: { class: 'a' }, geometry: { type: 'Polygon', coordinates: [ring] } });
    pairs.push({
      label: `synthetic #${p}`,
      from: { dateIso: '2024-01-01', file: `synthetic-${p}-from`, features: [feature(a), feature(b)] },
      to: { dateIso: '2024-01-02', file: `synthetic-${p}-to`, features: [feature(move(a, true)), feature(move(b, false))] },
      measures,
      regions: {},
    });
  }
  return pairs;
}

/**
 * Seeded near-degenerate pairs, six kinds in turn: nearly identical (1e-9° jitter), sub-grid jitter (1e-7°),
 * repeated points, cells sharing edges, a one-vertex sliver plus a zero-width spike, a ring touching itself.
 */
function degeneratePairs(count: number, seed: number): Pair[] {
  const rand = mulberry32(seed);
  const measures: AreaMeasure[] = [{ id: 'm', label: 'm', classes: ['a'] }];
  const feature = (rings: Position[][]): ControlFeature => ({ type: 'Feature', properties: { class: 'a' }, geometry: { type: 'Polygon', coordinates: rings } });
  const jitter = (ring: Position[], d: number): Position[] => {
    const out = ring.slice(0, -1).map(([x, y]) => [x! + (rand() - 0.5) * 2 * d, y! + (rand() - 0.5) * 2 * d] as Position);
    out.push([out[0]![0]!, out[0]![1]!]);
    return out;
  };
  const square = (x: number, y: number, s: number): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
  const pairs: Pair[] = [];
  for (let p = 0; p < count; p++) {
    const cx = 35 + rand();
    const cy = 51 + rand() * 0.5;
    const base = blob(rand, cx, cy, 0.05, 300);
    let from: Position[][][];
    let to: Position[][][];
    switch (p % 6) {
      case 0:
        [from, to] = [[[base]], [[jitter(base, 1e-9)]]];
        break;
      case 1:
        [from, to] = [[[base]], [[jitter(base, 1e-7)]]];
        break;
      case 2: {
        const doubled = base.flatMap((pt, i) => (i % 3 === 0 ? [pt, [pt[0]!, pt[1]!]] : [pt]));
        [from, to] = [[[base]], [[jitter(doubled, 1e-8)]]];
        break;
      }
      case 3: {
        const cells = (eps: number): Position[][][] => [0, 1, 2].map((i) => [square(cx + i * 0.01 + (i === 1 ? eps : 0), cy, 0.01)]);
        [from, to] = [cells(0), cells(1e-8)];
        break;
      }
      case 4: {
        const sliver = base.map((pt, i) => (i === 150 ? [cx + (pt[0]! - cx) * 1.000001, cy + (pt[1]! - cy) * 1.000001] : pt));
        const spiked = [...sliver.slice(0, 100), [cx, cy], ...sliver.slice(99)];
        [from, to] = [[[base]], [[spiked]]];
        break;
      }
      default: {
        const eight: Position[] = [[cx, cy], [cx + 0.01, cy], [cx + 0.01, cy + 0.01], [cx + 0.02, cy + 0.01], [cx + 0.02, cy + 0.02], [cx + 0.01, cy + 0.02], [cx + 0.01, cy + 0.01], [cx, cy + 0.01], [cx, cy]];
        [from, to] = [[[eight]], [[jitter(eight, 1e-9)], [square(cx + 0.01, cy, 0.01)]]];
      }
    }
    pairs.push({
      label: `degenerate #${p}`,
      from: { dateIso: '2024-01-01', file: `degenerate-${p}-from`, features: from.map(feature) },
      to: { dateIso: '2024-01-02', file: `degenerate-${p}-to`, features: to.map(feature) },
      measures,
      regions: {},
    });
  }
  return pairs;
}

interface Row {
  scenario: string;
  engine: string;
  medianMs: number;
  p95Ms: number;
  failures: number;
  retried: number;
  maxIdentityKm2: number;
  pairs: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * A pair fails for an engine when diffSnapshots throws (it must not), reports an error issue, leaves a measure
 * out, or breaks the area identity beyond identityToleranceKm2.
 */
function runScenario(scenario: string, engine: ClipEngine, pairs: Pair[], warmup: number): Row {
  for (const p of pairs.slice(0, warmup)) diffSnapshots(p.from, p.to, p.measures, p.regions, { engine });
  const times: number[] = [];
  let failures = 0;
  let retried = 0;
  let maxIdentityKm2 = 0;
  for (const p of pairs) {
    const t0 = performance.now();
    try {
      const d = diffSnapshots(p.from, p.to, p.measures, p.regions, { engine });
      times.push(performance.now() - t0);
      const broken = d.measures.some((m) => Math.abs(m.identityErrorKm2) > identityToleranceKm2(m.fromKm2, m.toKm2));
      if (broken || d.measures.length < p.measures.length || d.issues.some((i) => i.severity === 'error')) failures++;
      if (d.measures.some((m) => m.retried)) retried++;
      for (const m of d.measures) maxIdentityKm2 = Math.max(maxIdentityKm2, Math.abs(m.identityErrorKm2));
    } catch {
      times.push(performance.now() - t0);
      failures++;
    }
  }
  times.sort((a, b) => a - b);
  return { scenario, engine: engine.id, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), failures, retried, maxIdentityKm2, pairs: pairs.length };
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'engine', 'median ms', 'p95 ms', 'failures', 'retried', 'max |identity| km²', '× fastest (median)'];
  const lines = [header];
  for (const scenario of [...new Set(rows.map((r) => r.scenario))]) {
    const group = rows.filter((r) => r.scenario === scenario);
    const fastest = Math.min(...group.map((r) => r.medianMs));
    for (const r of group.sort((a, b) => a.medianMs - b.medianMs)) {
      lines.push([
        `${scenario} (${r.pairs})`,
        r.engine,
        r.medianMs.toFixed(1),
        r.p95Ms.toFixed(1),
        String(r.failures),
        String(r.retried),
        r.maxIdentityKm2.toExponential(1),
        (r.medianMs / fastest).toFixed(2),
      ]);
    }
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const [i, l] of lines.entries()) {
    console.log(`| ${l.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`);
    if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  }
}

export async function run(): Promise<void> {
  const engines: ClipEngine[] = [];
  for (const id of ENGINE_IDS) {
    try {
      engines.push(await loadEngine(id));
    } catch (err) {
      console.log(`(engine ${id} skipped: ${(err as Error).message})`);
    }
  }
  const front = frontWeeklyDir();
  if ('skipped' in front) console.log(`(front weekly skipped: ${front.skipped})`);
  const scenarios: [string, Pair[], number][] = [
    ['kursk consecutive', kurskPairs(), 5],
    ...('dir' in front ? [['front weekly', frontPairs(front.dir, 4), 0] as [string, Pair[], number]] : []),
    ['synthetic jitter', syntheticPairs(12, 20240806), 1],
    ['near-degenerate', degeneratePairs(30, 7), 1],
  ];
  for (const [name, pairs] of scenarios) {
    const vertices = pairs.map((p) => [p.from, p.to].flatMap((s) => s.features).reduce((n, f) => n + JSON.stringify(f.geometry.coordinates).split('],[').length, 0));
    console.log(`${name}: ${pairs.length} pairs, ~${Math.round(vertices.reduce((a, b) => a + b, 0) / pairs.length / 2)} vertices a snapshot`);
  }
  const rows: Row[] = [];
  // Scenarios with warm-up 0 (front pairs are too slow to run twice) still get one small Kursk pair untimed
  // first, so JIT compilation of the engine is not in their first sample.
  const warmPair = scenarios[0]![1][10]!;
  for (const [name, pairs, warmup] of scenarios) {
    for (const engine of engines) {
      if (warmup === 0) diffSnapshots(warmPair.from, warmPair.to, warmPair.measures, warmPair.regions, { engine });
      rows.push(runScenario(name, engine, pairs, warmup));
    }
  }
  console.log('\ndiffSnapshots per pair (all measures of the pair; failures = throw, error issue, missing measure or broken identity):');
  printTable(rows);
}
