// The overlay engine's interface and geometry type, apart from clip-engine.ts so the engines can import them
// without importing the module that picks the shipped engine (that would be an import cycle).
import type { Position } from 'geojson';

/** MultiPolygon coordinates in lon/lat degrees: polygons → rings (first outer, then holes) → closed positions. */
export type Polygons = Position[][][];

/**
 * A planar boolean-overlay engine on lon/lat degrees. Every operation returns valid, closed rings with RFC 7946
 * winding (outer counter-clockwise), and throws on failure: callers (diff.ts) catch, retry and report.
 */
export interface ClipEngine {
  readonly id: EngineId;
  /** Union of any number of geometries (overlapping or touching parts are merged). */
  union(parts: readonly Polygons[]): Polygons;
  intersection(a: Polygons, b: Polygons): Polygons;
  /** `a` minus `b`. */
  difference(a: Polygons, b: Polygons): Polygons;
}

/** An engine's name, as compare figures report it: `clipper2` ships; bench/clip-engines/ names the rivals. */
export type EngineId = string;
