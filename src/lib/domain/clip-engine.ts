// The polygon-overlay engine behind compare mode, behind one tiny interface so switching engines is one line.
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

export type EngineId = 'clipper2' | 'polygon-clipping' | 'turf' | 'geos';

export const ENGINE_IDS: readonly EngineId[] = ['clipper2', 'polygon-clipping', 'turf', 'geos'];

/**
 * The engine the app ships. Chosen by bench/diff.bench.ts: clipper2-ts had no failures on the real and
 * jittered pairs and was the fastest synchronous engine; see that file's header for the measurements.
 */
export const shippedEngine: ClipEngine = clipper2Engine;

/**
 * Load an engine by id. The rivals are dynamic imports so the shipped bundle carries only the shipped engine;
 * `geos` needs an async WebAssembly start-up and is bounded by `timeoutMs` because, under a CSP without
 * `'wasm-unsafe-eval'`, its initialisation hangs silently instead of failing (seen in Chromium, December 2026).
 */
export async function loadEngine(id: EngineId, timeoutMs = 10_000): Promise<ClipEngine> {
  switch (id) {
    case 'clipper2':
      return clipper2Engine;
    case 'polygon-clipping':
      return (await import('./clip-engines/polygon-clipping')).polygonClippingEngine;
    case 'turf':
      return (await import('./clip-engines/turf')).turfEngine;
    case 'geos': {
      const { createGeosEngine } = await import('./clip-engines/geos');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`geos engine did not initialise within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return await Promise.race([createGeosEngine(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    }
    default:
      throw new Error(`unknown clip engine "${String(id)}"; expected one of ${ENGINE_IDS.join(', ')}`);
  }
}
