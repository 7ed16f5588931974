// The data build: a dataset of dated snapshots → what the app serves at scale. Distinct geometries with the
// run of snapshot indices each is in force for (buildSnapshotStore), areas per snapshot per class, vector tiles
// in one PMTiles archive, and a small JSON index. Snapshots are parsed one at a time and dropped; only the
// distinct geometries stay in memory.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue, Snapshot } from '../../src/lib/domain/types';
import { AREA_METHOD } from '../../src/lib/domain/area';
import type { RunTable } from '../../src/lib/domain/run-table';
import { buildSnapshotStore, type SnapshotStore } from '../../src/lib/domain/snapshot-store';
import { ClassAreaCalculator } from './class-areas';
import { buildClaimTiles, CLAIMS_LAYER, type ClaimTilesOptions } from './claim-tiles';
import { openDataset, readSnapshot, type DatasetInput } from './dataset-input';

/** File names inside the output folder. */
export const OUTPUT_FILES = { index: 'index.json', tiles: 'claims.pmtiles', geojson: 'features.geojson' } as const;

/**
 * The JSON index the app loads first (small: no geometry). Snapshot `i` shows exactly the uids with
 * `first[uid] <= i <= last[uid]`; `uidsAt` below rebuilds the per-snapshot lists from this run table.
 */
export interface DataIndex {
  format: 'claimed-ground/data-build';
  version: 1;
  datesIso: string[];
  files: string[];
  /** Class ids in order of first appearance (or the manifest's order). */
  classIds: string[];
  /** Run table, one entry per uid (uid = position): class (index into classIds), first and last snapshot index. */
  runs: RunTable;
  /** km² per class per snapshot index (null: the union failed, see issues). Method in `areaMethod`. */
  areasKm2: Record<string, (number | null)[]>;
  areaMethod: string;
  tiles: { file: string; layer: string; minZoom: number; maxZoom: number; bounds: [number, number, number, number]; promoteId: 'uid' };
  geojson?: { file: string };
  stats: SnapshotStore['stats'] & { snapshots: number };
  issues: Issue[];
}

export interface BuildDataOptions extends ClaimTilesOptions {
  /** Also return every distinct feature as one GeoJSON FeatureCollection (uid, class, first, last). */
  geojson?: boolean;
  /** Called after each snapshot is read (progress). */
  onSnapshot?: (index: number, total: number) => void;
}

export interface BuildDataResult {
  index: DataIndex;
  pmtiles: Uint8Array;
  geojson?: string;
  /** Bytes of the snapshot files read, milliseconds per stage, unions computed. */
  report: { inputBytes: number; readMs: number; areaMs: number; tileMs: number; unions: number; tiles: number; largestTileBytes: number; rawBytesByZoom: number[] };
}

/**
 * Builds the store from snapshots produced one at a time by `read`: buildSnapshotStore walks an iterable once, so
 * only one parsed snapshot is alive at a time.
 */
export function buildStoreStreaming(entries: readonly { dateIso: string; file: string }[], read: (i: number) => Snapshot): SnapshotStore {
  function* snapshots(): Generator<Snapshot> {
    for (let i = 0; i < entries.length; i++) yield read(i);
  }
  return buildSnapshotStore(snapshots());
}

/** Runs the whole build on a dataset folder. */
export function buildData(dirOrInput: string | DatasetInput, options: BuildDataOptions = {}): BuildDataResult {
  const input = typeof dirOrInput === 'string' ? openDataset(dirOrInput) : dirOrInput;
  const issues: Issue[] = [...input.issues];
  const classIds: string[] = input.manifest ? input.manifest.classes.map((c) => c.id) : [];
  const t0 = performance.now();
  // One pass of parsing builds the store; each parsed snapshot is dropped as soon as the store has seen it.
  const store = buildStoreStreaming(input.entries, (i) => {
    options.onSnapshot?.(i, input.entries.length);
    return readSnapshot(input, input.entries[i]!, issues);
  });
  const readMs = performance.now() - t0;

  // Areas from the store: every geometry of every snapshot is in store.features, so nothing is read again.
  const t2 = performance.now();
  const areas = new ClassAreaCalculator();
  for (const f of store.features) if (!classIds.includes(f.classId)) classIds.push(f.classId);
  const perSnapshot = store.uidsBySnapshot.map((uids, i) => {
    const feats = uids.map((uid) => {
      const f = store.features[uid]!;
      return { uid, classId: f.classId, geometry: f.geometry };
    });
    const r = areas.areasKm2(store.files[i]!, feats, classIds, issues);
    // Runs that end here need no bounding box any more.
    for (const f of feats) if (store.features[f.uid]!.lastIndex === i) areas.forget(f.uid);
    return r;
  });
  const areaMs = performance.now() - t2;
  const inputBytes = fileBytes(input);

  const areasKm2: Record<string, (number | null)[]> = {};
  for (const cls of classIds) areasKm2[cls] = perSnapshot.map((a) => (a[cls] === undefined ? 0 : roundKm2(a[cls])));

  const t1 = performance.now();
  const classIndex = new Map(classIds.map((c, i) => [c, i]));
  const tileFeatures = store.features.map((f) => ({ uid: f.uid, classId: f.classId, first: f.firstIndex, last: f.lastIndex, geometry: f.geometry }));
  const tiles = buildClaimTiles(tileFeatures, { ...options, metadata: { name: input.manifest?.title ?? 'claims', dates: store.datesIso.length, ...options.metadata } });
  const tileMs = performance.now() - t1;

  const index: DataIndex = {
    format: 'claimed-ground/data-build',
    version: 1,
    datesIso: store.datesIso,
    files: store.files,
    classIds,
    runs: {
      classIndex: store.features.map((f) => classIndex.get(f.classId)!),
      first: store.features.map((f) => f.firstIndex),
      last: store.features.map((f) => f.lastIndex),
    },
    areasKm2,
    areaMethod: `${AREA_METHOD}; union per class per snapshot`,
    tiles: { file: OUTPUT_FILES.tiles, layer: CLAIMS_LAYER, minZoom: tiles.minZoom, maxZoom: tiles.maxZoom, bounds: tiles.bounds, promoteId: 'uid' },
    ...(options.geojson ? { geojson: { file: OUTPUT_FILES.geojson } } : {}),
    stats: { ...store.stats, snapshots: store.datesIso.length },
    issues,
  };
  const geojson = options.geojson ? featuresGeojson(tileFeatures) : undefined;
  return {
    index,
    pmtiles: tiles.pmtiles,
    ...(geojson !== undefined ? { geojson } : {}),
    report: { inputBytes, readMs, areaMs, tileMs, unions: areas.unions, tiles: tiles.tiles, largestTileBytes: tiles.largestTileBytes, rawBytesByZoom: tiles.rawBytesByZoom },
  };
}

/** The uids in force at snapshot `i`, ascending, from the run table (what switchSet needs per snapshot). */
export function uidsAt(runs: DataIndex['runs'], i: number): number[] {
  const out: number[] = [];
  for (let uid = 0; uid < runs.first.length; uid++) if (runs.first[uid]! <= i && i <= runs.last[uid]!) out.push(uid);
  return out;
}

/** Every snapshot's uid list from the run table: the app's own derivation, so build and app cannot disagree. */
export { uidsBySnapshotFromRuns } from '../../src/lib/domain/run-table';

/** km² to 1 m² (the figures are shown to 0.1 km² at best; this keeps the index small). */
function roundKm2(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : Math.round(v * 1e6) / 1e6;
}

function featuresGeojson(features: readonly { uid: number; classId: string; first: number; last: number; geometry: unknown }[]): string {
  // Written feature by feature so no second copy of the whole collection is built as objects.
  const parts = features.map((f) => JSON.stringify({ type: 'Feature', id: f.uid, properties: { uid: f.uid, class: f.classId, first: f.first, last: f.last }, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`;
}

/** Bytes read: the snapshot files, or the snapshot store holding them. */
function fileBytes(input: DatasetInput): number {
  if (input.manifest?.snapshotStore !== undefined) return statSync(join(input.dir, input.manifest.snapshotStore)).size;
  let n = 0;
  for (const e of input.entries) n += statSync(join(input.dir, e.file)).size;
  return n;
}
