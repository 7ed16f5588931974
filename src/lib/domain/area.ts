// Areas of control, in km², computed from snapshot polygons with Turf: per class and per named measure.
import { emptyRecord, own } from './own';
import turfArea from '@turf/area';
import type { MultiPolygon } from 'geojson';
import { shippedEngine, type Polygons } from './clip-engine';
import type { AreaGeometry, AreaMeasure, ControlFeature, Issue } from './types';

/**
 * How every area figure is computed, said once so the UI can name it. Turf's area treats the Earth as a
 * sphere of radius 6,371,008.8 m; at 51° N that reads about 0.36 % below the WGS84 geodesic area
 * (a 1,000 km² square at 51° N: Turf 999.97 km², geographiclib 1,003.59 km²; `npm run bench -- area` compares
 * the two on the Kursk geometry).
 */
export const AREA_METHOD = 'Turf spherical area (@turf/area, sphere R = 6,371,008.8 m)';

const M2_PER_KM2 = 1_000_000;

/** Area of a polygon or multipolygon in km², by Turf's spherical formula. */
export function geometryAreaKm2(geometry: AreaGeometry | null): number {
  if (!geometry) return 0;
  return turfArea(geometry) / M2_PER_KM2;
}

/** The coordinates of a Polygon or MultiPolygon as a list of polygons, as the clipping library takes them. */
export function toPolygons(geometry: AreaGeometry): Polygons {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function toMultiPolygon(polygons: Polygons): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Union of the features of the given classes. Overlapping polygons of one snapshot must count once, so
 * areas are always taken of a union, never summed feature by feature. Same overlay engine as compare mode
 * (clip-engine.ts), so the area table and the compare figures agree.
 */
export function unionOfClasses(features: readonly ControlFeature[], classIds: readonly string[]): Polygons {
  const wanted = new Set(classIds);
  const parts = features.filter((f) => wanted.has(f.properties.class)).map((f) => toPolygons(f.geometry));
  if (parts.length === 0) return [];
  return shippedEngine.union(parts);
}

export interface MeasureArea {
  measureId: string;
  areaKm2: number;
  /** The geometry measured (after union and clipping), for the map and for compare mode. */
  geometry: MultiPolygon;
}

/**
 * The area of one measure for one snapshot: the union of the measure's classes, clipped to its region
 * when it names one. A clipping failure is reported as an issue and the figure is left out, never guessed.
 */
export function measureArea(
  file: string,
  features: readonly ControlFeature[],
  measure: AreaMeasure,
  clipRegions: Readonly<Record<string, AreaGeometry>>,
  unions?: Map<string, Polygons>,
): { value?: MeasureArea; issues: Issue[] } {
  try {
    // Measures of the same classes (as drawn, and clipped) share one union when the caller keeps `unions`.
    const key = [...measure.classes].sort().join('\u0000');
    let polygons = unions?.get(key) ?? unionOfClasses(features, measure.classes);
    unions?.set(key, polygons);
    if (measure.clipTo !== undefined) {
      const region = own(clipRegions, measure.clipTo);
      if (!region) {
        return { issues: [{ file, severity: 'error', reason: `measure "${measure.id}": clip region "${measure.clipTo}" is not loaded` }] };
      }
      polygons = polygons.length === 0 ? [] : shippedEngine.intersection(polygons, toPolygons(region));
    }
    const geometry = toMultiPolygon(polygons);
    return { value: { measureId: measure.id, areaKm2: geometryAreaKm2(geometry), geometry }, issues: [] };
  } catch (err) {
    return { issues: [{ file, severity: 'error', reason: `measure "${measure.id}": polygon clipping failed (${(err as Error).message})` }] };
  }
}

/** Area per class (union of the class's polygons, unclipped), in km². */
export function classAreasKm2(features: readonly ControlFeature[], classIds: readonly string[]): Record<string, number> {
  const out = emptyRecord<number>();
  for (const id of classIds) out[id] = geometryAreaKm2(toMultiPolygon(unionOfClasses(features, [id])));
  return out;
}

/** Every figure shown for one snapshot: each measure (union, clipped) and each class (union, unclipped). */
export interface AreaReport {
  measures: { id: string; label: string; areaKm2: number | undefined; clipTo?: string }[];
  classes: { id: string; areaKm2: number }[];
  /** One measure broken down by region (e.g. oblast), when the dataset names regions: km² and the region's own km². */
  regions?: { measureId: string; rows: { name: string; nameUk?: string; areaKm2: number; regionKm2: number }[] };
  issues: Issue[];
}

/** A region to break a measure down by: its names, polygon and own area (km², same method as every figure). */
export interface BreakdownRegion {
  name: string;
  nameUk?: string;
  geometry: AreaGeometry;
  areaKm2: number;
  bbox: [number, number, number, number];
}

/** Bounding box [west, south, east, north] of some polygons. */
export function polygonsBbox(polygons: Polygons): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of polygons) for (const r of p) for (const q of r) {
    if (q[0]! < w) w = q[0]!;
    if (q[0]! > e) e = q[0]!;
    if (q[1]! < s) s = q[1]!;
    if (q[1]! > n) n = q[1]!;
  }
  return [w, s, e, n];
}

/** A region ready for {@link snapshotAreaReport}'s breakdown: own area and bounding box computed once. */
export function breakdownRegion(name: string, geometry: AreaGeometry, nameUk?: string): BreakdownRegion {
  return { name, ...(nameUk !== undefined ? { nameUk } : {}), geometry, areaKm2: geometryAreaKm2(geometry), bbox: polygonsBbox(toPolygons(geometry)) };
}

/**
 * The measure's ground in each region: the measure's geometry (already unioned and clipped) intersected with
 * each region whose bounding box it touches. Regions that do not overlap (the Natural Earth oblasts here tile
 * Ukraine without gaps or overlaps) make the rows sum to the part of the measure inside them.
 */
export function measureByRegion(geometry: MultiPolygon, regions: readonly BreakdownRegion[]): { name: string; nameUk?: string; areaKm2: number; regionKm2: number }[] {
  const polys = geometry.coordinates;
  const [w, s, e, n] = polygonsBbox(polys);
  return regions.map((r) => {
    const [rw, rs, re, rn] = r.bbox;
    const touches = polys.length > 0 && rw <= e && w <= re && rs <= n && s <= rn;
    const areaKm2 = touches ? geometryAreaKm2(toMultiPolygon(shippedEngine.intersection(polys, toPolygons(r.geometry)))) : 0;
    return { name: r.name, ...(r.nameUk !== undefined ? { nameUk: r.nameUk } : {}), areaKm2, regionKm2: r.areaKm2 };
  });
}

export function snapshotAreaReport(
  file: string,
  features: readonly ControlFeature[],
  measures: readonly AreaMeasure[],
  classIds: readonly string[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
  breakdown?: { measureId: string; regions: readonly BreakdownRegion[] },
): AreaReport {
  const issues: Issue[] = [];
  const geometries = new Map<string, MultiPolygon>();
  const unions = new Map<string, Polygons>();
  const measureRows = measures.map((m) => {
    const r = measureArea(file, features, m, clipRegions, unions);
    issues.push(...r.issues);
    if (r.value) geometries.set(m.id, r.value.geometry);
    return { id: m.id, label: m.label, areaKm2: r.value?.areaKm2, ...(m.clipTo !== undefined ? { clipTo: m.clipTo } : {}) };
  });
  // Keyed by class ids from data: a record with no prototype, read with own().
  const byClass = emptyRecord<number>();
  for (const id of classIds) byClass[id] = geometryAreaKm2(toMultiPolygon(unions.get(id) ?? unionOfClasses(features, [id])));
  const report: AreaReport = { measures: measureRows, classes: classIds.map((id) => ({ id, areaKm2: own(byClass, id) ?? 0 })), issues };
  const g = breakdown ? geometries.get(breakdown.measureId) : undefined;
  if (breakdown && g) {
    try {
      report.regions = { measureId: breakdown.measureId, rows: measureByRegion(g, breakdown.regions) };
    } catch (err) {
      issues.push({ file, severity: 'error', reason: `measure "${breakdown.measureId}" by region: polygon clipping failed (${(err as Error).message})` });
    }
  }
  return report;
}
