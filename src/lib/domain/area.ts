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
): { value?: MeasureArea; issues: Issue[] } {
  try {
    let polygons = unionOfClasses(features, measure.classes);
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
  issues: Issue[];
}

export function snapshotAreaReport(
  file: string,
  features: readonly ControlFeature[],
  measures: readonly AreaMeasure[],
  classIds: readonly string[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
): AreaReport {
  const issues: Issue[] = [];
  const measureRows = measures.map((m) => {
    const r = measureArea(file, features, m, clipRegions);
    issues.push(...r.issues);
    return { id: m.id, label: m.label, areaKm2: r.value?.areaKm2, ...(m.clipTo !== undefined ? { clipTo: m.clipTo } : {}) };
  });
  const byClass = classAreasKm2(features, classIds);
  return { measures: measureRows, classes: classIds.map((id) => ({ id, areaKm2: own(byClass, id) ?? 0 })), issues };
}
