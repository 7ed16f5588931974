// Planar measures of rings and geometries: signed area (which way a ring winds) and vertex count.
import type { Position } from 'geojson';
import type { AreaGeometry } from './types';

/**
 * Twice the signed planar area of a ring in degrees² (positive = counter-clockwise with lon east, lat north).
 * The shoelace sum over every edge including the closing one, so a ring need not repeat its first position.
 */
export function ringSignedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i]!;
    const q = ring[j]!;
    sum += (q[0]! - p[0]!) * (q[1]! + p[1]!);
  }
  return sum;
}

/** Number of positions in a geometry, closing positions included (for store statistics, benchmarks, issue messages). */
export function countVertices(geometry: AreaGeometry | readonly (readonly Position[])[][]): number {
  const polygons = 'type' in geometry ? (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) : geometry;
  let n = 0;
  for (const polygon of polygons) for (const ring of polygon) n += ring.length;
  return n;
}
