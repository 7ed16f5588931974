// Place histories and settlement counts for every place over every snapshot, rivals side by side:
//   flatbush of the places + ray casting (banded edges for a geometry with many places in its box), once per
//     place per distinct geometry: what the places worker runs (place-history.ts)
//   scan of every box + plain ray casting, once per distinct geometry (no index)
//   flatbush of the geometries' boxes + @turf/boolean-point-in-polygon, per distinct geometry (the field library)
//   every snapshot separately: box check + ray casting per feature per snapshot (no snapshot store)
// on the Kursk daily set with its 889-place gazetteer, and on the whole front (geodata/front: DeepState weekly, 175
// snapshots in its store) with its own gazetteer (geodata/front/places.geojson: 2,053 places, the Ukraine-wide
// basemap's GeoNames towns and the Kursk gazetteer), both committed, so a clean clone runs both. Warm-up 1, then 5
// timed runs (2 for the per-snapshot rival on the front); min and mean ± sd. Ratios within a run are the result;
// absolute times drift with the machine's load. Last, the worker's whole call as the app makes it: in 3 fresh
// worker threads one after another (cold), from the packed store (bench/harness/places-worker.ts).
//
// Results, node v20.20.2 on 2 × Intel Xeon, shared with other jobs (`npm run bench -- places`), min ms on the whole
// front: shipped 119, the worker's whole call (clip regions too) 328, Turf 508, box scan 1,078, every snapshot 2,765;
// the whole call in a fresh (cold) worker thread 928 (mean 1,764). Table and reading: docs/performance.md ("Place
// histories").
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Flatbush from 'flatbush';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { buildSnapshotStore, type SnapshotStore } from '../src/lib/domain/snapshot-store';
import { placeCounts, placeHistories, placeRuns, pointInGeometry, type ControlRun, type PlacePoint } from '../src/lib/domain/place-history';
import { openDataset, readSnapshot } from '../scripts/lib/dataset-input';
import { packStore } from '../src/lib/workers/store-protocol';
import type { AreaGeometry, AreaMeasure, Issue, Snapshot } from '../src/lib/domain/types';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = join(here, '..');

interface Scenario {
  name: string;
  store: SnapshotStore;
  snapshots: Snapshot[];
  places: PlacePoint[];
  classIds: string[];
  /** The unclipped measures (what every rival computes). */
  measures: AreaMeasure[];
  /** Every measure and the clip regions of the clipped ones: what the places worker is given. */
  allMeasures: AreaMeasure[];
  clipRegions: Record<string, AreaGeometry>;
}

function readPlaces(path: string, prefix: string): PlacePoint[] {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as { features: { id?: string; geometry: { coordinates: [number, number] }; properties: { country?: string | null } }[] };
  return fc.features.map((f, i) => ({ id: f.id ?? `${prefix}${i}`, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], country: f.properties.country ?? null }));
}

function load(name: string, dir: string, places: PlacePoint[]): Scenario {
  const input = openDataset(dir);
  const issues: Issue[] = [];
  const snapshots = input.entries.map((e) => readSnapshot(input, e, issues));
  const store = buildSnapshotStore(snapshots);
  const classIds = [...new Set(store.features.map((f) => f.classId))].sort();
  const allMeasures: AreaMeasure[] = input.manifest?.measures ?? classIds.map((c) => ({ id: c, label: c, classes: [c] }));
  const clipRegions: Record<string, AreaGeometry> = {};
  for (const [id, r] of Object.entries(input.manifest?.clipRegions ?? {}))
    clipRegions[id] = (JSON.parse(readFileSync(join(dir, r.file), 'utf8')) as { features: { geometry: AreaGeometry }[] }).features[0]!.geometry;
  return { name, store, snapshots, places, classIds, measures: allMeasures.filter((m) => m.clipTo === undefined), allMeasures, clipRegions };
}

type Approach = { name: string; run: (s: Scenario) => number };

const distinctFlatbush: Approach = {
  name: 'flatbush of places + banded ray casting, per distinct geometry (app)',
  run: (s) => placeHistories(s.store, s.places, s.classIds, s.measures, {}, 'flatbush').counts.anyPolygon.length,
};
// Not a rival: the app's approach with the clipped measures too (each place tested once against each clip region),
// the whole of what the places worker runs for a source.
const workerCall: Approach = {
  name: 'the same with the clipped measures (each place in each clip region once): the places worker’s whole call',
  run: (s) => placeHistories(s.store, s.places, s.classIds, s.allMeasures, s.clipRegions, 'flatbush').counts.anyPolygon.length,
};
const distinctScan: Approach = {
  name: 'box scan + plain ray casting, per distinct geometry',
  run: (s) => placeHistories(s.store, s.places, s.classIds, s.measures, {}, 'scan').counts.anyPolygon.length,
};
const distinctTurf: Approach = {
  name: 'flatbush of boxes + turf point-in-polygon, per distinct geometry',
  run: (s) => {
    const feats = s.store.features;
    const index = new Flatbush(feats.length);
    for (const f of feats) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const poly of f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
        for (const p of poly[0] ?? []) { x0 = Math.min(x0, p[0]!); x1 = Math.max(x1, p[0]!); y0 = Math.min(y0, p[1]!); y1 = Math.max(y1, p[1]!); }
      index.add(x0, y0, x1, y1);
    }
    index.finish();
    const runs = s.places.map((p) => {
      const uids = index.search(p.lon, p.lat, p.lon, p.lat).filter((k) => booleanPointInPolygon([p.lon, p.lat], feats[k]!.geometry)).map((k) => feats[k]!.uid);
      return placeRuns(s.store, uids);
    });
    return placeCounts(s.store.datesIso, runs, s.classIds, s.measures).anyPolygon.length;
  },
};
const perSnapshot: Approach = {
  name: 'every snapshot separately (box + ray casting per feature)',
  run: (s) => {
    const boxes = s.snapshots.map((snap) => snap.features.map((f) => {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const poly of f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
        for (const p of poly[0] ?? []) { x0 = Math.min(x0, p[0]!); x1 = Math.max(x1, p[0]!); y0 = Math.min(y0, p[1]!); y1 = Math.max(y1, p[1]!); }
      return [x0, y0, x1, y1] as const;
    }));
    const runsByPlace: ControlRun[][] = s.places.map((p) => {
      const runs: ControlRun[] = [];
      s.snapshots.forEach((snap, i) => {
        const classes = [...new Set(snap.features.filter((f, k) => {
          const b = boxes[i]![k]!;
          return p.lon >= b[0] && p.lon <= b[2] && p.lat >= b[1] && p.lat <= b[3] && pointInGeometry(p.lon, p.lat, f.geometry);
        }).map((f) => f.properties.class))].sort();
        const last = runs[runs.length - 1];
        if (last && last.classes.join() === classes.join()) last.lastIndex = i;
        else runs.push({ firstIndex: i, lastIndex: i, fromIso: snap.dateIso, toIso: snap.dateIso, untilIso: null, classes });
      });
      return runs;
    });
    return placeCounts(s.store.datesIso, runsByPlace, s.classIds, s.measures).anyPolygon.length;
  },
};

function time(fn: () => unknown, runs: number): { minMs: number; meanMs: number; sdMs: number } {
  fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  const sd = Math.sqrt(ms.reduce((a, b) => a + (b - mean) ** 2, 0) / ms.length);
  return { minMs: Math.min(...ms), meanMs: mean, sdMs: sd };
}

/**
 * The places worker's whole call as the app makes it: in a fresh worker thread (cold, as the app's per-request
 * worker is), from the packed store it is sent, unpacking included; `runs` fresh workers one after another.
 */
async function inFreshWorkers(s: Scenario, runs: number): Promise<{ minMs: number; meanMs: number; sdMs: number }> {
  const workerData = { store: packStore(s.store), places: s.places, classIds: s.classIds, measures: s.allMeasures, clipRegions: s.clipRegions };
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    // tsx's loader, registered in the thread, so that it can run the TypeScript worker (Node 20 takes no --import there).
    const entry = new URL('./harness/places-worker.ts', import.meta.url).href;
    const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData });
    const answer = await new Promise<{ ms: number; places: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    if (answer.places !== s.places.length) throw new Error(`places worker: ${answer.places} places of ${s.places.length}`);
    ms.push(answer.ms);
  }
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return { minMs: Math.min(...ms), meanMs: mean, sdMs: Math.sqrt(ms.reduce((a, b) => a + (b - mean) ** 2, 0) / ms.length) };
}

export async function run(): Promise<void> {
  const scenarios: Scenario[] = [
    load('Kursk daily', join(REPO, 'geodata/kursk'), readPlaces(join(REPO, 'geodata/kursk/places.geojson'), 'kursk-')),
    load('Whole front weekly', join(REPO, 'geodata/front'), readPlaces(join(REPO, 'geodata/front/places.geojson'), 'front-')),
  ];
  for (const s of scenarios) {
    console.log(`\n${s.name}: ${s.places.length} places × ${s.store.datesIso.length} snapshots; ${s.store.stats.storedFeatures} distinct geometries of ${s.store.stats.publishedFeatures} published`);
    console.log('| approach | min ms | mean ± sd ms | × fastest (min) |');
    console.log('| --- | --- | --- | --- |');
    const rows = [distinctFlatbush, workerCall, distinctScan, distinctTurf, perSnapshot].map((a) => ({ a, t: time(() => a.run(s), a === perSnapshot && s.store.datesIso.length > 100 ? 2 : 5) }));
    const fastest = Math.min(...rows.map((r) => r.t.minMs));
    for (const { a, t } of rows.sort((x, y) => x.t.minMs - y.t.minMs))
      console.log(`| ${a.name} | ${t.minMs.toFixed(1)} | ${t.meanMs.toFixed(1)} ± ${t.sdMs.toFixed(1)} | ${(t.minMs / fastest).toFixed(2)} |`);
    const cold = await inFreshWorkers(s, 3);
    console.log(`| the places worker’s whole call in a fresh worker thread (cold, unpacking the store included; 3 workers) | ${cold.minMs.toFixed(1)} | ${cold.meanMs.toFixed(1)} ± ${cold.sdMs.toFixed(1)} | ${(cold.minMs / fastest).toFixed(2)} |`);
  }
}
