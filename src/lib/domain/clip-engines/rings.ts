// Ring hygiene shared by every engine adapter: close rings, drop collapsed ones, RFC 7946 winding, grid snapping.
import type { Position } from 'geojson';
import type { Polygons } from './types';

/** Twice the signed planar area of a ring in degrees² (positive = counter-clockwise with lon east, lat north). */
export function ringSignedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i]!;
    const q = ring[j]!;
    sum += (q[0]! - p[0]!) * (q[1]! + p[1]!);
  }
  return sum;
}

function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0]!, first[1]!]);
  return ring;
}

/**
 * Close every ring, drop rings of fewer than 4 positions or zero area (and polygons whose outer ring went),
 * and wind outer rings counter-clockwise and holes clockwise as RFC 7946 §3.1.6 asks. Mutates and returns.
 */
export function normalizePolygons(polygons: Polygons): Polygons {
  const out: Polygons = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (let r = 0; r < polygon.length; r++) {
      const ring = closeRing(polygon[r]!);
      const a2 = ringSignedArea2(ring);
      if (ring.length < 4 || a2 === 0) {
        if (r === 0) break; // an outer ring that collapsed takes its holes with it
        continue;
      }
      if ((r === 0) !== a2 > 0) ring.reverse();
      rings.push(ring);
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

/**
 * The same geometry with every coordinate rounded to a grid of `step` degrees and repeated points removed:
 * the retry for an engine that choked on near-coincident vertices. 1e-7° is about 1 cm on the ground.
 */
export function snapPolygons(polygons: readonly Position[][][], step: number): Polygons {
  const inv = 1 / step;
  const out: Polygons = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (const ring of polygon) {
      const snapped: Position[] = [];
      let px = NaN;
      let py = NaN;
      for (const p of ring) {
        const x = Math.round(p[0]! * inv) / inv;
        const y = Math.round(p[1]! * inv) / inv;
        if (x !== px || y !== py) snapped.push([x, y]);
        px = x;
        py = y;
      }
      rings.push(snapped);
    }
    out.push(rings);
  }
  return normalizePolygons(out);
}

/** Number of positions in a geometry (for benchmarks and issue messages). */
export function countVertices(polygons: readonly Position[][][]): number {
  let n = 0;
  for (const polygon of polygons) for (const ring of polygon) n += ring.length;
  return n;
}
