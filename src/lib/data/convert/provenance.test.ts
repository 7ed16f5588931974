// Provenance read back from properties (anything may be there) and put into words for popups.
import { describe, expect, it } from 'vitest';
import { describeProvenance, provenanceOf } from './provenance';

describe('provenanceOf and describeProvenance', () => {
  it('reads a KMZ placemark’s provenance and says it in one line', () => {
    const p = provenanceOf({ provenance: { format: 'KMZ', entry: 'doc.kml', layer: 'Losses', originalId: 'p3', style: { fill: '#1f5a9c', fillOpacity: 0.4, stroke: '#1f5a9c' } } });
    expect(p).toBeDefined();
    expect(describeProvenance(p!)).toBe('from KMZ (doc.kml), folder “Losses”, original id “p3”, drawn with fill #1f5a9c at 40 %, outline #1f5a9c');
    expect(describeProvenance({ format: 'Shapefile', entry: 'ua.shp', layer: 'ua', originalId: 7 })).toBe('from Shapefile (ua.shp), layer “ua”, original id 7');
    expect(describeProvenance({ format: 'TopoJSON', layer: 'kursk' })).toBe('from TopoJSON, object “kursk”');
  });

  it('ignores what is not a provenance, and parts of the wrong type', () => {
    expect(provenanceOf({ name: 'x' })).toBeUndefined();
    expect(provenanceOf({ provenance: 'KML' })).toBeUndefined();
    expect(provenanceOf(Object.create({ provenance: { format: 'KML' } }))).toBeUndefined();
    expect(provenanceOf({ provenance: { format: 'KML', layer: 5, originalId: {}, style: { fill: 3, fillOpacity: 'x' } } })).toEqual({ format: 'KML' });
  });
});
