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
  const pairs: [string, string][] = [['2025-07-27', '2025-08-03'], ['2024-11-10', '2024-11-17'], ['2023-12-24', '2023-12-31'], ['2022-04-03', '2025-08-03']];
  console.log('\n| pair | whole-snapshot overlay, median of 3 (ms) | largest identity residual (km²) |\n| --- | ---: | ---: |');
  for (const [a, b] of pairs) {
    const times: number[] = [];
    let residual = 0;
    for (let k = 0; k < 3; k++) {
      const s = performance.now();
      const d = diffSnapshots(at(a), at(b), manifest.measures, clip);
      times.push(performance.now() - s);
      residual = Math.max(residual, ...d.measures.map((m) => Math.abs(m.identityErrorKm2)));
    }
    console.log(`| ${a} → ${b} | ${median(times).toFixed(0)} | ${residual.toExponential(1)} |`);
  }
}
