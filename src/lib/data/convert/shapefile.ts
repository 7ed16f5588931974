// Zipped Shapefile → GeoJSON (shpjs for .shp and .dbf, proj4 for the .prj): every layer in the zip, each
// reprojected to WGS 84 when its .prj names another system, or refused with the reason when proj4 cannot read it.
import { parseDbf, parseShp } from 'shpjs';
import proj4 from 'proj4';
import type { Issue } from '../../domain/types';
import { finishConversion, type Converted, type ReadFeature } from './finish';
import { describeEntries } from './zip';

/** A .prj that is plain WGS 84 longitude/latitude (EPSG:4326): the coordinates are used as they are. */
function isWgs84LonLat(wkt: string): boolean {
  return /^\s*GEOGCS\s*\[/i.test(wkt) && /WGS[\s_]*(19)?84/i.test(wkt);
}

/** The name a WKT gives itself: `PROJCS["WGS_1984_UTM_Zone_36N", …]` → WGS_1984_UTM_Zone_36N. */
function wktName(wkt: string): string {
  return /^\s*[A-Z_]+\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? wkt.slice(0, 40);
}

/** Convert the Shapefile layers among a zip's entries. Never throws. */
export function convertShapefileEntries(file: string, entries: Map<string, Uint8Array>): Converted {
  const issues: Issue[] = [];
  const byLower = new Map<string, string>();
  for (const name of entries.keys()) byLower.set(name.toLowerCase(), name);
  const sibling = (base: string, ext: string) => {
    const n = byLower.get(`${base.toLowerCase()}.${ext}`);
    return n === undefined ? undefined : { name: n, bytes: entries.get(n)! };
  };
  const layers = [...entries.keys()].filter((n) => /\.shp$/i.test(n)).sort().map((n) => n.slice(0, -4));
  if (layers.length === 0)
    return { json: undefined, issues: [{ file, reason: `no .shp inside the archive (it holds ${describeEntries(entries)}); a Shapefile needs at least .shp, .dbf and .prj`, severity: 'error' }] };

  const read: ReadFeature[] = [];
  for (const base of layers) {
    const layer = base.split('/').pop() ?? base;
    const shp = sibling(base, 'shp')!;
    const dbf = sibling(base, 'dbf');
    const prj = sibling(base, 'prj');
    const cpg = sibling(base, 'cpg');
    let prjText: string | undefined;
    if (!prj) issues.push({ file, reason: `${shp.name}: no .prj beside it; coordinates taken as WGS 84 longitude/latitude`, severity: 'warning' });
    else {
      const wkt = new TextDecoder().decode(prj.bytes).trim();
      if (!isWgs84LonLat(wkt)) {
        try {
          proj4(wkt);
        } catch (err) {
          issues.push({
            file,
            reason: `${prj.name}: coordinate system "${wktName(wkt)}" could not be read (${(err as Error).message || 'unknown projection'}); layer ${layer} left out. Reproject it to WGS 84 (EPSG:4326) and export again`,
            severity: 'error',
          });
          continue;
        }
        prjText = wkt;
        issues.push({ file, reason: `${prj.name}: coordinates in "${wktName(wkt)}", reprojected to WGS 84 longitude/latitude (proj4)`, severity: 'warning' });
      }
    }
    let geometries: (ReturnType<typeof parseShp>[number])[];
    let records: Record<string, unknown>[] = [];
    try {
      geometries = parseShp(shp.bytes, prjText);
    } catch (err) {
      issues.push({ file, reason: `${shp.name}: could not be read (${(err as Error).message}); layer ${layer} left out`, severity: 'error' });
      continue;
    }
    if (dbf) {
      try {
        records = parseDbf(dbf.bytes, cpg ? new TextDecoder().decode(cpg.bytes).trim() : undefined);
      } catch (err) {
        issues.push({ file, reason: `${dbf.name}: attributes could not be read (${(err as Error).message}); features kept without them`, severity: 'warning' });
      }
      if (records.length > 0 && records.length !== geometries.length)
        issues.push({ file, reason: `${layer}: ${geometries.length} shapes but ${records.length} attribute records; matched by position`, severity: 'warning' });
    } else issues.push({ file, reason: `${shp.name}: no .dbf beside it; features have no attributes`, severity: 'warning' });
    geometries.forEach((geometry, i) => {
      read.push({
        geometry,
        properties: plainValues(records[i] ?? {}),
        provenance: { format: 'Shapefile', entry: shp.name, layer, originalId: i + 1 },
        where: `${shp.name} record ${i + 1}`,
        index: read.length,
      });
    });
  }
  return finishConversion(file, 'shape', read, issues);
}

/** dBase dates come back as Date objects: written as YYYY-MM-DD, like every date the loader reads. */
function plainValues(rec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) out[k] = v instanceof Date ? (Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10)) : v;
  return out;
}
