// The polygon-overlay engine behind compare mode, behind one tiny interface so switching engines is one line.
// The app ships clipper2 only; the rivals it was chosen against live in bench/clip-engines/ (npm run bench -- diff).
import type { Position } from 'geojson';
import { clipper2Engine } from './clip-engines/clipper2';

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

/**
 * The engine the app ships. Chosen by bench/diff.bench.ts: clipper2-ts had no failures on the real and
 * jittered pairs and was the fastest synchronous engine; see that file's header for the measurements.
 */
export const shippedEngine: ClipEngine = clipper2Engine;
