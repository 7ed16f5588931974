// Stage 5 of the geometry check: OGC simple-features validity via JTS IsValidOp, which gives the reason and a location
// (chosen over turf's boolean-valid, which was judged unreliable), memoised by geometry hash across a dataset; an
// invalid polygon is repaired when that changes its area by little.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { REPAIR_METHOD, repairPolygons, type PolygonRepair } from '../../domain/repair-polygon';
import { hashPolygons } from '../../domain/polygon-hash';
import { addError, type StageContext } from './context';

const factory = new GeometryFactory();

/** What stage 5 found: valid, or invalid with the repaired geometry when a repair was cheap enough to keep. */
export type OgcVerdict = { valid: true } | { valid: false; repaired?: Polygon | MultiPolygon };

/**
 * Check the polygons; an invalid one is repaired when that changes its area by little (repair-polygon.ts says how
 * little: a warning gives the areas before and after), else an error gives the reason with its location.
 * `cache` (shared across one dataset) skips JTS for a geometry seen before: daily snapshots repeat most polygons.
 * `ogcValid` holds the geometry objects a trusted validity record vouches for (validity-record.ts): no JTS for them.
 */
export function checkOgcValidity(
  ctx: StageContext,
  geom: object,
  cleaned: Position[][][],
  opts: { cache?: Map<string, string | undefined>; ogcValid?: WeakSet<object> },
): OgcVerdict {
  let invalid: string | undefined;
  if (opts.ogcValid?.has(geom)) invalid = undefined;
  else if (opts.cache) {
    const key = hashPolygons(cleaned);
    if (opts.cache.has(key)) invalid = opts.cache.get(key);
    else opts.cache.set(key, (invalid = ogcProblem(cleaned)));
  } else invalid = ogcProblem(cleaned);
  if (!invalid) return { valid: true };
  const repair = cachedRepair(hashPolygons(cleaned), cleaned);
  if (!repair || repair.polygons.length === 0) {
    addError(ctx, ctx.path, invalid);
    return { valid: false };
  }
  const km2 = (v: number) => `${v.toFixed(3)} km²`;
  const change = `${km2(repair.beforeKm2)} by the shoelace formula → ${km2(repair.afterKm2)} (${repair.afterKm2 >= repair.beforeKm2 ? '+' : '−'}${km2(Math.abs(repair.afterKm2 - repair.beforeKm2))})`;
  const how = repair.safe
    ? `repaired (${REPAIR_METHOD}; the even-odd reading agrees): ${change}`
    : `ambiguous: the non-zero and even-odd readings of its rings differ by ${km2(repair.disputedKm2)}; kept as the ground both readings fill, the disputed ground left out: ${change}`;
  ctx.issues.push({ path: ctx.path, reason: `${ctx.path}: ${invalid}; ${how}`, severity: 'warning' });
  const polys = repair.polygons;
  return { valid: false, repaired: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys } };
}

// The same invalid polygon recurs in many snapshots of an archive (a weekly set repeats most polygons): keep the
// last repairs by geometry hash so each is computed once per load. Bounded, so a hostile file cannot grow it.
const REPAIR_CACHE_SIZE = 256;
const repairCache = new Map<string, PolygonRepair | null>();
function cachedRepair(key: string, polys: Position[][][]): PolygonRepair | undefined {
  let r = repairCache.get(key);
  if (r === undefined) {
    try {
      r = repairPolygons(polys);
    } catch {
      r = null;
    }
    if (repairCache.size >= REPAIR_CACHE_SIZE) repairCache.delete(repairCache.keys().next().value!);
    repairCache.set(key, r);
  }
  return r ?? undefined;
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

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
