import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaceClaimsCsv, type PlaceClaim } from '../data/place-claims';
import { checkPlaceClaim, placeClaimVerdictText, readingAgrees } from './place-claim-check';
import { heldByOf, placeHistories, type ControlRun, type PlacePoint } from './place-history';
import { buildSnapshotStore } from './snapshot-store';
import type { ControlFeature, DatasetManifest } from './types';

const DIR = 'geodata/kursk';
const manifest = JSON.parse(readFileSync(join(DIR, 'dataset.json'), 'utf8')) as DatasetManifest;
const store = buildSnapshotStore(
  manifest.snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file, features: (JSON.parse(readFileSync(join(DIR, s.file), 'utf8')) as { features: ControlFeature[] }).features })),
);
const gazetteer = JSON.parse(readFileSync(join(DIR, 'places.geojson'), 'utf8')) as { features: { id: string; geometry: { coordinates: [number, number] }; properties: { country: string | null } }[] };
const places: PlacePoint[] = gazetteer.features.map((f) => ({ id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], country: f.properties.country }));
const history = placeHistories(store, places, manifest.classes.map((c) => c.id), manifest.measures);
const parsed = parsePlaceClaimsCsv({ file: 'place-claims.csv', text: readFileSync(join(DIR, 'place-claims.csv'), 'utf8') });
const claims = parsed.ok ? parsed.value : [];
const heldBy = heldByOf(manifest.classes);

function verdictOf(c: PlaceClaim) {
  const i = places.findIndex((p) => p.id === c.placeId);
  return checkPlaceClaim(c, i >= 0 ? history.runsByPlace[i] : undefined, store.datesIso, heldBy, i >= 0 ? places[i]!.country : null);
}
const claim = (dateIso: string, settlement: string) => claims.find((c) => c.dateIso === dateIso && c.settlement === settlement)!;

describe('place claims against the DeepState maps', () => {
  it('Sudzha: captured 8 and 15 August 2024 (map: 14 August), retaken 13 March 2025 (map: 12 March)', () => {
    expect(verdictOf(claim('2024-08-08', 'Sudzha'))).toEqual({ kind: 'later', firstShownIso: '2024-08-14', lastNotShownIso: '2024-08-13', lagDays: 6 });
    expect(verdictOf(claim('2024-08-15', 'Sudzha'))).toEqual({ kind: 'already', sinceIso: '2024-08-14', leadDays: 1, sinceFirstSnapshot: false });
    expect(verdictOf(claim('2025-03-13', 'Sudzha'))).toEqual({ kind: 'already', sinceIso: '2025-03-12', leadDays: 1, sinceFirstSnapshot: false });
  });
  it('the ten villages of 12 September 2024: the two in the gazetteer shown Russian on 14 September, eight not in it', () => {
    const ten = claims.filter((c) => c.dateIso === '2024-09-12' && !c.isCount);
    expect(ten).toHaveLength(10);
    const found = ten.filter((c) => c.placeId !== null);
    expect(found.map((c) => c.settlement)).toEqual(['Apanasovka', 'Snagost']);
    for (const c of found) expect(verdictOf(c)).toEqual({ kind: 'later', firstShownIso: '2024-09-14', lastNotShownIso: '2024-09-12', lagDays: 2 });
    for (const c of ten.filter((k) => k.placeId === null)) expect(verdictOf(c)).toEqual({ kind: 'no_place' });
  });
  it('Borki, claimed back on 16 September 2024, left the grey zone only on 14 November', () => {
    expect(verdictOf(claim('2024-09-16', 'Borki'))).toEqual({ kind: 'later', firstShownIso: '2024-11-14', lastNotShownIso: '2024-11-11', lagDays: 59 });
  });
  it('Krupets, "recaptured" on 15 August 2024, was never shown held by Ukraine', () => {
    const v = verdictOf(claim('2024-08-15', 'Krupets'));
    expect(v).toEqual({ kind: 'already', sinceIso: '2024-08-01', leadDays: 14, sinceFirstSnapshot: true });
    expect(placeClaimVerdictText(v)).toBe('the map showed it so on every snapshot up to the claim, from the first (2024-08-01): never otherwise before');
  });
});

describe('checkPlaceClaim', () => {
  const runs: ControlRun[] = [
    { firstIndex: 0, lastIndex: 1, fromIso: '2024-01-01', toIso: '2024-01-02', untilIso: '2024-01-05', classes: [] },
    { firstIndex: 2, lastIndex: 2, fromIso: '2024-01-05', toIso: '2024-01-05', untilIso: null, classes: ['grey'] },
  ];
  const dates = ['2024-01-01', '2024-01-02', '2024-01-05'];
  const hb = new Map([['blue', 'UA'], ['grey', 'contested']]);
  const at = (dateIso: string, asserts: PlaceClaim['asserts']) => checkPlaceClaim({ dateIso, asserts, placeId: 'p' }, runs, dates, hb, 'RU');
  it('says never when no later snapshot shows it, and no_place without a place', () => {
    expect(at('2024-01-01', { kind: 'held', country: 'UA' })).toEqual({ kind: 'never', lastSnapshotIso: '2024-01-05' });
    expect(placeClaimVerdictText(at('2024-01-01', { kind: 'held', country: 'UA' }))).toBe('the map never showed it (to the last snapshot, 2024-01-05)');
    expect(checkPlaceClaim({ dateIso: '2024-01-01', asserts: { kind: 'contested' }, placeId: null }, runs, dates, hb, 'RU')).toEqual({ kind: 'no_place' });
  });
  it('reads a claim made before the first snapshot against the first that agrees', () => {
    expect(at('2023-12-01', { kind: 'entered', country: 'UA' })).toEqual({ kind: 'later', firstShownIso: '2024-01-05', lastNotShownIso: '2024-01-02', lagDays: 35 });
    expect(at('2023-12-01', { kind: 'held', country: 'RU' })).toEqual({ kind: 'later', firstShownIso: '2024-01-01', lastNotShownIso: null, lagDays: 31 });
  });
  it('says the same day when the agreeing snapshot is of the claim date', () => {
    expect(placeClaimVerdictText(at('2024-01-05', { kind: 'contested' }))).toBe('the map showed it the same day (snapshot of 2024-01-05)');
  });
  it('reads held, entered and contested', () => {
    expect(readingAgrees({ kind: 'held', country: 'UA' }, 'contested', 'RU')).toBe(false);
    expect(readingAgrees({ kind: 'entered', country: 'UA' }, 'contested', 'RU')).toBe(true);
    expect(readingAgrees({ kind: 'contested' }, 'UA', 'RU')).toBe(true);
    expect(readingAgrees({ kind: 'contested' }, 'RU', 'RU')).toBe(false);
    expect(readingAgrees({ kind: 'held', country: 'RU' }, null, null)).toBe(false);
  });
});
