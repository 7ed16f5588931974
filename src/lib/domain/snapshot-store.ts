// The snapshot store: every distinct polygon of a dataset once, with the run of snapshots it is in force for.
// Most polygons do not change from one day to the next, so a dataset of N snapshots holds far fewer than
// N × features geometries; the map keeps them all in one source and switches dates by feature state.
import { countVertices } from './geometry-measures';
import type { AreaGeometry, ControlFeature, ControlProps, Snapshot } from './types';

/** One distinct polygon and the contiguous run of snapshot indices in which it appears unchanged. */
export interface StoredFeature {
  /** Numeric id, unique in the store: the map's feature id. */
  uid: number;
  classId: string;
  geometry: AreaGeometry;
  properties: ControlProps;
  /** First and last snapshot index (inclusive) of the run. */
  firstIndex: number;
  lastIndex: number;
  /** Source file and feature index of the first appearance, for popups and error reports. */
  file: string;
  featureIndex: number;
}

export interface SnapshotStore {
  datesIso: string[];
  files: string[];
  features: StoredFeature[];
  /** uids in force per snapshot index, ascending. */
  uidsBySnapshot: number[][];
  /** Vertex count of all snapshots as published, and of the distinct geometries held. */
  stats: { publishedFeatures: number; storedFeatures: number; publishedVertices: number; storedVertices: number };
}

/**
 * A key equal for two features exactly when their class, geometry and properties are equal. Memoised by feature
 * object: a loader that hands one object to every snapshot a polygon stands in (a snapshot store) serialises it once.
 */
const keys = new WeakMap<ControlFeature, string>();
function featureKey(f: ControlFeature): string {
  let k = keys.get(f);
  if (k === undefined) {
    k = JSON.stringify([f.properties, f.geometry.type, f.geometry.coordinates]);
    keys.set(f, k);
  }
  return k;
}

/**
 * Build the store from snapshots sorted by date. A feature continues a run when an identical feature was in
 * the previous snapshot; a polygon that disappears and later comes back starts a new run, so every run is
 * one contiguous index range (which is what a `first <= i <= last` test on the map needs).
 */
export function buildSnapshotStore(snapshots: Iterable<Snapshot>): SnapshotStore {
  // An iterable, walked once: the data build feeds snapshots parsed one at a time, so only the distinct
  // geometries stay in memory, never the whole archive.
  const datesIso: string[] = [];
  const files: string[] = [];
  const features: StoredFeature[] = [];
  const uidsBySnapshot: number[][] = [];
  let open = new Map<string, number[]>(); // key → uids of runs still open (a snapshot may hold duplicates)
  let publishedVertices = 0;
  let publishedFeatures = 0;
  let i = 0;
  for (const snap of snapshots) {
    datesIso.push(snap.dateIso);
    files.push(snap.file);
    const next = new Map<string, number[]>();
    const uids: number[] = [];
    snap.features.forEach((f, featureIndex) => {
      const key = featureKey(f);
      const n = countVertices(f.geometry);
      publishedVertices += n;
      publishedFeatures += 1;
      const candidates = open.get(key);
      let uid = candidates?.shift();
      if (uid === undefined) {
        uid = features.length;
        features.push({
          uid, classId: f.properties.class, geometry: f.geometry, properties: f.properties,
          firstIndex: i, lastIndex: i, file: snap.file, featureIndex,
        });
      } else {
        features[uid]!.lastIndex = i;
      }
      uids.push(uid);
      const list = next.get(key);
      if (list) list.push(uid);
      else next.set(key, [uid]);
    });
    uids.sort((a, b) => a - b);
    uidsBySnapshot.push(uids);
    open = next;
    i++;
  }
  let storedVertices = 0;
  for (const f of features) storedVertices += countVertices(f.geometry);
  return {
    datesIso,
    files,
    features,
    uidsBySnapshot,
    stats: { publishedFeatures, storedFeatures: features.length, publishedVertices, storedVertices },
  };
}

/** The features of one snapshot, rebuilt from the store. */
export function featuresAt(store: SnapshotStore, index: number): ControlFeature[] {
  const uids = store.uidsBySnapshot[index] ?? [];
  return uids.map((uid) => {
    const f = store.features[uid]!;
    return { type: 'Feature', id: uid, properties: f.properties, geometry: f.geometry };
  });
}

/**
 * What changes on the map when moving from snapshot `fromIndex` to `toIndex` (-1 = nothing shown):
 * uids to hide and uids to show. Both lists are short on neighbouring days, which is why switching is cheap.
 * Reads only `uidsBySnapshot`, so a tiled dataset's lists (`uidsBySnapshotFromRuns` in run-table.ts) work too.
 */
export function switchSet(store: Pick<SnapshotStore, 'uidsBySnapshot'>, fromIndex: number, toIndex: number): { hide: number[]; show: number[] } {
  const a = store.uidsBySnapshot[fromIndex] ?? [];
  const b = store.uidsBySnapshot[toIndex] ?? [];
  const hide: number[] = [];
  const show: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) { hide.push(x!); i++; }
    else if (x === undefined || y < x) { show.push(y); j++; }
    else { i++; j++; }
  }
  return { hide, show };
}
