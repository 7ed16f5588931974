// Stage 5 of the geometry check: OGC simple-features validity via JTS IsValidOp, which gives the reason and a location
// (chosen over turf's boolean-valid, which was judged unreliable); memoised by geometry hash across a dataset.
import type { Position } from 'geojson';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { addError, type StageContext } from './context';

const factory = new GeometryFactory();

/**
 * True when the polygons are valid; otherwise an error on the geometry gives the reason with its location.
 * `cache` (shared across one dataset) skips JTS for a geometry seen before: daily snapshots repeat most polygons.
 */
export function checkOgcValidity(ctx: StageContext, cleaned: Position[][][], cache?: Map<string, string | undefined>): boolean {
  let invalid: string | undefined;
  if (cache) {
    const key = hashPolygons(cleaned);
    if (cache.has(key)) invalid = cache.get(key);
    else cache.set(key, (invalid = ogcProblem(cleaned)));
  } else invalid = ogcProblem(cleaned);
  if (invalid) {
    addError(ctx, ctx.path, invalid);
    return false;
  }
  return true;
}

// JTS error types (TopologyValidationError) put into words; the JTS name stays in brackets for searching.
const OGC_REASONS: Record<string, string> = {
  'Self-intersection': 'edges cross (self-intersection)',
  'Ring Self-intersection': 'a ring touches itself (ring self-intersection)',
  'Hole lies outside shell': 'hole lies outside its shell',
  'Holes are nested': 'hole lies inside another hole (nested holes)',
  'Interior is disconnected': 'interior is disconnected: rings touch so that the polygon falls in pieces',
  'Nested shells': 'one polygon lies inside another polygon of the MultiPolygon (nested shells)',
  'Duplicate Rings': 'the same ring appears twice (duplicate rings)',
  'Too few distinct points in geometry component': 'too few distinct positions for a ring',
  'Invalid Coordinate': 'invalid coordinate',
  'Ring is not closed': 'ring not closed',
};

/** OGC simple-features validity of a (Multi)Polygon via JTS; the reason with its location, or undefined. */
function ogcProblem(polys: Position[][][]): string | undefined {
  try {
    const jtsPolys = polys.map((rings) => {
      const [shell, ...holes] = rings.map((r) => factory.createLinearRing(r.map((p) => new Coordinate(p[0], p[1]))));
      return factory.createPolygon(shell, holes);
    });
    const g = jtsPolys.length === 1 ? jtsPolys[0] : factory.createMultiPolygon(jtsPolys);
    const op = new IsValidOp(g);
    if (op.isValid()) return undefined;
    const err = op.getValidationError();
    const msg = String(err.getMessage());
    const c = err.getCoordinate() as { x: number; y: number } | null;
    const where = c ? ` at [${round(c.x)}, ${round(c.y)}]` : '';
    return `invalid geometry (OGC simple features): ${OGC_REASONS[msg] ?? msg}${where}`;
  } catch (e) {
    // JTS throws on some degenerate input (e.g. an unclosed ring it was not meant to see); report, never crash.
    return `invalid geometry (OGC simple features): ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Two independent 32-bit hashes (FNV-1a and a multiply-xorshift) over the exact float bits and ring
 * structure: a collision needs both to agree, about 1 in 2^64 per pair, far below any dataset's size.
 */
export function hashPolygons(polys: readonly (readonly (readonly Position[])[])[]): string {
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  const mix = (x: number) => {
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x85ebca6b);
    h2 ^= h2 >>> 13;
  };
  for (const rings of polys) {
    mix(0xfffffff1);
    for (const ring of rings) {
      mix(0xfffffff2 ^ ring.length);
      for (const p of ring) {
        f[0] = p[0] ?? 0;
        mix(w[0] as number);
        mix(w[1] as number);
        f[0] = p[1] ?? 0;
        mix(w[0] as number);
        mix(w[1] as number);
      }
    }
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
