// The whole front (geodata/front, committed): loading it with the app's loader, the area report of one snapshot,
// and compare mode (diffSnapshots with the dataset's own 7 measures, 5 of them clipped to a land polygon) for
// consecutive weeks and for the whole span 2022-04-03 → 2025-08-03, as the diff worker runs it.
// `npm run bench -- front`. Results in docs/performance.md ("Whole front").
import { performance } from 'node:perf_hooks';
import { readDatasetFolder } from '../scripts/validate';
import { loadDataset } from '../src/lib/data/load-dataset';
import { trustedValidity } from '../src/lib/data/validity-record';
import { snapshotAreaReport } from '../src/lib/domain/area';
import { diffSnapshots } from '../src/lib/domain/diff';
import { buildSnapshotStore, featuresAt } from '../src/lib/domain/snapshot-store';
import { shippedEngine } from '../src/lib/domain/clip-engine';
import type { AreaGeometry, Snapshot } from '../src/lib/domain/types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const files = readDatasetFolder('geodata/front').files;
  // The app's load of a shipped dataset: the validity record spares the JTS step for the polygons it vouches for.
  const tTrust = performance.now();
  const trust = await trustedValidity(files);
  const trusted = loadDataset(files, { trustedValidity: trust.trusted });
  const trustedMs = performance.now() - tTrust;
  if (!trusted.ok) throw new Error('the front did not load');
  const t0 = performance.now();
  const r = loadDataset(files);
  const loadMs = performance.now() - t0;
  if (!r.ok) throw new Error(r.issues.map((i) => i.reason).join('; '));
  const t1 = performance.now();
  const store = buildSnapshotStore(r.value.snapshots);
  const storeMs = performance.now() - t1;
  const { manifest } = r.value;
  const clip: Record<string, AreaGeometry> = Object.fromEntries(Object.entries(r.value.clipRegions).map(([k, f]) => [k, f.geometry]));
  const at = (dateIso: string): Snapshot => {
    const i = store.datesIso.indexOf(dateIso);
    return { dateIso, file: store.files[i]!, features: featuresAt(store, i) };
  };
  console.log(`load (decode, expand, validate ${r.value.snapshots.length} snapshots): every polygon through JTS ${loadMs.toFixed(0)} ms; with the validity record (sha256 of ${trust.trusted.size} files, JTS only for the polygons it names as failing) ${trustedMs.toFixed(0)} ms (${(loadMs / trustedMs).toFixed(1)}×); snapshot store: ${storeMs.toFixed(0)} ms`);
  const t2 = performance.now();
  const last = at('2025-08-03');
  snapshotAreaReport(last.file, last.features, manifest.measures, manifest.classes.map((c) => c.id), clip);
  console.log(`area report of 2025-08-03 (${manifest.measures.length} measures, 6 classes): ${(performance.now() - t2).toFixed(0)} ms`);
  // Compare: today's whole-snapshot overlay beside compare by the store's runs (diff.ts), on the same pairs. "cold":
  // a fresh engine object, so no group's clipped union is known yet (the first compare of a page); "warm": the
  // pair again (every group known); "stepping": the to-date moved one week at a time, as a user steps through
  // compare mode (one date known, one new).
  const pairs: [string, string][] = [['2025-07-27', '2025-08-03'], ['2024-11-10', '2024-11-17'], ['2023-12-24', '2023-12-31'], ['2022-04-03', '2022-04-10'], ['2023-12-31', '2024-12-29'], ['2022-11-13', '2023-12-31'], ['2022-04-03', '2025-08-03']];
  const timed = (f: () => unknown) => {
    const s = performance.now();
    f();
    return performance.now() - s;
  };
  console.log('\n| pair | whole-snapshot overlay, median of 3 (ms) | by runs, cold, median of 3 (ms) | by runs, warm, median of 3 (ms) | whole ÷ warm | largest difference of any figure (km²) |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [a, b] of pairs) {
    const whole: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    let ref: ReturnType<typeof diffSnapshots> | undefined;
    let worst = 0;
    for (let k = 0; k < 3; k++) {
      whole.push(timed(() => (ref = diffSnapshots(at(a), at(b), manifest.measures, clip, { method: 'whole' }))));
      const engine = { ...shippedEngine };
      cold.push(timed(() => diffSnapshots(at(a), at(b), manifest.measures, clip, { engine })));
      let d: ReturnType<typeof diffSnapshots> | undefined;
      warm.push(timed(() => (d = diffSnapshots(at(a), at(b), manifest.measures, clip, { engine }))));
      d!.measures.forEach((m, i) => {
        const w = ref!.measures[i]!;
        worst = Math.max(worst, ...(['fromKm2', 'toKm2', 'gainedKm2', 'lostKm2', 'unchangedKm2'] as const).map((f) => Math.abs(m[f] - w[f])));
      });
    }
    console.log(`| ${a} → ${b} | ${median(whole).toFixed(0)} | ${median(cold).toFixed(0)} | ${median(warm).toFixed(0)} | ${(median(whole) / median(warm)).toFixed(1)}× | ${worst.toExponential(1)} |`);
  }
  const steps = store.datesIso.slice(store.datesIso.indexOf('2024-09-01'), store.datesIso.indexOf('2024-09-01') + 11);
  const engine = { ...shippedEngine };
  diffSnapshots(at(steps[0]!), at(steps[0]!), manifest.measures, clip, { engine });
  const stepMs: number[] = [];
  const wholeMs: number[] = [];
  for (let i = 1; i < steps.length; i++) {
    stepMs.push(timed(() => diffSnapshots(at(steps[i - 1]!), at(steps[i]!), manifest.measures, clip, { engine })));
    wholeMs.push(timed(() => diffSnapshots(at(steps[i - 1]!), at(steps[i]!), manifest.measures, clip, { method: 'whole' })));
  }
  console.log(`\nstepping ${steps[0]} → ${steps.at(-1)} a week at a time (${stepMs.length} compares): by runs median ${median(stepMs).toFixed(0)} ms, max ${Math.max(...stepMs).toFixed(0)} ms; whole-snapshot overlay median ${median(wholeMs).toFixed(0)} ms (${(median(wholeMs) / median(stepMs)).toFixed(1)}×)`);
}
