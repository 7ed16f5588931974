// The class-mapping step's logic on real converted files (the KML, TopoJSON fixtures) and a DeepState-style
// GeoJSON: survey, suggestions, the dataset.json it builds, and the loader applying it.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { applyClassMapping, buildMappedManifest, buildPreviewManifest, commonFolder, datesForFiles, keyId, type MappingChoice } from './class-mapping';
import { surveyDataset, type FileSurvey } from './class-survey';
import { CONVENTION_CLASSES, suggestClass } from './conventions';
import { convertDatasetFiles } from './convert/convert-files';
import { fixture, reference } from './convert/test-fixtures';
import { loadAnyDataset } from './load-any';
import { parseManifestJson } from './manifest';
import { classAreasKm2 } from '../domain/area';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const square = (x: number, props: Record<string, unknown>) => ({
  type: 'Feature', properties: props,
  geometry: { type: 'Polygon', coordinates: [[[x, 51], [x + 0.1, 51], [x + 0.1, 51.1], [x, 51.1], [x, 51]]] },
});

async function converted(paths: string[]) {
  const r = await convertDatasetFiles(paths.map((p) => ({ path: p.split('/').pop()!, bytes: fixture(p) })));
  return r.files.map((f) => ({ file: f.path, json: f.converted?.json }));
}

describe('suggestClass', () => {
  it('knows DeepState fills and labels and ISW layer names, and nothing else', () => {
    expect(suggestClass('#01579B')).toEqual({ classId: 'ukraine_held_in_russia', convention: 'DeepState fill colour' });
    expect(suggestClass('Статус невідомий /// Unknown status /// geoJSON.status.unknown')).toEqual({ classId: 'unknown_status', convention: 'DeepState label' });
    expect(suggestClass('Окуповано /// Occupied')).toEqual({ classId: 'russian_occupied', convention: 'DeepState label' });
    expect(suggestClass('Kursk Incursion Claimed Limit of Ukrainian Advance August 25, 2024')).toEqual({ classId: 'ukraine_advance_in_russia', convention: 'ISW/CTP layer name' });
    expect(suggestClass('Kursk Incursion Russian Advances in Russia')?.classId).toBe('russian_advance_in_russia');
    expect(suggestClass('temp')).toBeUndefined();
    expect(suggestClass('#1f5a9c')).toBeUndefined();
    expect(suggestClass('constructor')).toBeUndefined(); // data values are never looked up on a prototype
    expect(suggestClass('__proto__')).toBeUndefined();
    for (const s of ['#01579b', '#a52714', '#bdbdbd', '#880e4f']) expect(CONVENTION_CLASSES[suggestClass(s)!.classId]).toBeDefined();
  });
});

describe('surveyDataset', () => {
  it('lists fill, folder and properties of the KML with counts and areas; nothing is suggested for NZZ colours', async () => {
    const s = surveyDataset(await converted(['kml/2025-03-16.kml', 'kml/2024-12-15.kmz']));
    expect(s.features).toBe(4);
    expect(s.withClass).toBe(0);
    expect(s.files.map((f) => f.dateFromName)).toEqual(['2025-03-16', '2024-12-15']);
    expect(s.files[0]!.dateValues.nzz_date).toEqual(['2025-03-16']);
    const fill = s.keys.find((k) => k.key.from === 'style-fill')!;
    expect(fill.values.map((v) => [v.value, v.features, Math.round(v.areaKm2 * 10) / 10])).toEqual([
      ['#1f5a9c', 2, 629.4],
      ['#9e9e9e', 1, 22.3],
      ['#d62b2b', 1, 8.1],
    ]);
    expect(fill.values.every((v) => v.suggestion === undefined)).toBe(true);
    expect(s.keys.map((k) => keyId(k.key))).toEqual(expect.arrayContaining(['layer', 'property:nzz_type', 'property:name']));
    // Per-feature dates are not offered as classes: 4 features, but nzz_date has 2 values, kept; ids are not.
    expect(s.keys.some((k) => keyId(k.key) === 'property:provenance')).toBe(false);
  });

  it('puts the key with suggestions first: ISW layer names of the TopoJSON objects', async () => {
    const s = surveyDataset(await converted(['topojson/2024-08-25.topojson', 'topojson/2024-12-15.topojson']));
    const first = s.keys[0]!;
    expect(first.key.from === 'layer' || first.key.from === 'property').toBe(true);
    expect(first.values).toHaveLength(3);
    for (const v of first.values) expect(v.suggestion?.classId).toBe(/Russian Advances/.test(v.value) ? 'russian_advance_in_russia' : 'ukraine_advance_in_russia');
  });

  it('suggests DeepState classes for a DeepState-style GeoJSON without class', () => {
    const fc = { type: 'FeatureCollection', features: [square(35, { deepstate_fill: '#01579b', deepstate_name: 'Звільнено /// Liberated' }), square(35.2, { deepstate_fill: '#bdbdbd', deepstate_name: 'Статус невідомий /// Unknown status' })] };
    const s = surveyDataset([{ file: '2024-08-20.geojson', json: fc }]);
    expect(keyId(s.keys[0]!.key)).toBe('property:deepstate_fill');
    expect(s.keys[0]!.values.map((v) => v.suggestion?.classId)).toEqual(['ukraine_held_in_russia', 'unknown_status']);
  });
});

describe('buildMappedManifest and applyClassMapping', () => {
  const held = { id: 'held', label: 'Ukrainian advance', color: '#1565c0', description: 'NZZ "losses"' };
  const choice: MappingChoice = {
    key: { from: 'layer' },
    classes: [held, { id: 'unused', label: 'Unused', color: '#000000' }],
    assignments: new Map([['Russian losses (Ukrainian advance)', 'held'], ['Russian gains in the window', null]]),
  };

  it('builds a manifest the manifest parser accepts as is, dropping classes nothing maps to', () => {
    const m = buildMappedManifest({ title: 'NZZ Kursk', choice, dated: [{ file: 'b.kmz', dateIso: '2025-03-16' }, { file: 'a.kmz', dateIso: '2024-12-15' }], source: { name: 'NZZ', licenceStatus: 'not checked', attribution: '' } });
    const parsed = parseManifestJson('dataset.json', JSON.parse(JSON.stringify(m)));
    expect(parsed.issues).toEqual([]);
    expect(parsed.ok && parsed.value).toEqual(m);
    expect(m.classes.map((c) => c.id)).toEqual(['held']);
    expect(m.snapshots.map((s) => s.file)).toEqual(['a.kmz', 'b.kmz']);
    expect(m.classMapping).toEqual({ from: 'layer', values: [{ value: 'Russian losses (Ukrainian advance)', class: 'held' }, { value: 'Russian gains in the window', class: null }] });
    expect(m.sources).toEqual([{ name: 'NZZ', licenceStatus: 'not checked', attribution: 'NZZ' }]);
  });

  it('a class mapping naming an unknown class is an error naming the entry', () => {
    const m = JSON.parse(JSON.stringify(buildMappedManifest({ title: 't', choice, dated: [] })));
    m.classMapping.values[0].class = 'nope';
    const parsed = parseManifestJson('dataset.json', m);
    expect(parsed.issues.map((i) => i.reason)).toContain('classMapping.values[0].class: unknown class "nope"; value "Russian losses (Ukrainian advance)" dropped');
  });

  it('classes features by value, leaves out what it says, reports values it does not list', async () => {
    const [kml] = await converted(['kml/2025-03-16.kml']);
    const r = applyClassMapping('2025-03-16.kml', kml!.json, buildMappedManifest({ title: 't', choice, dated: [] }).classMapping!);
    const fc = r.json as FeatureCollection;
    expect(fc.features.map((f) => f.properties!.class)).toEqual(['held']);
    expect(r.issues.map((i) => [i.severity, i.featureIndex, i.reason])).toEqual([
      ['warning', 1, 'features[1]: 1 feature with layer or folder "Russian gains in the window" left out, as dataset.json\'s class mapping says'],
      ['error', 2, 'features[2]: 1 feature with layer or folder "Russian-held, unchanged", a value dataset.json\'s class mapping does not list; left out'],
    ]);
  });

  it('the preview gives every undecided value a class and colour of its own and hides left-out ones', () => {
    const p = buildPreviewManifest({ title: 't', choice, values: ['Russian losses (Ukrainian advance)', 'Russian gains in the window', 'Russian-held, unchanged'], dated: [] });
    expect(p.manifest.classes.map((c) => [c.id, c.label])).toEqual([['held', 'Ukrainian advance'], ['unmapped_1', 'Not mapped yet: Russian-held, unchanged']]);
    expect([...p.previewColour]).toEqual([['Russian losses (Ukrainian advance)', '#1565c0'], ['Russian-held, unchanged', '#0072b2']]);
  });
});

describe('a mapped dataset end to end (conversion, mapping, the same validator as GeoJSON)', () => {
  it('KMZ + KML with a saved dataset.json: the same features and areas per class as the GeoJSON they came from', async () => {
    const classes = [
      { id: 'ukraine_advance_in_russia', label: 'Russia’s losses', color: '#1565c0' },
      { id: 'russian_held', label: 'Russian-held', color: '#c62828' },
      { id: 'russian_gain_recent', label: 'Russian gains (window)', color: '#ef6c00' },
    ];
    const manifest = buildMappedManifest({
      title: 'NZZ Kursk',
      choice: { key: { from: 'property', property: 'nzz_type' }, classes, assignments: new Map([['losses', 'ukraine_advance_in_russia'], ['nochange', 'russian_held'], ['gains', 'russian_gain_recent']]) },
      dated: [{ file: '2024-12-15.kmz', dateIso: '2024-12-15' }, { file: '2025-03-16.kml', dateIso: '2025-03-16' }],
    });
    const r = await loadAnyDataset([
      { path: 'dataset.json', bytes: enc(manifest) },
      { path: '2024-12-15.kmz', bytes: fixture('kml/2024-12-15.kmz') },
      { path: '2025-03-16.kml', bytes: fixture('kml/2025-03-16.kml') },
    ]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ids = classes.map((c) => c.id);
    for (const [i, date] of ['2024-12-15', '2025-03-16'].entries()) {
      const ref = reference('nzz', date);
      const snap = r.value.snapshots[i]!;
      expect(snap.dateIso).toBe(date);
      expect(snap.features).toHaveLength(ref.features.length);
      const got = classAreasKm2(snap.features, ids);
      const want = classAreasKm2(ref.features as never, ids);
      for (const id of ids) expect(got[id]).toBeCloseTo(want[id]!, 6);
    }
  });
});

describe('datesForFiles and commonFolder', () => {
  const files: FileSurvey[] = [
    { file: '2024-12-15.kmz', features: 1, withClass: 0, dateFromName: '2024-12-15', dateValues: { nzz_date: ['2024-12-15'] } },
    { file: 'latest.kml', features: 3, withClass: 0, dateValues: { nzz_date: ['2025-03-16'], other: ['2025-03-01', '2025-03-02'] } },
  ];
  it('takes dates from names, a property, or what was typed, and says why a file has none', () => {
    expect(datesForFiles(files, { from: 'name' }, new Map())).toEqual({ dated: [{ file: '2024-12-15.kmz', dateIso: '2024-12-15' }], undated: [{ file: 'latest.kml', reason: 'no YYYY-MM-DD in its name' }] });
    expect(datesForFiles(files, { from: 'property', property: 'nzz_date' }, new Map()).dated.map((d) => d.dateIso)).toEqual(['2024-12-15', '2025-03-16']);
    expect(datesForFiles(files, { from: 'property', property: 'other' }, new Map()).undated).toEqual([
      { file: '2024-12-15.kmz', reason: 'no date in “other”' },
      { file: 'latest.kml', reason: '2 dates in “other” (one file is one snapshot)' },
    ]);
    expect(datesForFiles(files, { from: 'name' }, new Map([['latest.kml', '2024-12-15']])).undated).toEqual([{ file: 'latest.kml', reason: '2024-12-15 is already the date of 2024-12-15.kmz' }]);
  });
  it('finds the folder a picked folder’s paths share', () => {
    expect(commonFolder(['nzz/a.kmz', 'nzz/b.kmz'])).toBe('nzz/');
    expect(commonFolder(['a.kmz', 'nzz/b.kmz'])).toBe('');
  });
});
