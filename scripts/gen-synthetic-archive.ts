// Seeded synthetic daily archive for scale tests: daily snapshots derived from the weekly whole-front data, so
// that (like DeepState's real ~1,359-day archive) most polygons are unchanged from one day to the next.
//
// Usage: npx tsx scripts/gen-synthetic-archive.ts --source <weekly dir> [--days 1400] [--seed 7] [--out <dir>]
// (--source defaults to $FRONT_WEEKLY_DIR, the folder of DeepStateMap's weekly whole-front GeoJSON files.)
// Default output: bench/out/synthetic-archive/ (git-ignored; never commit generated data).
//
// How a day is made: the D days are spread evenly over the weekly snapshots; between two weeks, each polygon that
// the next week removes or adds switches on a random day of the interval (removed and added ones of the same class
// and place tend to go together in reality; here they switch independently, which can leave a day with a gap or an
// overlap: harmless for a benchmark); then 1–3 polygons a day near the front (occupied / grey zone) get a few
// vertices nudged by up to ~100 m, and keep that shape until a weekly change replaces them. Dates are consecutive
// calendar days from the first weekly date (1,400 days run past the last real week: they are synthetic).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/random';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');


type Coords = number[][][] | number[][][][];
interface RawFeature { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Coords } }
interface Entry { origKey: string; feature: RawFeature }

export interface GenerateOptions {
  sourceDir: string;
  outDir: string;
  days: number;
  seed: number;
  /** Perturbed polygons a day: 1..maxPerturb. */
  maxPerturb?: number;
}

/** Fill colours of the classes that move along the front (occupied, grey zone): the ones perturbed. */
const FRONT_FILLS = new Set(['#a52714', '#bcaaa4', '#bdbdbd']);

const keyOf = (f: RawFeature): string => JSON.stringify([f.properties['deepstate_fill'], f.geometry.coordinates]);

function readWeek(path: string): RawFeature[] {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { features: RawFeature[] };
  return json.features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Writes `days` files YYYY-MM-DD.geojson into outDir (emptied first). Returns counts for the report. */
export function generateSyntheticArchive(opts: GenerateOptions): { files: number; bytes: number; perturbed: number; weeklyChanges: number } {
  const rng = mulberry32(opts.seed);
  const maxPerturb = opts.maxPerturb ?? 3;
  const weeks = readdirSync(opts.sourceDir).filter((f) => /^\d{4}-\d{2}-\d{2}\.geojson$/.test(f)).sort();
  if (weeks.length < 2) throw new Error(`${opts.sourceDir}: at least two weekly YYYY-MM-DD.geojson files expected, ${weeks.length} found`);
  if (!Number.isInteger(opts.days) || opts.days < weeks.length) throw new Error(`days must be an integer ≥ the ${weeks.length} weeks, ${opts.days} given`);
  rmSync(opts.outDir, { recursive: true, force: true });
  mkdirSync(opts.outDir, { recursive: true });
  const firstDate = weeks[0]!.slice(0, 10);

  // Day d sits at week position d × (W−1)/(D−1): week w covers days [dayOf(w), dayOf(w+1)).
  const dayOf = (w: number): number => Math.round((w * (opts.days - 1)) / (weeks.length - 1));
  let state: Entry[] = readWeek(join(opts.sourceDir, weeks[0]!)).map((f) => ({ origKey: keyOf(f), feature: f }));
  let bytes = 0;
  let perturbed = 0;
  let weeklyChanges = 0;
  let day = 0;
  const writeDay = (): void => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: state.map((e) => e.feature) });
    writeFileSync(join(opts.outDir, `${addDays(firstDate, day)}.geojson`), text);
    bytes += text.length;
    day += 1;
  };
  writeDay(); // day 0 is the first week as published

  for (let w = 0; w + 1 < weeks.length; w++) {
    const next = readWeek(join(opts.sourceDir, weeks[w + 1]!));
    const from = dayOf(w);
    const to = dayOf(w + 1); // the last day of the interval shows week w+1 exactly
    // Multiset difference by key: what week w+1 removes and adds.
    const nextCount = new Map<string, number>();
    for (const f of next) nextCount.set(keyOf(f), (nextCount.get(keyOf(f)) ?? 0) + 1);
    const removeAt = new Map<number, Entry[]>();
    for (const e of state) {
      const c = nextCount.get(e.origKey) ?? 0;
      if (c > 0) nextCount.set(e.origKey, c - 1);
      else pushAt(removeAt, from + 1 + Math.floor(rng() * (to - from)), e);
    }
    const addAt = new Map<number, Entry[]>();
    const stateCount = new Map<string, number>();
    for (const e of state) stateCount.set(e.origKey, (stateCount.get(e.origKey) ?? 0) + 1);
    for (const f of next) {
      const k = keyOf(f);
      const c = stateCount.get(k) ?? 0;
      if (c > 0) stateCount.set(k, c - 1);
      else pushAt(addAt, from + 1 + Math.floor(rng() * (to - from)), { origKey: k, feature: f });
    }
    for (let d = from + 1; d <= to; d++) {
      const gone = new Set(removeAt.get(d) ?? []);
      weeklyChanges += gone.size + (addAt.get(d)?.length ?? 0);
      state = state.filter((e) => !gone.has(e));
      state.push(...(addAt.get(d) ?? []));
      if (d === to) {
        // The interval's last day is week w+1 as published (perturbations dropped), in its own feature order.
        state = next.map((f) => ({ origKey: keyOf(f), feature: f }));
      } else {
        const k = 1 + Math.floor(rng() * maxPerturb);
        const candidates = state.filter((e) => FRONT_FILLS.has(String(e.feature.properties['deepstate_fill'])));
        for (let i = 0; i < k && candidates.length > 0; i++) {
          const e = candidates[Math.floor(rng() * candidates.length)]!;
          e.feature = perturb(e.feature, rng);
          perturbed += 1;
        }
      }
      writeDay();
    }
  }
  return { files: day, bytes, perturbed, weeklyChanges };
}

function pushAt<T>(m: Map<number, T[]>, k: number, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** A copy of the feature with 1–4 consecutive vertices of its first ring moved by up to ±0.001° (~100 m). */
function perturb(f: RawFeature, rng: () => number): RawFeature {
  const coords = structuredClone(f.geometry.coordinates);
  const ring = (f.geometry.type === 'Polygon' ? (coords as number[][][])[0] : (coords as number[][][][])[0]![0])!;
  const n = ring.length - 1; // the last position repeats the first
  if (n < 4) return f;
  const start = Math.floor(rng() * n);
  const count = 1 + Math.floor(rng() * 4);
  const dx = (rng() - 0.5) * 0.002;
  const dy = (rng() - 0.5) * 0.002;
  for (let i = 0; i < count; i++) {
    const j = (start + i) % n;
    const p = ring[j]!;
    p[0] = Math.round((p[0]! + dx) * 1e6) / 1e6;
    p[1] = Math.round((p[1]! + dy) * 1e6) / 1e6;
    if (j === 0) ring[n] = [p[0]!, p[1]!];
  }
  return { ...f, geometry: { type: f.geometry.type, coordinates: coords } as RawFeature['geometry'] };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sourceDir = arg('source') ?? process.env.FRONT_WEEKLY_DIR;
  if (sourceDir === undefined) {
    console.error('gen-synthetic-archive: --source <weekly dir> (or FRONT_WEEKLY_DIR) is required: the whole-front weekly files are not in the repository');
    process.exit(2);
  }
  const opts: GenerateOptions = {
    sourceDir: resolve(sourceDir),
    outDir: resolve(arg('out') ?? join(repoRoot, 'bench/out/synthetic-archive')),
    days: Number(arg('days') ?? 1400),
    seed: Number(arg('seed') ?? 7),
  };
  const t = performance.now();
  const r = generateSyntheticArchive(opts);
  console.log(`synthetic archive: ${r.files} daily snapshots, ${(r.bytes / 1e6).toFixed(0)} MB, seed ${opts.seed}, ` +
    `${r.weeklyChanges} weekly changes spread over days, ${r.perturbed} polygon perturbations, ${((performance.now() - t) / 1000).toFixed(1)} s → ${opts.outDir}`);
}
