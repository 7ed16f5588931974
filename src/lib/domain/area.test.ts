import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classAreasKm2, geometryAreaKm2, measureArea, snapshotAreaReport, unionOfClasses } from './area';
import type { AreaGeometry, ControlFeature, DatasetManifest } from './types';
import { readClipRegions } from '../../test-support/geodata';

const box = (cls: string, x0: number, y0: number, x1: number, y1: number): ControlFeature => ({
  type: 'Feature',
  properties: { class: cls },
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});

// A 0.1° × 0.1° cell at the equator on Turf's sphere (R = 6,371,008.8 m): (R·π/1800)² · sin-term ≈ 123.6 km².
const cellKm2 = geometryAreaKm2(box('a', 0, 0, 0.1, 0.1).geometry);

describe('area', () => {
  it('matches the spherical formula for a small cell', () => {
    const R = 6_371_008.8;
    const expected = ((R * R * (0.1 * Math.PI / 180) * Math.sin(0.1 * Math.PI / 180)) / 1e6);
    expect(cellKm2).toBeCloseTo(expected, 3);
  });
  it('counts overlapping polygons of a class once', () => {
    const f = [box('a', 0, 0, 0.1, 0.1), box('a', 0.05, 0, 0.15, 0.1)];
    expect(classAreasKm2(f, ['a'])['a']).toBeCloseTo(cellKm2 * 1.5, 1);
  });
  it('clips a measure to its region and reports a missing region', () => {
    const f = [box('a', 0, 0, 0.2, 0.1)];
    const region: AreaGeometry = box('r', 0.1, -1, 1, 1).geometry;
    const r = measureArea('x.geojson', f, { id: 'm', label: 'm', classes: ['a'], clipTo: 'r' }, { r: region });
    expect(r.value!.areaKm2).toBeCloseTo(cellKm2, 1);
    const missing = measureArea('x.geojson', f, { id: 'm', label: 'm', classes: ['a'], clipTo: 'nope' }, {});
    expect(missing.value).toBeUndefined();
    expect(missing.issues[0]!.reason).toMatch(/clip region "nope" is not loaded/);
  });
  it('is zero for no features', () => {
    expect(unionOfClasses([], ['a'])).toEqual([]);
    expect(classAreasKm2([], ['a'])['a']).toBe(0);
  });
  it('on the real 2024-08-20 snapshot, clipping to Russia removes the border overlap (0.6–2.5 km², data README)', () => {
    const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8')) as DatasetManifest;
    const snap = JSON.parse(readFileSync('geodata/kursk/snapshots/2024-08-20.geojson', 'utf8'));
    const report = snapshotAreaReport('2024-08-20.geojson', snap.features, manifest.measures, manifest.classes.map((c) => c.id), readClipRegions('geodata/kursk'));
    const held = report.measures.find((m) => m.id === 'held')!.areaKm2!;
    const unclipped = report.classes.find((c) => c.id === 'ukraine_held_in_russia')!.areaKm2;
    expect(report.issues).toEqual([]);
    expect(unclipped - held).toBeGreaterThan(0.3);
    expect(unclipped - held).toBeLessThan(3);
    expect(held).toBeGreaterThan(500);
    const heldOrUnknown = report.measures.find((m) => m.id === 'held_or_unknown')!.areaKm2!;
    expect(heldOrUnknown).toBeGreaterThan(held);
  });
});
