// Repair of an OGC-invalid (Multi)Polygon, and the test of whether the repair is safe: real control maps carry
// self-intersections, holes that stray outside their shell, nested shells and rings that touch (the whole-front
// archive has 42 such features). The repair reads the geometry the way its author meant it and says what it costs.
import type { Position } from 'geojson';
import { shippedEngine, type Polygons } from './clip-engine';
import { geometryAreaKm2, toMultiPolygon } from './area';
import { evenOddFill } from './clip-engines/clipper2';

/**
 * A repair is exact when it fills what a map of the same rings fills under the other usual fill rule, even-odd
 * (SVG and canvas `evenodd`, Leaflet's default), to within this share of the area and SAFE_REPAIR_MAX_KM2: then
 * the polygon means the same whatever renderer its author looked at. Where the two readings differ (a ring that
 * winds twice round some ground, a stray "hole" outside its shell) the author's intent is unknown: only the ground
 * both readings fill is kept, and the disputed rest is named (never more ground than either reading claims).
 */
export const SAFE_REPAIR_MAX_SHARE = 0.001;
export const SAFE_REPAIR_MAX_KM2 = 0.5;

/**
 * A repaired geometry; its area before (the rings read with the spherical shoelace formula, the figure an
 * area function gives for the invalid polygon), after, and under the even-odd reading.
 */
export interface PolygonRepair {
  polygons: Polygons;
  beforeKm2: number;
  afterKm2: number;
  evenOddKm2: number;
  /** True when both readings agree: `polygons` is then the polygon as drawn, made valid. */
  safe: boolean;
  /** km² that one reading fills and the other does not (left out of `polygons` when not `safe`). */
  disputedKm2: number;
}

/** Short words for the method, for issue texts. */
export const REPAIR_METHOD = 'each polygon read as its shell minus its holes, the polygons united (Clipper2 overlay, non-zero fill)';

/**
 * Repair `polygons`: every polygon becomes its shell (a self-crossing shell filled where it winds, so both lobes
 * of a loop stay) minus its holes (a hole outside its shell removes nothing), then all polygons are united
 * (nested or touching shells merge). Throws only if the overlay engine does.
 */
export function repairPolygons(polygons: readonly (readonly (readonly Position[])[])[]): PolygonRepair {
  const parts: Polygons[] = [];
  for (const rings of polygons) {
    const [shell, ...holes] = rings;
    if (!shell) continue;
    const filled = shippedEngine.union([[[shell.map((p) => [p[0]!, p[1]!])]]]);
    parts.push(holes.length === 0 ? filled : shippedEngine.difference(filled, shippedEngine.union(holes.map((h) => [[h.map((p) => [p[0]!, p[1]!])]]))));
  }
  const repaired = parts.length === 0 ? [] : shippedEngine.union(parts);
  const copy = polygons.map((rings) => rings.map((r) => r.map((p) => [p[0]!, p[1]!])));
  const beforeKm2 = geometryAreaKm2(toMultiPolygon(copy));
  const afterKm2 = geometryAreaKm2(toMultiPolygon(repaired));
  const evenOdd = evenOddFill(copy);
  const evenOddKm2 = geometryAreaKm2(toMultiPolygon(evenOdd));
  const disagree = Math.abs(afterKm2 - evenOddKm2);
  const safe = repaired.length > 0 && disagree <= SAFE_REPAIR_MAX_KM2 && disagree <= SAFE_REPAIR_MAX_SHARE * Math.max(afterKm2, evenOddKm2);
  if (safe) return { polygons: repaired, beforeKm2, afterKm2, evenOddKm2, safe, disputedKm2: disagree };
  const both = shippedEngine.intersection(repaired, evenOdd);
  const bothKm2 = geometryAreaKm2(toMultiPolygon(both));
  return { polygons: both, beforeKm2, afterKm2: bothKm2, evenOddKm2, safe, disputedKm2: Math.max(afterKm2, evenOddKm2) - bothKm2 };
}
