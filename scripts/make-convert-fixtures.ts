// `npx tsx scripts/make-convert-fixtures.ts <shared-data-dir>`: makes the converter fixtures in
// src/lib/data/convert/fixtures/ from the project's ISW and NZZ Kursk sets (their READMEs: isw-kursk/, nzz-kursk/),
// in the formats mappers publish: TopoJSON (as Le Monde mirrors ISW's layers), Esri JSON (an ArcGIS query
// result), a zipped Shapefile (as ISW distributes its layers; also reprojected to UTM 36N), KML and KMZ (as
// Google My Maps exports them: a folder per layer, a style per folder). `class` is removed from every feature,
// since a mapper's file carries none; the GeoJSON they came from is in the repo as geodata/kursk-isw and kursk-nzz.
// Needs ogr2ogr (Debian: gdal-bin) for the Shapefiles, KML and KMZ.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { topology } from 'topojson-server';
import proj4 from 'proj4';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const shared = process.argv[2];
if (!shared) {
  console.error('usage: npx tsx scripts/make-convert-fixtures.ts <shared-data-dir>');
  process.exit(2);
}
const OUT = resolve('src/lib/data/convert/fixtures');
type Fc = FeatureCollection<Polygon | MultiPolygon>;
const read = (set: string, date: string): Fc => JSON.parse(readFileSync(join(shared, set, `${date}.geojson`), 'utf8')) as Fc;
/** The features of one class, without `class`. */
const ofClass = (fc: Fc, cls: string): Fc => ({
  type: 'FeatureCollection',
  features: fc.features.filter((f) => f.properties?.class === cls).map((f) => ({ ...f, properties: withoutClass(f.properties) })),
});
const withoutClass = (p: Feature['properties']): Record<string, unknown> => {
  const { class: _c, ...rest } = p ?? {};
  return rest;
};
const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { stdio: ['ignore', 'ignore', 'inherit'] });
/** Set a file's time to the data's date, so that the zips come out the same on every run. */
const stamp = (path: string, dateIso: string) => utimesSync(path, new Date(`${dateIso}T00:00:00Z`), new Date(`${dateIso}T00:00:00Z`));
const tmp = mkdtempSync(join(tmpdir(), 'cg-fixtures-'));
for (const d of ['topojson', 'esri', 'shapefile', 'kml']) mkdirSync(join(OUT, d), { recursive: true });

// TopoJSON, one object per ISW layer, named as ISW named it on that date (isw-kursk/README.md), quantized
// like the Le Monde mirror (1e5: about 25 m here).
for (const d of ['2024-08-25', '2024-12-15']) {
  const fc = read('isw-kursk', d);
  const objects: Record<string, Fc> = {};
  const ua = ofClass(fc, 'ukraine_advance_in_russia');
  const ru = ofClass(fc, 'russian_advance_in_russia');
  if (ua.features.length > 0) objects[String(ua.features[0]!.properties!.isw_layer)] = ua;
  if (ru.features.length > 0) objects[String(ru.features[0]!.properties!.isw_layer)] = ru;
  writeFileSync(join(OUT, 'topojson', `${d}.topojson`), JSON.stringify(topology(objects, 1e5)));
}

// Esri JSON: what an ArcGIS feature-layer query (f=json) returns, outer rings clockwise; 2025-01-19 in Web
// Mercator (wkid 102100, ArcGIS's default output), 2025-03-16 in WGS 84 (outSR=4326).
const toMercator = proj4('EPSG:4326', 'EPSG:3857');
for (const [d, wkid] of [['2025-01-19', 102100], ['2025-03-16', 4326]] as const) {
  const fc = read('isw-kursk', d);
  const fieldNames = [...new Set(fc.features.flatMap((f) => Object.keys(withoutClass(f.properties))))];
  const project = (p: number[]) => (wkid === 4326 ? p : toMercator.forward(p).map((v) => Math.round(v * 100) / 100));
  const features = fc.features.map((f, i) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    // Esri: outer rings clockwise, holes counter-clockwise; GeoJSON is the other way round.
    const rings = polys.flatMap((poly) => poly.map((ring) => [...ring].reverse().map(project)));
    return { attributes: { OBJECTID: i + 1, ...withoutClass(f.properties) }, geometry: { rings } };
  });
  const esri = {
    objectIdFieldName: 'OBJECTID',
    geometryType: 'esriGeometryPolygon',
    spatialReference: { wkid, latestWkid: wkid === 102100 ? 3857 : 4326 },
    fields: [{ name: 'OBJECTID', type: 'esriFieldTypeOID', alias: 'OBJECTID' }, ...fieldNames.map((n) => ({ name: n, type: typeof fc.features.find((f) => f.properties?.[n] !== undefined)?.properties?.[n] === 'number' ? 'esriFieldTypeDouble' : 'esriFieldTypeString', alias: n }))],
    features,
  };
  writeFileSync(join(OUT, 'esri', `${d}.json`), JSON.stringify(esri));
}

// Shapefiles: one layer per ISW layer in a zip, WGS 84; and the same reprojected to UTM zone 36N (EPSG:32636).
{
  const d = '2025-01-19';
  const fc = read('isw-kursk', d);
  for (const [suffix, srs] of [['', 'EPSG:4326'], ['-utm36n', 'EPSG:32636']] as const) {
    const dir = join(tmp, `shp${suffix}`);
    mkdirSync(dir);
    for (const [layer, cls] of [['ukrainian_advances', 'ukraine_advance_in_russia'], ['russian_advances', 'russian_advance_in_russia']] as const) {
      const src = join(tmp, `${layer}.geojson`);
      writeFileSync(src, JSON.stringify(ofClass(fc, cls)));
      ogr('-f', 'ESRI Shapefile', '-t_srs', srs, '-oo', 'DATE_AS_STRING=NO', '-lco', 'ENCODING=UTF-8', join(dir, `${layer}.shp`), src);
    }
    for (const f of readdirSync(dir)) stamp(join(dir, f), d);
    rmSync(join(OUT, 'shapefile', `${d}${suffix}.zip`), { force: true });
    execFileSync('zip', ['-X', '-j', '-q', join(OUT, 'shapefile', `${d}${suffix}.zip`), ...['ukrainian_advances', 'russian_advances'].flatMap((l) => ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => join(dir, `${l}.${e}`)))]);
  }
}

// KML and KMZ laid out as Google My Maps exports them: a shared style (a StyleMap of normal and highlight) per
// layer, a <Folder> per layer, placemarks with <styleUrl>, attributes as <ExtendedData>. Written here, not with
// ogr2ogr, whose KML drivers write a layout no mapper's tool does. NZZ publishes no KML: the styles are ours
// (losses blue, gains red, held grey).
const NZZ_LAYERS = [
  ['losses', 'Russian losses (Ukrainian advance)', '1f5a9c'],
  ['gains', 'Russian gains in the window', 'd62b2b'],
  ['nochange', 'Russian-held, unchanged', '9e9e9e'],
] as const;
const CLASS_OF_TYPE: Record<string, string> = { losses: 'ukraine_advance_in_russia', gains: 'russian_gain_recent', nochange: 'russian_held' };
const xml = (v: unknown) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** KML colour: aabbggrr. */
const kmlColour = (rgb: string, alpha: string) => `${alpha}${rgb.slice(4, 6)}${rgb.slice(2, 4)}${rgb.slice(0, 2)}`;
function myMapsKml(title: string, fc: Fc): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<kml xmlns="http://www.opengis.net/kml/2.2">', '  <Document>', `    <name>${xml(title)}</name>`];
  for (const [type, , rgb] of NZZ_LAYERS) {
    for (const mode of ['normal', 'highlight'])
      out.push(`    <Style id="poly-${rgb.toUpperCase()}-${mode}"><LineStyle><color>${kmlColour(rgb, 'ff')}</color><width>${mode === 'normal' ? 2 : 3}</width></LineStyle><PolyStyle><color>${kmlColour(rgb, '66')}</color><fill>1</fill><outline>1</outline></PolyStyle></Style>`);
    out.push(`    <StyleMap id="poly-${rgb.toUpperCase()}"><Pair><key>normal</key><styleUrl>#poly-${rgb.toUpperCase()}-normal</styleUrl></Pair><Pair><key>highlight</key><styleUrl>#poly-${rgb.toUpperCase()}-highlight</styleUrl></Pair></StyleMap>`);
    void type;
  }
  for (const [type, folder, rgb] of NZZ_LAYERS) {
    const layer = ofClass(fc, CLASS_OF_TYPE[type]!);
    if (layer.features.length === 0) continue;
    out.push('    <Folder>', `      <name>${xml(folder)}</name>`);
    for (const f of layer.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const ring = (r: number[][]) => `<LinearRing><tessellate>1</tessellate><coordinates>${r.map((p) => `${p[0]},${p[1]},0`).join(' ')}</coordinates></LinearRing>`;
      const geom = polys.map((poly) => `<Polygon><outerBoundaryIs>${ring(poly[0]!)}</outerBoundaryIs>${poly.slice(1).map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('')}</Polygon>`);
      out.push('      <Placemark>', `        <name>${xml(folder)}</name>`, `        <styleUrl>#poly-${rgb.toUpperCase()}</styleUrl>`, '        <ExtendedData>');
      for (const [k, v] of Object.entries(f.properties ?? {})) out.push(`          <Data name="${xml(k)}"><value>${xml(v)}</value></Data>`);
      out.push('        </ExtendedData>', `        ${geom.length === 1 ? geom[0] : `<MultiGeometry>${geom.join('')}</MultiGeometry>`}`, '      </Placemark>');
    }
    out.push('    </Folder>');
  }
  out.push('  </Document>', '</kml>', '');
  return out.join('\n');
}
for (const [d, ext] of [['2025-03-16', 'kml'], ['2024-12-15', 'kmz'], ['2025-03-16', 'kmz']] as const) {
  const text = myMapsKml(`NZZ Kursk ${d}`, read('nzz-kursk', d));
  if (ext === 'kml') writeFileSync(join(OUT, 'kml', `${d}.kml`), text);
  else {
    const doc = join(tmp, 'doc.kml');
    writeFileSync(doc, text);
    stamp(doc, d);
    const kmz = join(OUT, 'kml', `${d}.kmz`);
    rmSync(kmz, { force: true });
    execFileSync('zip', ['-X', '-j', '-q', kmz, doc]);
  }
}
rmSync(tmp, { recursive: true, force: true });
console.log(`fixtures written to ${OUT}`);
