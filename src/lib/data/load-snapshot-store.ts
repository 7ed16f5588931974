// The snapshots inside a manifest's `snapshotStore` (store-file.ts), checked against the snapshots the manifest lists:
// the one reading of a store for the app's loader (load-dataset.ts) and the data build CLI (scripts/lib/dataset-input.ts).
import type { DatasetManifest, Issue } from '../domain/types';
import { MANIFEST_FILE } from './dataset-files';
import { decodeStoreBytes, snapshotForLoading, type StoredFeatureCollection } from './store-file';

/**
 * The snapshots of the store `file` (`bytes`: its content, undefined when the folder lacks it), by the file path each
 * is listed under in the manifest. A store that cannot be read is an error, and gives no snapshot (they are then
 * "not found"); a snapshot the manifest does not list is ignored, one listed for another date skipped. `vouch`
 * marks the store's geometries its trusted validity record vouches for (validity-record.ts vouchFor).
 */
export function readSnapshotStore(
  file: string,
  bytes: Uint8Array | undefined,
  listedSnapshots: DatasetManifest['snapshots'],
  issues: Issue[],
  vouch?: (path: string, geoms: readonly unknown[]) => void,
): Map<string, StoredFeatureCollection> {
  const out = new Map<string, StoredFeatureCollection>();
  if (!bytes) {
    issues.push({ file, reason: `snapshotStore listed in ${MANIFEST_FILE} but not found`, severity: 'error' });
    return out;
  }
  const r = decodeStoreBytes(file, bytes);
  issues.push(...r.issues);
  if (!r.ok) return out;
  // Each distinct feature's geometry object is shared by every snapshot it stands in.
  vouch?.(file, r.value.features.map((f) => f.geometry));
  const withClass = new Map<number, StoredFeatureCollection['features'][number]>();
  const listed = new Map(listedSnapshots.map((s) => [s.file, s.dateIso]));
  r.value.store.snapshots.forEach((s, i) => {
    const dateIso = listed.get(s.file);
    if (dateIso === undefined) issues.push({ file, reason: `holds ${s.file} (${s.dateIso}), which ${MANIFEST_FILE} does not list; ignored`, severity: 'warning' });
    else if (dateIso !== s.dateIso) issues.push({ file, reason: `holds ${s.file} for ${s.dateIso}, but ${MANIFEST_FILE} lists it for ${dateIso}; skipped`, severity: 'error' });
    else out.set(s.file, snapshotForLoading(r.value, i, withClass));
  });
  return out;
}
