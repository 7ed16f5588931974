// The conversion step: each file to its converter by name and content; GeoJSON untouched; failures kept as files.
import { describe, expect, it } from 'vitest';
import { convertDatasetFiles } from './convert-files';
import { fixture } from './test-fixtures';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('convertDatasetFiles', () => {
  it('dispatches by name and content, leaves GeoJSON and the manifest alone, keeps a failed file with its issue', async () => {
    const geojson = enc({ type: 'FeatureCollection', features: [] });
    const r = await convertDatasetFiles([
      { path: 'dataset.json', bytes: enc({ id: 'x' }) },
      { path: 'a/2024-08-20.geojson', bytes: geojson },
      { path: '2024-08-25.json', bytes: fixture('topojson/2024-08-25.topojson') }, // TopoJSON saved as .json
      { path: '2025-03-16.json', bytes: fixture('esri/2025-03-16.json') },
      { path: '2024-09-01.json', bytes: geojson }, // GeoJSON saved as .json: handed on decoded
      { path: '2024-09-08.topojson', bytes: geojson },
      { path: 'notes.txt', bytes: enc('hello') },
    ]);
    expect(r.files.map((f) => [f.path, f.converted === undefined ? 'as is' : f.converted.json === undefined ? 'failed' : `${(f.converted.json as { features: unknown[] }).features.length} features`])).toEqual([
      ['dataset.json', 'as is'],
      ['a/2024-08-20.geojson', 'as is'],
      ['2024-08-25.json', '1 features'],
      ['2025-03-16.json', '6 features'],
      ['2024-09-01.json', '0 features'],
      ['2024-09-08.topojson', 'failed'],
      ['notes.txt', 'as is'],
    ]);
    expect(r.issues).toEqual([{ file: '2024-09-08.topojson', reason: 'named .topojson but not a TopoJSON Topology (type "Topology" expected)', severity: 'error' }]);
  });

  it('a .zip holding a KML is read as a KMZ; a file over the limit is not read', async () => {
    const r = await convertDatasetFiles([{ path: '2024-12-15.zip', bytes: fixture('kml/2024-12-15.kmz') }]);
    expect((r.files[0]!.converted!.json as { features: unknown[] }).features).toHaveLength(1);
    const big = await convertDatasetFiles([{ path: 'big.kml', bytes: new Uint8Array(2048) }], { maxBytes: 1024 });
    expect(big.issues.map((i) => i.reason)).toEqual(['file is 2 kB, over the 1 kB limit; not read (split it into smaller files)']);
  });
});
