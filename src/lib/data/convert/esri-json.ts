// Esri JSON (an ArcGIS feature set, as a query with f=json returns it) → GeoJSON (@terraformer/arcgis), one
// feature at a time so a bad one costs only itself. Web Mercator and other known systems are reprojected (proj4,
// loaded only then); rings that break Esri's winding rule are read and reported.
import { arcgisToGeoJSON } from '@terraformer/arcgis';
import type { Geometry } from 'geojson';
import type { Issue } from '../../domain/types';
import { describeValue, isRecord, jsonPath } from '../issues';
import { finishConversion, type Converted, type ReadFeature } from './finish';

/** Well-known ids of WGS 84 longitude/latitude; coordinates are used as they are. */
const LON_LAT_WKIDS = new Set([4326]);
/** Esri's and EPSG's ids of Web Mercator (ArcGIS's default output for a layer in it). */
const WEB_MERCATOR_WKIDS = new Set([102100, 102113, 900913, 3857]);

type Reproject = (xy: number[]) => number[];

/** Convert a parsed Esri JSON feature set. Never throws. */
export async function convertEsriJson(file: string, json: unknown): Promise<Converted> {
  const issues: Issue[] = [];
  if (!isRecord(json) || !Array.isArray(json.features))
    return { json: undefined, issues: [{ file, reason: `not an Esri JSON feature set: "features" array expected, ${isRecord(json) ? describeValue(json.features) : describeValue(json)} found`, severity: 'error' }] };
  if (typeof json.geometryType === 'string' && json.geometryType !== 'esriGeometryPolygon')
    issues.push({ file, path: 'geometryType', reason: `geometryType: ${json.geometryType}, not esriGeometryPolygon; only polygons are control areas`, severity: 'warning' });

  const reproject = await reprojectionFor(file, json.spatialReference, issues);
  if (reproject === null) return { json: undefined, issues };
  const dateFields = new Set<string>();
  if (Array.isArray(json.fields))
    for (const f of json.fields) if (isRecord(f) && f.type === 'esriFieldTypeDate' && typeof f.name === 'string') dateFields.add(f.name);
  const idField = typeof json.objectIdFieldName === 'string' ? json.objectIdFieldName : undefined;

  const read: ReadFeature[] = [];
  json.features.forEach((f: unknown, index: number) => {
    const path = jsonPath('features', index);
    if (!isRecord(f)) {
      issues.push({ file, featureIndex: index, path, reason: `${path}: feature object expected, ${describeValue(f)} found; left out`, severity: 'error' });
      return;
    }
    const attributes = isRecord(f.attributes) ? f.attributes : {};
    const originalId = pickId(attributes, idField);
    const idPart = originalId !== undefined ? { featureId: originalId } : {};
    let geometry: Geometry | null = null;
    if (isRecord(f.geometry)) {
      const g = f.geometry;
      if (Array.isArray(g.rings)) {
        const problem = ringsProblem(g.rings);
        if (problem) {
          issues.push({ file, featureIndex: index, path: `${path}.geometry.rings`, reason: `${path}.geometry.rings: ${problem}; left out`, severity: 'error', ...idPart });
          return;
        }
        const rings = reproject ? (g.rings as number[][][]).map((r) => r.map(reproject)) : (g.rings as number[][][]);
        if (rings.length > 0 && !rings.some(isClockwise))
          issues.push({
            file, featureIndex: index, path: `${path}.geometry.rings`, severity: 'warning', ...idPart,
            reason: `${path}.geometry.rings: no ring runs clockwise (Esri JSON outer rings run clockwise, holes counter-clockwise); its ${rings.length} ring${rings.length === 1 ? ' is' : 's are'} read as outer ring${rings.length === 1 ? '' : 's'}`,
          });
        try {
          geometry = arcgisToGeoJSON({ rings }) as Geometry;
        } catch (err) {
          issues.push({ file, featureIndex: index, path: `${path}.geometry`, reason: `${path}.geometry: could not be read (${(err as Error).message}); left out`, severity: 'error', ...idPart });
          return;
        }
      } else geometry = safeConvert(g);
    }
    read.push({
      geometry,
      properties: withDates(attributes, dateFields),
      provenance: { format: 'Esri JSON', ...(originalId !== undefined ? { originalId } : {}) },
      where: path,
      index,
    });
  });
  return finishConversion(file, 'feature', read, issues);
}

/** undefined: coordinates are lon/lat; a function: reproject with it; null: refused (issue recorded). */
async function reprojectionFor(file: string, sr: unknown, issues: Issue[]): Promise<Reproject | undefined | null> {
  if (sr === undefined) {
    issues.push({ file, reason: 'no spatialReference; coordinates taken as WGS 84 longitude/latitude', severity: 'warning' });
    return undefined;
  }
  if (!isRecord(sr)) return undefined;
  const wkid = typeof sr.latestWkid === 'number' ? sr.latestWkid : typeof sr.wkid === 'number' ? sr.wkid : undefined;
  if (wkid !== undefined && LON_LAT_WKIDS.has(wkid)) return undefined;
  const { default: proj4 } = await import('proj4');
  let from: string | undefined;
  if (wkid !== undefined && WEB_MERCATOR_WKIDS.has(wkid)) from = 'EPSG:3857';
  else if (typeof sr.wkt === 'string') from = sr.wkt;
  else if (wkid !== undefined && proj4.defs(`EPSG:${wkid}`)) from = `EPSG:${wkid}`;
  if (from === undefined) {
    issues.push({ file, path: 'spatialReference', reason: `spatialReference: wkid ${describeValue(wkid)} is not a coordinate system this app knows; nothing read. Query the layer again with outSR=4326`, severity: 'error' });
    return null;
  }
  try {
    const conv = proj4(from, 'EPSG:4326');
    issues.push({ file, reason: `coordinates in ${wkid !== undefined ? `wkid ${wkid}` : 'the given WKT'}, reprojected to WGS 84 longitude/latitude (proj4)`, severity: 'warning' });
    return (xy) => conv.forward([xy[0] ?? NaN, xy[1] ?? NaN]);
  } catch (err) {
    issues.push({ file, path: 'spatialReference', reason: `spatialReference could not be read (${(err as Error).message}); nothing read. Query the layer again with outSR=4326`, severity: 'error' });
    return null;
  }
}

function ringsProblem(rings: unknown[]): string | undefined {
  for (let i = 0; i < rings.length; i++) {
    const r = rings[i];
    if (!Array.isArray(r) || r.length === 0) return `ring ${i}: array of [x, y] expected, ${describeValue(r)} found`;
    for (const p of r) if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') return `ring ${i}: [x, y] of numbers expected, ${describeValue(p)} found`;
  }
  return undefined;
}

/** Clockwise in x/y (Esri's outer-ring rule), by the shoelace sum. */
function isClockwise(ring: number[][]): boolean {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += ((b[0] ?? 0) - (a[0] ?? 0)) * ((b[1] ?? 0) + (a[1] ?? 0));
  }
  return s > 0;
}

function safeConvert(g: Record<string, unknown>): Geometry | null {
  try {
    const out = arcgisToGeoJSON(g) as Geometry | Record<string, never>;
    return 'type' in out ? (out as Geometry) : null;
  } catch {
    return null;
  }
}

function pickId(attributes: Record<string, unknown>, idField: string | undefined): string | number | undefined {
  for (const k of [idField, 'OBJECTID', 'ObjectId', 'FID', 'GlobalID']) {
    if (k === undefined || !Object.hasOwn(attributes, k)) continue;
    const v = attributes[k];
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  }
  return undefined;
}

/** Esri dates are milliseconds since 1970: written as YYYY-MM-DD (UTC), like every date the loader reads. */
function withDates(attributes: Record<string, unknown>, dateFields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...attributes };
  for (const k of dateFields) {
    const v = out[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = new Date(v).toISOString().slice(0, 10);
  }
  return out;
}
