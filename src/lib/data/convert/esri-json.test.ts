// Esri JSON converter: ISW layers as ArcGIS query results (fixtures/esri, WGS 84 and Web Mercator), and broken
// ones: rings wound the wrong way, an unknown spatial reference, a bad feature.
import { describe, expect, it } from 'vitest';
import { convertEsriJson } from './esri-json';
import { provenanceOf } from './provenance';
import { fixtureJson, reference, sumAreaKm2 } from './test-fixtures';

type EsriSet = { spatialReference: unknown; features: { attributes: Record<string, unknown>; geometry: { rings: number[][][] } }[] };

describe('convertEsriJson', () => {
  it('reads a WGS 84 feature set: attributes, OBJECTID as original id, areas as the GeoJSON', async () => {
    const r = await convertEsriJson('2025-03-16.json', fixtureJson('esri/2025-03-16.json'));
    expect(r.issues).toEqual([]);
    expect(r.json?.features).toHaveLength(6);
    expect(provenanceOf(r.json!.features[2]!.properties)).toEqual({ format: 'Esri JSON', originalId: 3 });
    const ref = reference('isw', '2025-03-16');
    expect(sumAreaKm2(r.json)).toBeCloseTo(sumAreaKm2(ref), 6);
  });

  it('reprojects Web Mercator (wkid 102100) and says so; areas within 0.01 % of the GeoJSON', async () => {
    const r = await convertEsriJson('2025-01-19.json', fixtureJson('esri/2025-01-19.json'));
    expect(r.issues.map((i) => i.reason)).toEqual(['coordinates in wkid 3857, reprojected to WGS 84 longitude/latitude (proj4)']);
    const ref = reference('isw', '2025-01-19');
    expect(Math.abs(sumAreaKm2(r.json) / sumAreaKm2(ref) - 1)).toBeLessThan(1e-4);
  });

  it('rings wound the wrong way (outer counter-clockwise) are read as outer rings, each feature named in a warning', async () => {
    const set = fixtureJson('esri/2025-03-16.json') as EsriSet;
    const good = await convertEsriJson('good.json', structuredClone(set));
    set.features[0]!.geometry.rings = set.features[0]!.geometry.rings.map((ring) => [...ring].reverse());
    const r = await convertEsriJson('ccw.json', set);
    expect(r.issues).toEqual([
      {
        file: 'ccw.json', featureIndex: 0, featureId: 1, path: 'features[0].geometry.rings', severity: 'warning',
        reason: 'features[0].geometry.rings: no ring runs clockwise (Esri JSON outer rings run clockwise, holes counter-clockwise); its 1 ring is read as outer ring',
      },
    ]);
    expect(sumAreaKm2(r.json)).toBeCloseTo(sumAreaKm2(good.json), 6);
  });

  it('an unknown spatial reference is refused with what to do', async () => {
    const set = fixtureJson('esri/2025-03-16.json') as EsriSet;
    set.spatialReference = { wkid: 999999 };
    const r = await convertEsriJson('odd.json', set);
    expect(r.json).toBeUndefined();
    expect(r.issues.map((i) => i.reason)).toEqual(['spatialReference: wkid 999999 is not a coordinate system this app knows; nothing read. Query the layer again with outSR=4326']);
  });

  it('a feature with broken rings costs only itself', async () => {
    const set = fixtureJson('esri/2025-03-16.json') as EsriSet;
    (set.features[1]!.geometry as unknown as { rings: unknown }).rings = [[[35.1, 'x']]];
    const r = await convertEsriJson('bad.json', set);
    expect(r.json?.features).toHaveLength(5);
    expect(r.issues.map((i) => i.reason)).toEqual(['features[1].geometry.rings: ring 0: [x, y] of numbers expected, an array of 2 found; left out']);
  });
});
