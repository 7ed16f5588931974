import { describe, expect, it } from 'vitest';
import { loadDataset, loadDeferredFiles } from './load-dataset';
import type { DatasetFile } from './dataset-files';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const square = (w: number, s: number, d: number) => [[[w, s], [w + d, s], [w + d, s + d], [w, s + d], [w, s]]];

/** A folder with one snapshot, two clip regions (one broken) and regions for a breakdown. */
function folder(): DatasetFile[] {
  const manifest = {
    id: 't', title: 'T', region: 'Test', classes: [{ id: 'held', label: 'Held', color: '#ff0000' }],
    measures: [
      { id: 'held', label: 'Held', classes: ['held'] },
      { id: 'held_land', label: 'Held, land', classes: ['held'], clipTo: 'land' },
      { id: 'held_sea', label: 'Held, sea', classes: ['held'], clipTo: 'sea' },
    ],
    clipRegions: { land: { label: 'Land', file: 'land.geojson' }, sea: { label: 'Sea', file: 'sea.geojson' } },
    regions: { file: 'regions.geojson', label: 'Region', measure: 'held' },
    sources: [{ name: 'test', licenceStatus: 'test', attribution: 'test' }],
    snapshots: [{ dateIso: '2024-08-01', file: '2024-08-01.geojson' }],
  };
  return [
    { path: 'dataset.json', bytes: enc(manifest) },
    { path: '2024-08-01.geojson', bytes: enc({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { class: 'held' }, geometry: { type: 'Polygon', coordinates: square(30, 50, 0.2) } }] }) },
    { path: 'land.geojson', bytes: enc({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(29, 49, 3) } }) },
    { path: 'sea.geojson', bytes: enc({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [30, 50] } }) },
    { path: 'regions.geojson', bytes: enc({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Polygon', coordinates: square(29, 49, 2) } }] }) },
  ];
}

describe('files left for later (a shipped dataset’s clip regions and regions)', () => {
  it('loads first without them, saying nothing, then reads them with the issues and drops a full load gives', () => {
    const files = folder();
    const later = new Set(['land.geojson', 'sea.geojson', 'regions.geojson']);
    const full = loadDataset(files);
    const first = loadDataset(files.filter((f) => !later.has(f.path)), { deferred: later });
    if (!full.ok || !first.ok) throw new Error('did not load');
    expect(first.issues).toEqual([]);
    expect(first.value.pending).toEqual(['land.geojson', 'sea.geojson', 'regions.geojson']);
    expect(first.value.manifest.measures.map((m) => m.id)).toEqual(['held', 'held_land', 'held_sea']);
    expect(first.value.clipRegions).toEqual({});
    expect(first.value.snapshots).toEqual(full.value.snapshots);
    const rest = loadDeferredFiles(first.value.manifest, files.filter((f) => later.has(f.path)));
    expect(rest.clipRegions).toEqual(full.value.clipRegions);
    expect(rest.regions).toEqual(full.value.regions);
    expect(rest.droppedMeasures).toEqual(['held_sea']);
    expect(full.value.manifest.measures.map((m) => m.id)).toEqual(['held', 'held_land']);
    expect(rest.issues).toEqual(full.issues);
  });
});

describe('places left for later (a shipped dataset’s gazetteer and place claims)', () => {
  it('loads first without them, then reads them with the same places, coverage, claims and issues as a full load', () => {
    const base = folder();
    const manifest = { ...(JSON.parse(new TextDecoder().decode(base[0]!.bytes)) as object), placesFile: 'places.geojson', placeClaimsFile: 'place-claims.csv' };
    const places = {
      type: 'FeatureCollection',
      coverage: 'Towns only: counts are lower bounds.',
      features: [
        { type: 'Feature', id: 'p:1', properties: { name: 'Inside' }, geometry: { type: 'Point', coordinates: [30.1, 50.1] } },
        { type: 'Feature', id: 'p:2', properties: { name: '' }, geometry: { type: 'Point', coordinates: [31, 51] } },
      ],
    };
    const csv = [
      'date,settlement,claimant,claim,source,quote,asserts,place_id',
      '2024-08-01,Inside,Someone,held,https://example.org/a,"It is held.",held:UA,p:1',
      '2024-08-01,Gone,Someone,held,https://example.org/b,"It is held.",held:UA,p:2',
    ].join('\n');
    const files = [{ path: 'dataset.json', bytes: enc(manifest) }, ...base.slice(1), { path: 'places.geojson', bytes: enc(places) }, { path: 'place-claims.csv', bytes: new TextEncoder().encode(csv) }];
    const later = new Set(['places.geojson', 'place-claims.csv']);
    const full = loadDataset(files);
    const first = loadDataset(files.filter((f) => !later.has(f.path)), { deferred: later });
    if (!full.ok || !first.ok) throw new Error('did not load');
    expect(first.value.pending).toEqual(['places.geojson', 'place-claims.csv']);
    expect(first.value.places).toBeUndefined();
    expect(first.value.placeClaims).toBeUndefined();
    expect(first.issues.filter((i) => /places|place-claims/.test(i.file))).toEqual([]);

    const rest = loadDeferredFiles(first.value.manifest, files.filter((f) => later.has(f.path)));
    expect(rest.places).toEqual(full.value.places);
    expect(rest.places?.map((p) => p.id)).toEqual(['p:1']);
    expect(rest.placesCoverage).toBe('Towns only: counts are lower bounds.');
    expect(rest.placeClaims).toEqual(full.value.placeClaims);
    expect(rest.placeClaims?.map((c) => c.placeId)).toEqual(['p:1', null]);
    // The bad place and the claim about it are named, as a full load names them.
    const placeIssues = (issues: { file: string }[]) => issues.filter((i) => /places|place-claims/.test(i.file));
    expect(placeIssues(rest.issues)).toEqual(placeIssues(full.issues));
    expect(placeIssues(rest.issues).length).toBeGreaterThanOrEqual(2);
  });
});
