import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaimsFile } from './claim-schema';
import { parsePlaceClaimsCsv } from '../data/place-claims';
import { placeHistories, type PlacePoint } from './place-history';
import { settlementClaimRows } from './settlement-claims';
import { buildSnapshotStore } from './snapshot-store';
import type { AreaGeometry, ControlFeature, DatasetManifest } from './types';

const DIR = 'geodata/kursk';
const read = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
const manifest = read('dataset.json') as DatasetManifest;
const store = buildSnapshotStore(manifest.snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file, features: (read(s.file) as { features: ControlFeature[] }).features })));
const places: PlacePoint[] = (read('places.geojson') as { features: { id: string; geometry: { coordinates: [number, number] }; properties: { country: string | null } }[] }).features
  .map((f) => ({ id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], country: f.properties.country }));
const clipRegions: Record<string, AreaGeometry> = Object.fromEntries(
  Object.entries(manifest.clipRegions ?? {}).map(([id, r]) => [id, (read(r.file) as { features: { geometry: AreaGeometry }[] }).features[0]!.geometry]),
);
const { counts } = placeHistories(store, places, manifest.classes.map((c) => c.id), manifest.measures, clipRegions);
const ledger = parseClaimsFile('claims.json', read('claims.json'));
const placeClaims = parsePlaceClaimsCsv({ file: 'place-claims.csv', text: readFileSync(join(DIR, 'place-claims.csv'), 'utf8') });
const rows = settlementClaimRows(ledger.ok ? ledger.value : [], placeClaims.ok ? placeClaims.value : [], counts, 'held_or_unknown');

describe('settlement claims beside the counts', () => {
  it('sets each Ukrainian total beside the named places held (and held or grey) on its date', () => {
    const byFigure = (claimed: number, dateIso: string) => rows.find((r) => r.claimed === claimed && r.dateIso === dateIso)!;
    expect(Object.fromEntries(byFigure(82, '2024-08-15').countsByMeasure)).toMatchObject({ held: 11, held_or_unknown: 20 });
    expect(Object.fromEntries(byFigure(92, '2024-08-19').countsByMeasure)).toMatchObject({ held: 15 });
    expect(Object.fromEntries(byFigure(100, '2024-08-27').countsByMeasure)).toMatchObject({ held: 15, held_or_unknown: 21 });
  });
  it('reads the seed’s "over 100 settlements" at its peak, and marks Russian totals as recaptures', () => {
    const peak = rows.find((r) => r.id === 's000-ua-settlements-peak-100')!;
    expect(peak.figure).toBe('over 100 settlements');
    expect(peak.countsByMeasure.get('held_or_unknown')).toBe(Math.max(...counts.byMeasure.get('held_or_unknown')!));
    expect(rows.filter((r) => r.recaptured).map((r) => r.claimed)).toEqual([12, 12]);
    expect(rows.map((r) => r.dateIso)).toEqual([...rows.map((r) => r.dateIso)].sort());
  });
});
