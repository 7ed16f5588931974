import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { buildSnapshotStore } from './snapshot-store';
import { heldByOf, placeChanges, placeCoverage, placeHistories, placeRuns, pointInGeometry, readingOf, type PlacePoint } from './place-history';
import { snapshotIndexOn } from './timeline';
import type { AreaGeometry, ControlFeature, DatasetManifest, Snapshot } from './types';

const DIR = 'geodata/kursk';
const manifest = JSON.parse(readFileSync(join(DIR, 'dataset.json'), 'utf8')) as DatasetManifest;
const snapshots: Snapshot[] = manifest.snapshots.map((s) => ({
  dateIso: s.dateIso,
  file: s.file,
  features: (JSON.parse(readFileSync(join(DIR, s.file), 'utf8')) as { features: ControlFeature[] }).features,
}));
const store = buildSnapshotStore(snapshots);
const gazetteer = JSON.parse(readFileSync(join(DIR, 'places.geojson'), 'utf8')) as {
  features: { id: string; geometry: { coordinates: [number, number] }; properties: { country: string | null; 'name:en': string } }[];
};
const places: PlacePoint[] = gazetteer.features.map((f) => ({ id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], country: f.properties.country }));
const russia = (JSON.parse(readFileSync(join(DIR, 'russia-land.geojson'), 'utf8')) as { features: { geometry: AreaGeometry }[] }).features[0]!.geometry;
const classIds = manifest.classes.map((c) => c.id);
const history = placeHistories(store, places, classIds, manifest.measures, { russia });
const placeIndex = (id: string) => places.findIndex((p) => p.id === id);

/** The classes covering a point on each snapshot, worked out the slow way: every feature of every file, with Turf. */
function classesPerSnapshot(p: PlacePoint): string[][] {
  return snapshots.map((s) => [...new Set(s.features.filter((f) => booleanPointInPolygon([p.lon, p.lat], f.geometry)).map((f) => f.properties.class))].sort());
}

describe('Sudzha in the DeepState set', () => {
  const sudzha = places[placeIndex('geonames:486816')]!;
  const runs = history.runsByPlace[placeIndex('geonames:486816')]!;

  it('matches the history worked out from the snapshot files', () => {
    // Read off the files one by one (Turf, every feature of every snapshot): no polygon covers Sudzha up to the
    // snapshot of 13 August 2024; a blue "Liberated" polygon covers it from 14 August 2024 to 11 March 2025; none
    // from 12 March 2025 (Russia's MoD claimed it back on 13 March) to the last snapshot.
    const perSnapshot = classesPerSnapshot(sudzha);
    const held = store.datesIso.filter((_, i) => perSnapshot[i]!.join() === 'ukraine_held_in_russia');
    expect(held[0]).toBe('2024-08-14');
    expect(held[held.length - 1]).toBe('2025-03-11');
    expect(perSnapshot.every((c) => c.length === 0 || c.join() === 'ukraine_held_in_russia')).toBe(true);
    expect(held).toHaveLength(store.datesIso.indexOf('2025-03-11') - store.datesIso.indexOf('2024-08-14') + 1);

    expect(runs.map((r) => `${r.fromIso} .. ${r.toIso} ${r.classes.join('+') || '-'}`)).toEqual([
      '2024-08-01 .. 2024-08-13 -',
      '2024-08-14 .. 2025-03-11 ukraine_held_in_russia',
      '2025-03-12 .. 2025-04-29 -',
    ]);
  });

  it('lists each change as the span between the snapshots that bound it', () => {
    expect(placeChanges(runs)).toEqual([
      { lastBeforeIso: '2024-08-13', firstAfterIso: '2024-08-14', spanDays: 1, fromClasses: [], toClasses: ['ukraine_held_in_russia'] },
      { lastBeforeIso: '2025-03-11', firstAfterIso: '2025-03-12', spanDays: 1, fromClasses: ['ukraine_held_in_russia'], toClasses: [] },
    ]);
  });
});

describe('every place of the gazetteer', () => {
  it('has the runs that testing every snapshot separately gives', () => {
    // Only places near the polygons can differ; the rest are checked against "never covered" by the same oracle.
    places.forEach((p, i) => {
      const expected = classesPerSnapshot(p);
      const got: string[][] = [];
      for (const r of history.runsByPlace[i]!) for (let k = r.firstIndex; k <= r.lastIndex; k++) got.push(r.classes);
      expect(got, p.id).toEqual(expected);
    });
  });

  it('finds the same features with the flatbush index as with a scan of every box', () => {
    expect(placeCoverage(store, places, 'flatbush')).toEqual(placeCoverage(store, places, 'scan'));
  });
});

describe('settlement counts', () => {
  // The gazetteer README (team data, "Places inside DeepState's polygons") counted the same 852 places with
  // another tool: 11/9, 15/6, 15/6, 17/4. The 37 places added from the basemap lie far from the polygons.
  it.each([
    ['2024-08-15', '2024-08-15', 11, 9],
    ['2024-08-20', '2024-08-20', 15, 6],
    ['2024-08-27', '2024-08-25', 15, 6],
    ['2024-09-06', '2024-09-06', 17, 4],
  ])('on %s (snapshot %s): %i held, %i grey', (dateIso, snapshotIso, held, grey) => {
    const i = snapshotIndexOn(store.datesIso, dateIso);
    expect(store.datesIso[i]).toBe(snapshotIso);
    expect(history.counts.byClass.get('ukraine_held_in_russia')![i]).toBe(held);
    expect(history.counts.byClass.get('unknown_status')![i]).toBe(grey);
    expect(history.counts.byMeasure.get('held')![i]).toBe(held);
    expect(history.counts.byMeasure.get('held_or_unknown')![i]).toBe(held + grey);
    expect(history.counts.placeCount).toBe(889);
  });
});

describe('runs on a small store', () => {
  const sq = (x0: number, y0: number, x1: number, y1: number, holes: number[][][] = []): AreaGeometry => ({
    type: 'Polygon',
    coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], ...holes],
  });
  const feat = (cls: string, g: AreaGeometry): ControlFeature => ({ type: 'Feature', properties: { class: cls }, geometry: g });
  const big = feat('a', sq(0, 0, 10, 10));
  const holed = feat('a', sq(0, 0, 10, 10, [[[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]));
  const grey = feat('b', sq(3, 3, 7, 7));
  const small = makeStore([
    ['2024-01-01', []],
    ['2024-01-02', [big]],
    ['2024-01-05', [big, grey]],
    ['2024-01-06', [holed]],
    ['2024-01-09', [holed]],
    ['2024-01-10', [big]],
  ]);
  function makeStore(days: [string, ControlFeature[]][]) {
    return buildSnapshotStore(days.map(([dateIso, features]) => ({ dateIso, file: `${dateIso}.geojson`, features })));
  }
  const centre: PlacePoint = { id: 'c', lon: 5, lat: 5, country: 'RU' };
  const runsOf = (p: PlacePoint) => placeRuns(small, placeCoverage(small, [p])[0]!);

  it('follows holes, overlapping classes and a polygon that comes back', () => {
    expect(runsOf(centre).map((r) => [r.fromIso, r.toIso, r.untilIso, r.classes.join('+')])).toEqual([
      ['2024-01-01', '2024-01-01', '2024-01-02', ''],
      ['2024-01-02', '2024-01-02', '2024-01-05', 'a'],
      ['2024-01-05', '2024-01-05', '2024-01-06', 'a+b'],
      ['2024-01-06', '2024-01-09', '2024-01-10', ''], // in the hole
      ['2024-01-10', '2024-01-10', null, 'a'],
    ]);
  });
  it('merges neighbouring runs of different polygons with the same class', () => {
    const edge: PlacePoint = { id: 'e', lon: 1, lat: 1, country: 'RU' };
    expect(runsOf(edge).map((r) => [r.fromIso, r.toIso, r.classes.join('+')])).toEqual([
      ['2024-01-01', '2024-01-01', ''],
      ['2024-01-02', '2024-01-10', 'a'],
    ]);
  });
  it('gives one run with no class for a place no polygon covers, and nothing for an empty store', () => {
    expect(runsOf({ id: 'far', lon: 50, lat: 50, country: null }).map((r) => [r.firstIndex, r.lastIndex, r.classes])).toEqual([[0, 5, []]]);
    expect(placeRuns(buildSnapshotStore([]), [])).toEqual([]);
    expect(placeCoverage(buildSnapshotStore([]), [centre])).toEqual([[]]);
  });
  it('tests a MultiPolygon part by part', () => {
    const g: AreaGeometry = { type: 'MultiPolygon', coordinates: [sq(0, 0, 1, 1).coordinates as number[][][], sq(5, 5, 6, 6).coordinates as number[][][]] };
    expect(pointInGeometry(5.5, 5.5, g)).toBe(true);
    expect(pointInGeometry(3, 3, g)).toBe(false);
  });
});

describe('readingOf', () => {
  const heldBy = heldByOf(manifest.classes);
  it('reads the classes by their heldBy, and an uncovered place as held by its country', () => {
    expect(readingOf(['ukraine_held_in_russia'], heldBy, 'RU')).toBe('UA');
    expect(readingOf(['unknown_status'], heldBy, 'RU')).toBe('contested');
    expect(readingOf(['ukraine_held_in_russia', 'unknown_status'], heldBy, 'RU')).toBe('contested');
    expect(readingOf([], heldBy, 'RU')).toBe('RU');
    expect(readingOf([], heldBy, null)).toBeNull();
    expect(readingOf(['no_such_class'], heldBy, 'UA')).toBe('UA');
  });
});
