// Opening one mapper's file by URL: a KMZ or an Esri JSON comes back as a one-file dataset for the worker to
// convert, not as a manifest. (fetch answered from the fixtures; nothing leaves the machine.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDatasetByUrl } from '../read-dropped';
import { fixture } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

function serve(bytes: Uint8Array) {
  vi.stubGlobal('fetch', async () => new Response(bytes.slice(), { status: 200, headers: { 'content-length': String(bytes.byteLength) } }));
}

describe('fetchDatasetByUrl with converted formats', () => {
  it('a .kmz URL is one file, its bytes untouched', async () => {
    const kmz = fixture('kml/2024-12-15.kmz');
    serve(kmz);
    const r = await fetchDatasetByUrl(new URL('https://example.org/maps/2024-12-15.kmz'));
    expect(r.issues).toEqual([]);
    expect(r.files.map((f) => [f.path, f.bytes.byteLength])).toEqual([['2024-12-15.kmz', kmz.byteLength]]);
  });

  it('an ArcGIS query result saved as .json is one file, not a manifest', async () => {
    serve(fixture('esri/2025-03-16.json'));
    const r = await fetchDatasetByUrl(new URL('https://example.org/query/2025-03-16.json'));
    expect(r.files.map((f) => f.path)).toEqual(['2025-03-16.json']);
  });
});
