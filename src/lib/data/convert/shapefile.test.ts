// Shapefile converter: ISW's 2025-01-19 layers zipped in WGS 84 and in UTM 36N (fixtures/shapefile), and
// broken archives: truncated, a .prj proj4 cannot read, no .prj.
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { convertShapefileEntries } from './shapefile';
import { readZip } from './zip';
import { provenanceOf } from './provenance';
import { fixture, reference, sumAreaKm2 } from './test-fixtures';

function convertZip(file: string, bytes: Uint8Array) {
  const z = readZip(file, bytes);
  if (!z.ok) return { json: undefined, issues: [z.issue] };
  return convertShapefileEntries(file, z.entries);
}
const ref = reference('isw', '2025-01-19');
const cls = (c: string) => (p: Record<string, unknown>) => p.class === c;

describe('convertShapefileEntries', () => {
  it('reads every layer of a WGS 84 zip, with attributes, layer and record number; areas as the GeoJSON', () => {
    const r = convertZip('2025-01-19.zip', fixture('shapefile/2025-01-19.zip'));
    expect(r.issues).toEqual([]);
    expect(r.json?.features).toHaveLength(7);
    const ua = r.json!.features.filter((f) => provenanceOf(f.properties)?.layer === 'ukrainian_advances');
    expect(ua).toHaveLength(3);
    expect(provenanceOf(ua[0]!.properties)).toEqual({ format: 'Shapefile', entry: 'ukrainian_advances.shp', layer: 'ukrainian_advances', originalId: 1 });
    // dBase field names are cut to 10 characters: isw_shape_area_km2 arrives as isw_shape_, isw_global_id as isw_global.
    expect(ua[0]!.properties).toMatchObject({ isw_global: '9A5B0A3E-DA89-40A2-95A7-8A08F5F32FAE', isw_shape_: 437.84 });
    expect(sumAreaKm2(r.json!, (p) => provenanceOf(p)?.layer === 'ukrainian_advances')).toBeCloseTo(sumAreaKm2(ref, cls('ukraine_advance_in_russia')), 6);
    expect(sumAreaKm2(r.json!, (p) => provenanceOf(p)?.layer === 'russian_advances')).toBeCloseTo(sumAreaKm2(ref, cls('russian_advance_in_russia')), 6);
  });

  it('reprojects a .prj in UTM zone 36N to WGS 84, and says so; areas within 0.01 % of the GeoJSON', () => {
    const r = convertZip('2025-01-19-utm36n.zip', fixture('shapefile/2025-01-19-utm36n.zip'));
    expect(r.issues.map((i) => [i.severity, i.reason])).toEqual([
      ['warning', 'russian_advances.prj: coordinates in "WGS_1984_UTM_Zone_36N", reprojected to WGS 84 longitude/latitude (proj4)'],
      ['warning', 'ukrainian_advances.prj: coordinates in "WGS_1984_UTM_Zone_36N", reprojected to WGS 84 longitude/latitude (proj4)'],
    ]);
    expect(r.json?.features).toHaveLength(7);
    expect(Math.abs(sumAreaKm2(r.json) / sumAreaKm2(ref) - 1)).toBeLessThan(1e-4);
  });

  it('refuses a layer whose .prj proj4 cannot read, with the reason, and keeps the other layer', () => {
    const entries = unzipSync(fixture('shapefile/2025-01-19.zip'));
    const wgs = strFromU8(entries['russian_advances.prj']!);
    entries['russian_advances.prj'] = strToU8(`PROJCS["Kursk_Local_Grid",${wgs},PROJECTION["Made_Up_Projection"],UNIT["Meter",1.0]]`);
    const r = convertZip('local.zip', zipSync(entries));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error' });
    expect(r.issues[0]!.reason).toMatch(/^russian_advances\.prj: coordinate system "Kursk_Local_Grid" could not be read \(.+\); layer russian_advances left out\. Reproject it to WGS 84 \(EPSG:4326\) and export again$/);
    expect(r.json?.features).toHaveLength(3);
  });

  it('a layer without .prj is read as WGS 84, with a warning', () => {
    const entries = unzipSync(fixture('shapefile/2025-01-19.zip'));
    delete entries['ukrainian_advances.prj'];
    const r = convertZip('noprj.zip', zipSync(entries));
    expect(r.issues.map((i) => i.reason)).toEqual(['ukrainian_advances.shp: no .prj beside it; coordinates taken as WGS 84 longitude/latitude']);
    expect(r.json?.features).toHaveLength(7);
  });

  it('a truncated zip is refused; a zip with no .shp says what it holds', () => {
    const whole = fixture('shapefile/2025-01-19.zip');
    const cut = convertZip('cut.zip', whole.slice(0, whole.length - 100));
    expect(cut.json).toBeUndefined();
    expect(cut.issues[0]!.reason).toMatch(/^not a readable zip archive/);
    const none = convertShapefileEntries('notes.zip', new Map([['readme.txt', strToU8('hi')]]));
    expect(none.issues[0]!.reason).toBe('no .shp inside the archive (it holds readme.txt); a Shapefile needs at least .shp, .dbf and .prj');
  });
});
