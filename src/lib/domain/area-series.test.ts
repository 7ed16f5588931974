// The area series against snapshotAreaReport on the real Kursk data, and the claim marks' shapes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSeriesFromStore, claimMark, claimMeasures, claimsMaxKm2 } from './area-series';
import { snapshotAreaReport } from './area';
import { buildSnapshotStore, featuresAt } from './snapshot-store';
import { compareAreaClaim } from './claim-compare';
import type { AreaGeometry, AreaMeasure, ControlFeature, Snapshot } from './types';
import type { Claim } from './claim-schema';
import { readClipRegions } from '../../test-support/geodata';

const DIR = 'geodata/kursk';
const manifest = JSON.parse(readFileSync(`${DIR}/dataset.json`, 'utf8')) as {
  measures: AreaMeasure[];
  classes: { id: string }[];
  snapshots: { dateIso: string; file: string }[];
};
const clipRegions: Record<string, AreaGeometry> = readClipRegions(DIR);
const snapshots: Snapshot[] = manifest.snapshots.map((s) => ({
  dateIso: s.dateIso,
  file: s.file,
  features: JSON.parse(readFileSync(`${DIR}/${s.file}`, 'utf8')).features as ControlFeature[],
}));
const store = buildSnapshotStore(snapshots);
const claims = (JSON.parse(readFileSync(`${DIR}/claims.json`, 'utf8')) as { claims: Claim[] }).claims;

const square = (cls: string, x: number): ControlFeature => ({
  type: 'Feature',
  properties: { class: cls },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 0.1, 0], [x + 0.1, 0.1], [x, 0.1], [x, 0]]] },
});

describe('areaSeriesFromStore', () => {
  const measures = claimMeasures(manifest.measures);
  const series = areaSeriesFromStore(store, measures, clipRegions);

  it('picks the held and held-or-unknown measures of the Kursk manifest', () => {
    expect(measures.map((m) => m.id)).toEqual(['held', 'held_or_unknown']);
    expect(claimMeasures([{ id: 'x', label: 'X', classes: ['a'] }]).map((m) => m.id)).toEqual(['x']);
  });

  it('has one point per snapshot and no issues', () => {
    expect(series.points.map((p) => p.dateIso)).toEqual(store.datesIso);
    expect(series.issues).toEqual([]);
  });

  it('matches snapshotAreaReport at the first, the peak days, 16 December 2024 and the last snapshot', () => {
    const indices = [0, store.datesIso.indexOf('2024-08-21'), store.datesIso.indexOf('2024-09-06'), store.datesIso.indexOf('2024-12-16'), store.datesIso.length - 1];
    expect(indices.every((i) => i >= 0)).toBe(true);
    for (const i of indices) {
      const report = snapshotAreaReport(store.files[i]!, featuresAt(store, i), manifest.measures, manifest.classes.map((c) => c.id), clipRegions);
      for (const m of measures) {
        const expected = report.measures.find((r) => r.id === m.id)!.areaKm2!;
        expect(series.points[i]!.areaKm2ByMeasure[m.id], `${m.id} on ${store.datesIso[i]}`).toBeCloseTo(expected, 6);
      }
    }
  });

  it('gives the figures of docs/claims.md for the 800 km² claim (504 and 661 km² on 2024-12-16)', () => {
    const c = compareAreaClaim(claims.find((x) => x.id === 's004-ua-area-800')!, series.points, { measures: ['held', 'held_or_unknown'] });
    expect(Math.round(c.byMeasure.held!.computedKm2!)).toBe(504);
    expect(Math.round(c.byMeasure.held_or_unknown!.computedKm2!)).toBe(661);
    expect(c.byMeasure.held!.snapshotDateIso).toBe('2024-12-16');
  });

  it('reuses a figure only while the measure’s polygons are unchanged', () => {
    const m: AreaMeasure = { id: 'a', label: 'A', classes: ['a'] };
    const s = buildSnapshotStore([
      { dateIso: '2024-01-01', file: '1', features: [square('a', 0)] },
      { dateIso: '2024-01-02', file: '2', features: [square('a', 0), square('b', 1)] },
      { dateIso: '2024-01-03', file: '3', features: [square('a', 0), square('a', 1)] },
      { dateIso: '2024-01-04', file: '4', features: [] },
    ]);
    const r = areaSeriesFromStore(s, [m], {});
    const a = r.points.map((p) => p.areaKm2ByMeasure.a!);
    expect(a[0]).toBeCloseTo(123.6, 0);
    expect(a[1]).toBe(a[0]);
    expect(a[2]).toBeCloseTo(2 * a[0]!, 6);
    expect(a[3]).toBe(0);
  });

  it('leaves out a measure whose clip region is missing, with an issue, and is empty for an empty store', () => {
    const s = buildSnapshotStore([{ dateIso: '2024-01-01', file: 'x.geojson', features: [square('a', 0)] }]);
    const r = areaSeriesFromStore(s, [{ id: 'a', label: 'A', classes: ['a'], clipTo: 'nope' }], {});
    expect(r.points).toEqual([{ dateIso: '2024-01-01', areaKm2ByMeasure: {} }]);
    expect(r.issues[0]!.reason).toMatch(/clip region "nope"/);
    expect(areaSeriesFromStore(buildSnapshotStore([]), [], {})).toEqual({ points: [], issues: [] });
  });
});

describe('claimMark', () => {
  const byId = (id: string) => claims.find((c) => c.id === id)!;
  it('draws an instant figure as a point at its date', () => {
    expect(claimMark(byId('s004-ua-area-800'))).toEqual({ claimId: 's004-ua-area-800', shape: 'point', xIso: '2024-12-16', yKm2: 800 });
  });
  it('draws a peak claim at its end with a whisker over its span', () => {
    expect(claimMark(byId('s000-ua-area-peak-1300'))).toMatchObject({ shape: 'point', xIso: '2025-01-06', yKm2: 1300, span: { startIso: '2024-08-06', endIso: '2025-01-06' } });
  });
  it('uses carets for bounds and a bar for ranges', () => {
    const base = byId('s004-ua-area-800');
    expect(claimMark({ ...base, value: { qualifier: 'over', amount: 100, stated: 'over 100' } }).shape).toBe('lower_bound');
    expect(claimMark({ ...base, value: { qualifier: 'up_to', amount: 100, stated: 'up to 100' } }).shape).toBe('upper_bound');
    expect(claimMark({ ...base, value: { qualifier: 'range', low: 10, high: 20, stated: '10–20' } })).toMatchObject({ shape: 'range', yKm2: 15, lowKm2: 10, highKm2: 20 });
  });
  it('sizes the y axis to the largest allowed value of the claims', () => {
    expect(claimsMaxKm2([byId('s004-ua-area-earlier-1400')])).toBe(1450);
    expect(claimsMaxKm2([])).toBe(0);
  });
});
