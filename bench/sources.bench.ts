// Two sources on one date: the overlay that finds ground only in A, only in B and in both (what the app's
// disagreement panel computes in the diff worker), side by side with the date-to-date overlay of one source, on the
// real Kursk sources (DeepState daily, ISW/CTP weekly, NZZ change dates), for every ISW date.
// Results on this machine: `npm run bench -- sources` (ratios are the result; absolute times drift).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSnapshots } from '../src/lib/domain/diff';
import { alignSourcesForDiff, sharedMeasures } from '../src/lib/domain/sources';
import { snapshotIndexOn } from '../src/lib/domain/timeline';
import type { AreaGeometry, ControlFeature, DatasetManifest, Snapshot } from '../src/lib/domain/types';
import { REPO, ms, percentile, table } from './harness/common';

interface Loaded {
  manifest: DatasetManifest;
  snapshots: Snapshot[];
  regions: Record<string, AreaGeometry>;
}

function load(folder: string): Loaded {
  const dir = join(REPO, 'geodata', folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as DatasetManifest;
  const snapshots = manifest.snapshots.map((s) => ({
    dateIso: s.dateIso,
    file: s.file,
    features: (JSON.parse(readFileSync(join(dir, s.file), 'utf8')) as { features: ControlFeature[] }).features,
  }));
  const regions: Record<string, AreaGeometry> = {};
  for (const [id, r] of Object.entries(manifest.clipRegions ?? {}))
    regions[id] = (JSON.parse(readFileSync(join(dir, r.file), 'utf8')) as { features: { geometry: AreaGeometry }[] }).features[0]!.geometry;
  return { manifest, snapshots, regions };
}

const on = (d: Loaded, dateIso: string): Snapshot =>
  d.snapshots[snapshotIndexOn(d.snapshots.map((s) => s.dateIso), dateIso)] ?? { dateIso, file: '(none)', features: [] };

function time(f: () => void, reps: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function run(): Promise<void> {
  const deepstate = load('kursk');
  const isw = load('kursk-isw');
  const nzz = load('kursk-nzz');
  const dates = isw.snapshots.map((s) => s.dateIso);
  const REPS = 3;
  const rows: (string | number)[][] = [];
  const results: Record<string, number[]> = {};
  const candidates: [string, (dateIso: string) => void][] = [
    ['DeepState vs ISW/CTP (held, held in Kursk Oblast)', (d) => {
      const a = alignSourcesForDiff(on(deepstate, d), on(isw, d), sharedMeasures(deepstate.manifest.measures, isw.manifest.measures));
      diffSnapshots(a.from, a.to, a.measures, deepstate.regions);
    }],
    ['DeepState vs NZZ (held, held in Kursk Oblast)', (d) => {
      const a = alignSourcesForDiff(on(deepstate, d), on(nzz, d), sharedMeasures(deepstate.manifest.measures, nzz.manifest.measures));
      diffSnapshots(a.from, a.to, a.measures, deepstate.regions);
    }],
    ['rival: DeepState, the week before vs the date (5 measures)', (d) => {
      diffSnapshots(on(deepstate, new Date(Date.parse(d) - 7 * 864e5).toISOString().slice(0, 10)), on(deepstate, d), deepstate.manifest.measures, deepstate.regions);
    }],
  ];
  for (const [label, f] of candidates) {
    f(dates[5]!); // warm-up
    const all: number[] = [];
    for (const d of dates) all.push(...time(() => f(d), REPS));
    results[label] = all;
  }
  const base = percentile(results[candidates[2]![0]]!, 50);
  for (const [label] of candidates) {
    const v = results[label]!;
    rows.push([label, v.length, ms(percentile(v, 50)), ms(percentile(v, 95)), ms(Math.max(...v)), `${(percentile(v, 50) / base).toFixed(2)}×`]);
  }
  console.log(`Overlay of two snapshots, ${dates.length} ISW dates × ${REPS} runs (ms, Node, one core):`);
  console.log(table(['overlay', 'n', 'median', 'p95', 'max', 'median vs date-to-date'], rows));
}
