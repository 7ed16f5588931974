// KML and KMZ converters: NZZ's Kursk layers laid out as Google My Maps exports them (fixtures/kml), and broken files.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { convertKml } from './kml';
import { convertKmz } from './kmz';
import { provenanceOf } from './provenance';
import { fixture, reference, sumAreaKm2 } from './test-fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const LOSSES = 'Russian losses (Ukrainian advance)';

describe('convertKml', () => {
  it('reads placemarks with polygons, with folder, style and attributes; areas as the GeoJSON it was made from', () => {
    const r = convertKml('2025-03-16.kml', fixture('kml/2025-03-16.kml'));
    expect(r.issues).toEqual([]);
    const fc = r.json!;
    expect(fc.features).toHaveLength(3);
    const first = fc.features[0]!;
    expect(first.properties).toMatchObject({ name: LOSSES, nzz_type: 'losses', nzz_date: '2025-03-16' });
    expect(provenanceOf(first.properties)).toEqual({
      format: 'KML',
      layer: LOSSES,
      style: { fill: '#1f5a9c', fillOpacity: 0.4, stroke: '#1f5a9c', strokeOpacity: 1, strokeWidth: 2, styleUrl: '#poly-1F5A9C' },
    });
    const ref = reference('nzz', '2025-03-16');
    for (const [type, cls] of [['losses', 'ukraine_advance_in_russia'], ['gains', 'russian_gain_recent'], ['nochange', 'russian_held']])
      expect(sumAreaKm2(fc, (p) => p.nzz_type === type)).toBeCloseTo(sumAreaKm2(ref, (p) => p.class === cls), 6);
  });

  it('a KML without polygons: nothing to show, and says what it had instead', () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Sudzha</name><Point><coordinates>35.27,51.19</coordinates></Point></Placemark>
      <Placemark><name>Road</name><LineString><coordinates>35.2,51.1 35.3,51.2</coordinates></LineString></Placemark>
    </Document></kml>`;
    const r = convertKml('points.kml', enc(kml));
    expect(r.json?.features).toEqual([]);
    expect(r.issues.map((i) => [i.severity, i.reason])).toEqual([
      ['error', '1 Point, 1 LineString placemarks left out: only areas (Polygon, MultiPolygon) are control areas'],
      ['error', 'no polygon among its 2 placemarks: nothing to show'],
    ]);
  });

  it('not well-formed XML, and XML that is not KML, are refused with the reason', () => {
    const bad = convertKml('cut.kml', enc('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'));
    expect(bad.json).toBeUndefined();
    expect(bad.issues).toEqual([{ file: 'cut.kml', reason: 'not well-formed XML: unclosed xml tag(s): kml, Document, Placemark', severity: 'error' }]);
    const gpx = convertKml('track.kml', enc('<?xml version="1.0"?><gpx><trk/></gpx>'));
    expect(gpx.issues.at(-1)?.reason).toBe('not KML: <kml> root element expected, <gpx> found');
  });

  it('a MultiGeometry of polygons (as Google Earth writes a multi-part area) is one MultiPolygon; its points are left out', () => {
    const poly = (x: number) => `<Polygon><outerBoundaryIs><LinearRing><coordinates>${x},51 ${x + 0.1},51 ${x + 0.1},51.1 ${x},51</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>two</name><MultiGeometry>${poly(35)}${poly(35.3)}</MultiGeometry></Placemark>
      <Placemark><name>with a pin</name><MultiGeometry>${poly(35.6)}<Point><coordinates>35.65,51.05</coordinates></Point></MultiGeometry></Placemark>
    </Document></kml>`;
    const r = convertKml('multi.kml', enc(kml));
    expect(r.json?.features.map((f) => f.geometry.type)).toEqual(['MultiPolygon', 'Polygon']);
    expect(r.issues).toEqual([{ file: 'multi.kml', featureIndex: 1, reason: 'Placemark 2 “with a pin”: 1 Point inside its multi-geometry left out, its polygons kept', severity: 'warning' }]);
  });

  it('does not expand entities: a "billion laughs" KML stays small and fast', () => {
    const levels = ['<!ENTITY a "aaaaaaaaaa">'];
    for (let i = 1; i < 9; i++) levels.push(`<!ENTITY ${String.fromCharCode(97 + i)} "${`&${String.fromCharCode(96 + i)};`.repeat(10)}">`);
    const kml = `<?xml version="1.0"?><!DOCTYPE kml [${levels.join('')}]><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&i;</name>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>35,51 35.1,51 35.1,51.1 35,51</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const r = convertKml('laughs.kml', enc(kml));
    expect(r.json?.features).toHaveLength(1);
    expect(String(r.json!.features[0]!.properties!.name).length).toBeLessThan(10);
    expect(r.issues.map((i) => i.reason)).toEqual(['XML problem: entity not found:&i;']);
  });
});

describe('convertKmz', () => {
  it('reads the doc.kml inside, its path kept as provenance', () => {
    const r = convertKmz('2024-12-15.kmz', fixture('kml/2024-12-15.kmz'));
    expect(r.issues).toEqual([]);
    expect(r.json?.features).toHaveLength(1);
    expect(provenanceOf(r.json!.features[0]!.properties)).toMatchObject({ format: 'KMZ', entry: 'doc.kml', layer: LOSSES });
    const ref = reference('nzz', '2024-12-15');
    expect(sumAreaKm2(r.json)).toBeCloseTo(sumAreaKm2(ref), 6);
  });

  it('a truncated KMZ is refused, saying it may be incomplete', () => {
    const whole = fixture('kml/2025-03-16.kmz');
    const r = convertKmz('cut.kmz', whole.slice(0, Math.floor(whole.length / 2)));
    expect(r.json).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.reason).toMatch(/^not a readable zip archive \(.+\); is it complete\? A download that stopped early leaves a truncated zip$/);
  });

  it('a zip with no KML in it says what it holds', () => {
    const r = convertKmz('photos.kmz', zipSync({ 'a.jpg': new Uint8Array([1, 2, 3]) }));
    expect(r.issues[0]?.reason).toBe('no .kml inside the archive (it holds a.jpg)');
  });

  it('refuses an archive that inflates past the size limit, before inflating it', () => {
    const big = zipSync({ 'doc.kml': new Uint8Array(2_000_000) }, { level: 9 });
    const r = convertKmz('bomb.kmz', big, { maxBytes: 1_000_000 });
    expect(r.issues[0]?.reason).toBe('archive inflates to more than 976.6 kB (at doc.kml); not read');
  });
});
