// The worker's survey for the class-mapping step: converted and GeoJSON files alike, conversion issues kept.
import { describe, expect, it } from 'vitest';
import { surveyFiles } from './survey-files';
import { fixture } from './convert/test-fixtures';
import { needsClassMapping } from './class-mapping';

describe('surveyFiles', () => {
  it('surveys a KMZ and a TopoJSON together, skips the manifest, and keeps what conversion said', async () => {
    const r = await surveyFiles([
      { path: '2024-12-15.kmz', bytes: fixture('kml/2024-12-15.kmz') },
      { path: '2024-08-25.topojson', bytes: fixture('topojson/2024-08-25.topojson') },
      { path: '2024-09-01.kmz', bytes: fixture('kml/2024-12-15.kmz').slice(0, 100) },
    ]);
    expect(r.hasManifest).toBe(false);
    expect(r.survey.files.map((f) => [f.file, f.features])).toEqual([['2024-12-15.kmz', 1], ['2024-08-25.topojson', 1]]);
    expect(r.issues.map((i) => i.file)).toEqual(['2024-09-01.kmz']);
    expect(needsClassMapping(r.survey)).toBe(true);
    const layer = r.survey.keys.find((k) => k.key.from === 'layer')!;
    expect(layer.values.map((v) => v.value).sort()).toEqual(['Kursk Incursion Claimed Limit of Ukrainian Advance August 25, 2024', 'Russian losses (Ukrainian advance)']);
  });

  it('files that carry a class need no mapping', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { class: 'held' }, geometry: { type: 'Polygon', coordinates: [[[35, 51], [35.1, 51], [35.1, 51.1], [35, 51]]] } }] };
    const r = await surveyFiles([{ path: '2024-08-25.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) }]);
    expect(needsClassMapping(r.survey)).toBe(false);
  });
});
