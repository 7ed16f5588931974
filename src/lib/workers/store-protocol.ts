// A snapshot store as it travels to a worker: every coordinate in flat typed arrays, so that handing the store to
// the area, series and places workers costs a copy of a few buffers, not a structured clone of one object per
// position. Structured clone of the nested arrays was most of the main thread's work on a big file: a CPU profile of
// the 48 MB hostile dataset (`PROFILE=1 npx tsx scripts/measure-hostile.ts big-48mb`) gave 3.6 s, 2.3 s and 1.7 s
// to the three postMessage calls.
import type { SnapshotStore, StoredFeature } from '../domain/snapshot-store';
import { packGeometries, unpackGeometries, type PackedGeometries } from './diff-protocol';

/** A store with its geometry packed; the rest of each feature stays a small plain object. */
export interface PackedStore {
  datesIso: string[];
  files: string[];
  stats: SnapshotStore['stats'];
  features: Omit<StoredFeature, 'geometry'>[];
  types: ('Polygon' | 'MultiPolygon')[];
  geometry: PackedGeometries;
  /** The uids of every snapshot one after another, and where each snapshot's list ends. */
  uids: Uint32Array;
  uidEnds: Uint32Array;
}

/** One packing per store object: the workers that are given the same store share it (each gets a copy). */
const packed = new WeakMap<SnapshotStore, PackedStore>();

export function packStore(store: SnapshotStore): PackedStore {
  const known = packed.get(store);
  if (known) return known;
  const lists = store.uidsBySnapshot;
  const uidEnds = new Uint32Array(lists.length);
  let n = 0;
  lists.forEach((l, i) => { n += l.length; uidEnds[i] = n; });
  const uids = new Uint32Array(n);
  let k = 0;
  for (const l of lists) for (const uid of l) uids[k++] = uid;
  const result: PackedStore = {
    datesIso: [...store.datesIso],
    files: [...store.files],
    stats: { ...store.stats },
    features: store.features.map(({ geometry: _geometry, ...rest }) => rest),
    types: store.features.map((f) => f.geometry.type),
    geometry: packGeometries(store.features.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))),
    uids,
    uidEnds,
  };
  packed.set(store, result);
  return result;
}

export function unpackStore(p: PackedStore): SnapshotStore {
  const geometries = unpackGeometries(p.geometry);
  const uidsBySnapshot: number[][] = [];
  let start = 0;
  for (const end of p.uidEnds) {
    uidsBySnapshot.push(Array.from(p.uids.subarray(start, end)));
    start = end;
  }
  return {
    datesIso: p.datesIso,
    files: p.files,
    stats: p.stats,
    uidsBySnapshot,
    features: p.features.map((f, i) => {
      const g = geometries[i]!;
      return { ...f, geometry: p.types[i] === 'Polygon' ? { type: 'Polygon', coordinates: g[0] ?? [] } : { type: 'MultiPolygon', coordinates: g } };
    }),
  };
}
