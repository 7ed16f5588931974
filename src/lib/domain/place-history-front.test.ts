// Place histories on the whole front (geodata/front): Bakhmut's history and one date's counts as the places worker
// gives them (the loaded dataset's store, placeHistories), against the same worked out the slow way from the weekly
// files as DeepState published them (reproduced byte for byte from the store), every feature, with Turf.
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../scripts/lib/read-folder';
import { loadDataset } from '../data/load-dataset';
import { decodeStoreBytes, storedSnapshotText } from '../data/store-file';
import { trustedValidity } from '../data/validity-record';
import { buildGazetteer, toPlacePoints } from './gazetteer';
import { deepstateClass } from './deepstate-class';
import { heldByOf, placeChanges, placeHistories, readingOf } from './place-history';
import { buildSnapshotStore } from './snapshot-store';
import type { AreaGeometry } from './types';

const FRONT = new URL('../../../geodata/front', import.meta.url).pathname;
const BAKHMUT = 'geonames:713174';

/** The published snapshots: each feature's class (DeepState's fill and label, as the import reads them) and polygon. */
function publishedSnapshots(): { dateIso: string; features: { classId: string; geometry: AreaGeometry }[] }[] {
  const decoded = decodeStoreBytes('snapshots.store.json.gz', new Uint8Array(readFileSync(`${FRONT}/snapshots.store.json.gz`)));
  if (!decoded.ok) throw new Error('the store did not decode');
  return decoded.value.store.snapshots.map((s, i) => {
    const json = JSON.parse(storedSnapshotText(decoded.value, i)) as { features: { properties: Record<string, unknown>; geometry: { type: string } }[] };
    const polygons = json.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
    return { dateIso: s.dateIso, features: polygons.map((f) => ({ classId: deepstateClass(f.properties.deepstate_fill, f.properties.deepstate_name), geometry: f.geometry as AreaGeometry })) };
  });
}

// The app's path: the loader (with the folder's validity record, as the app has it), the store, placeHistories.
const files = readDatasetFolder(FRONT).files;
const loaded = loadDataset(files, { trustedValidity: (await trustedValidity(files)).trusted });
if (!loaded.ok || !loaded.value.places) throw new Error('the front or its places did not load');
const { manifest } = loaded.value;
const gazetteer = buildGazetteer(loaded.value.places, loaded.value.placesCoverage ?? null);
const points = toPlacePoints(gazetteer);
const store = buildSnapshotStore(loaded.value.snapshots);
const clip: Record<string, AreaGeometry> = Object.fromEntries(Object.entries(loaded.value.clipRegions).map(([k, f]) => [k, f.geometry]));
const history = placeHistories(store, points, manifest.classes.map((c) => c.id), manifest.measures, clip);
const published = publishedSnapshots();

describe('place histories on the whole front', () => {

  it('gives Bakhmut the runs the published files show, and its change of hands as spans of a week', () => {
    const k = gazetteer.byId.get(BAKHMUT)!;
    const p = points[k]!;
    // Read off the files: the classes of the polygons covering Bakhmut's point on each snapshot.
    const perSnapshot = published.map((s) => [...new Set(s.features.filter((f) => booleanPointInPolygon([p.lon, p.lat], f.geometry)).map((f) => f.classId))].sort().join('+'));
    const runs = history.runsByPlace[k]!;
    const expanded = store.datesIso.map((_, i) => runs.find((r) => r.firstIndex <= i && i <= r.lastIndex)!.classes.join('+'));
    expect(expanded).toEqual(perSnapshot);
    // What the files say, in words: no polygon until 12 March 2023, grey (unknown status) from 19 March, occupied
    // from 9 April 2023 to the last snapshot.
    expect(runs.map((r) => `${r.fromIso} .. ${r.toIso} ${r.classes.join('+') || '-'}`)).toEqual([
      '2022-04-03 .. 2023-03-12 -',
      '2023-03-19 .. 2023-04-02 unknown_status',
      '2023-04-09 .. 2025-08-03 russian_occupied',
    ]);
    expect(placeChanges(runs).map((c) => `${c.lastBeforeIso}/${c.firstAfterIso} ${c.spanDays}`)).toEqual(['2023-03-12/2023-03-19 7', '2023-04-02/2023-04-09 7']);
    // Whose control, by the classes' heldBy: Ukraine's (the country it lies in), contested, Russia's.
    expect(runs.map((r) => readingOf(r.classes, heldByOf(manifest.classes), p.country))).toEqual(['UA', 'contested', 'RU']);
  });

  it('counts per class on 2023-06-04 what the published file of that week covers', () => {
    const i = store.datesIso.indexOf('2023-06-04');
    const snapshot = published[i]!;
    for (const c of manifest.classes) {
      const polygons = snapshot.features.filter((f) => f.classId === c.id);
      const covered = points.filter((p) => polygons.some((f) => booleanPointInPolygon([p.lon, p.lat], f.geometry))).length;
      expect(history.counts.byClass.get(c.id)![i], c.id).toBe(covered);
    }
    expect(history.counts.byClass.get('russian_occupied')![i]).toBe(113);
    expect(history.counts.placeCount).toBe(2053);
  });
});
