// The manifest of a folder without dataset.json: snapshot files, classes, defaults, and the warning that says so.
import { describe, expect, it } from 'vitest';
import { MAX_LIST_ENTRIES } from '../domain/limits';
import { classIdsOfFeatures, DEFAULT_PALETTE, defaultClass, inferFolderManifest, inferManifest, inferSnapshotFiles } from './infer-manifest';

const fc = (...classes: unknown[]) => ({ type: 'FeatureCollection', features: classes.map((c) => ({ type: 'Feature', properties: { class: c }, geometry: null })) });

describe('inferSnapshotFiles', () => {
  it('takes every data file but the manifest, the places file and the claims ledger, sorted by path, dated by name', () => {
    const paths = ['b/2024-08-27.kml', 'dataset.json', 'places.geojson', 'x/claims.json', 'CLAIMS.JSON', 'notes.txt', 'areas.csv', 'snapshots.store.json.gz', 'kursk-2024-08-20.geojson', 'undated.json'];
    expect(inferSnapshotFiles(paths)).toEqual([
      { dateIso: '2024-08-27', file: 'b/2024-08-27.kml' },
      { dateIso: '2024-08-20', file: 'kursk-2024-08-20.geojson' },
      { dateIso: '', file: 'undated.json' },
    ]);
  });
  it('keeps a date that is not a calendar date for the validator to refuse', () => {
    expect(inferSnapshotFiles(['2024-02-30.geojson'])).toEqual([{ dateIso: '2024-02-30', file: '2024-02-30.geojson' }]);
  });
});

describe('classIdsOfFeatures', () => {
  it('lists string classes in order of first appearance, passing over what a manifest could not hold', () => {
    const r = classIdsOfFeatures([fc('held', 'contested', 'held'), 'not a collection', fc(3, null, 'has space', 'x'.repeat(500), 'grey_zone')]);
    expect(r).toEqual({ ids: ['held', 'contested', 'grey_zone'], overflow: false });
  });
  it('stops at the most classes a manifest may list, and says so', () => {
    const r = classIdsOfFeatures([fc(...Array.from({ length: MAX_LIST_ENTRIES + 5 }, (_, i) => `c${i}`))]);
    expect(r.ids).toHaveLength(MAX_LIST_ENTRIES);
    expect(r.overflow).toBe(true);
  });
});

describe('inferManifest', () => {
  it('one readable class per id, palette colours in order, one unclipped measure per class', () => {
    const ids = Array.from({ length: DEFAULT_PALETTE.length + 1 }, (_, i) => `class_${i}`);
    const m = inferManifest({ name: 'my data (2024)', classIds: ids, snapshots: [] });
    expect(m.classes[0]).toEqual({ id: 'class_0', label: 'Class 0', color: DEFAULT_PALETTE[0] });
    expect(m.classes[DEFAULT_PALETTE.length]!.color).toBe(DEFAULT_PALETTE[0]);
    expect(m.measures[1]).toEqual({ id: 'class_1', label: 'Class 1', classes: ['class_1'] });
    expect(m).toMatchObject({ id: 'my-data-2024-', title: 'my data (2024)', region: '', sources: [] });
    expect(m.placesFile).toBeUndefined();
  });
  it('no class: one default class "area"; no name: id "dataset"', () => {
    const m = inferManifest({ name: '', classIds: [], snapshots: [] });
    expect(m.classes).toEqual([{ id: 'area', label: 'Control area', color: DEFAULT_PALETTE[0] }]);
    expect(m.id).toBe('dataset');
    expect(inferManifest({ name: '***', classIds: [], snapshots: [] }).id).toBe('-');
  });
  it('names the places file and the claims ledger when the folder has them', () => {
    const m = inferManifest({ name: 'd', classIds: ['a'], snapshots: [], paths: new Set(['places.geojson', 'claims.json']) });
    expect(m).toMatchObject({ placesFile: 'places.geojson', claimsFile: 'claims.json' });
  });
  it('defaultClass makes an id readable', () => {
    expect(defaultClass('russian_held.in-zone', 2)).toEqual({ id: 'russian_held.in-zone', label: 'Russian held in zone', color: DEFAULT_PALETTE[2] });
  });
});

describe('inferFolderManifest', () => {
  it('decodes each snapshot once for its classes and says which parts are defaults', () => {
    const files = new Map<string, unknown>([['2024-08-20.geojson', fc('held')], ['2024-08-27.geojson', fc('contested', 'held')], ['places.geojson', fc('place')]]);
    const decoded: string[] = [];
    const r = inferFolderManifest(files, (p) => (decoded.push(p), files.get(p)), 'kursk', false);
    expect(decoded).toEqual(['2024-08-20.geojson', '2024-08-27.geojson']);
    expect(r.manifest.classes.map((c) => c.id)).toEqual(['held', 'contested']);
    expect(r.manifest.snapshots.map((s) => s.dateIso)).toEqual(['2024-08-20', '2024-08-27']);
    expect(r.manifest.placesFile).toBe('places.geojson');
    expect(r.issues).toEqual([
      {
        file: 'dataset.json',
        reason: 'not found: manifest inferred from 2 GeoJSON files; classes "held", "contested" from the features\' "class" property, with default labels and colours, one unclipped measure per class, and no source or licence stated',
        severity: 'warning',
      },
    ]);
  });
  it('an unusable dataset.json is said so, and too many classes is an error', () => {
    const files = new Map<string, unknown>([['2024-08-20.geojson', fc(...Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => `c${i}`))]]);
    const r = inferFolderManifest(files, (p) => files.get(p), 'x', true);
    expect(r.issues.map((i) => i.severity)).toEqual(['error', 'warning']);
    expect(r.issues[1]!.reason).toMatch(/^unusable: manifest inferred from 1 GeoJSON file;/);
  });
});
