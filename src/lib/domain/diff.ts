// Compare two snapshots: per area measure, the ground gained, lost and unchanged, in km² and as polygons.
import { own } from './own';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { AREA_METHOD, geometryAreaKm2 } from './area';
import { shippedEngine } from './clip-engine';
import type { ClipEngine, EngineId, Polygons } from './clip-engine';
import { countVertices, snapPolygons } from './clip-engines/rings';
import type { AreaGeometry, AreaMeasure, Issue, Snapshot } from './types';

/*
 * The area identity. With F = from and T = to (each the union of the measure's classes, clipped):
 *   gained = T \ F,  lost = F \ T,  unchanged = F ∩ T.
 * T is the disjoint union of unchanged and gained, F of unchanged and lost, so in exact arithmetic
 *   area(T) − area(F) = gained − lost.
 * `identityErrorKm2` is what is left of that in floating point. It is not zero, for three reasons, largest first:
 * (1) Turf's area is not additive under splitting an edge. Its ring formula sums (λ[i+1] − λ[i−1])·sin φ[i], as
 *     if each edge bent along a curve of its own; a vertex inserted on a straight lon/lat edge changes the sum
 *     (sin φ is not linear in φ). Overlays insert such vertices wherever the two dates' boundaries cross, so
 *     gained + unchanged measured in pieces differs from T measured whole. Measured: putting a midpoint on every
 *     edge of a 40-vertex, 11 km² Kursk polygon moves its Turf area by 7.9e-5 km². This is why all four engines
 *     show the same ~4e-4 km² worst case on the Kursk pairs (bench/diff.bench.ts).
 * (2) Each overlay is a separate computation, and intersection points are rounded independently in each (to
 *     doubles in polygon-clipping / polyclip-ts / GEOS, to a 1e-7° grid in Clipper2), so gained and unchanged
 *     do not tile T to the last bit (up to ~1e-5 km² on the jittered synthetic pairs with Clipper2).
 * (3) A retry on a snapped grid moves vertices by up to half a grid step.
 * On the Kursk snapshots the residual stays under 5e-4 km²; identityToleranceKm2 is far above that, so a
 * residual over it means an overlay lost a part, and is reported as an issue.
 */

export type ChangeKind = 'gained' | 'lost' | 'unchanged';

/** Properties of every polygon in a diff's FeatureCollection. */
export interface DiffFeatureProps {
  change: ChangeKind;
  /** Measure id, e.g. `held`. */
  measure: string;
  /** The measure's classes, joined with `+` (e.g. `ukraine_held_in_russia+unknown_status`). */
  classes: string;
  fromDate: string;
  toDate: string;
  /** Area of this polygon, km² (Turf spherical area; see AREA_METHOD). */
  areaKm2: number;
}

export type DiffFeature = Feature<Polygon, DiffFeatureProps>;

/** The figures for one measure between two dates. All areas in km², by AREA_METHOD. */
export interface MeasureDiff {
  measureId: string;
  fromKm2: number;
  toKm2: number;
  /** Area of `to \ from`. */
  gainedKm2: number;
  /** Area of `from \ to`. */
  lostKm2: number;
  /** `toKm2 − fromKm2`: the same figure the area table shows for the two dates. */
  netKm2: number;
  /** Area of `from ∩ to`. */
  unchangedKm2: number;
  /** `(toKm2 − fromKm2) − (gainedKm2 − lostKm2)`: floating-point residual, ~0 (see the note at the top). */
  identityErrorKm2: number;
  /** True when some step needed a retry (snapped grid or part by part); the issues say which. */
  retried: boolean;
}

export interface SnapshotDiff {
  fromDateIso: string;
  toDateIso: string;
  engine: EngineId;
  areaMethod: string;
  /** One entry per measure that could be computed, in the order given. A failed measure is left out, never guessed. */
  measures: MeasureDiff[];
  /** Gained, lost and unchanged polygons of every measure, one feature per polygon. */
  features: FeatureCollection<Polygon, DiffFeatureProps>;
  issues: Issue[];
}

export interface DiffOptions {
  /** Overlay engine; defaults to the shipped one (clip-engine.ts). */
  engine?: ClipEngine;
}

/**
 * Grids tried, in order, after a plain overlay throws: 1e-7° (~1 cm) first, since it only merges vertices that
 * differ below the snapshots' own 6-decimal precision; then 1e-6° (~10 cm), the snapshots' own grid.
 */
const RETRY_GRIDS_DEG = [1e-7, 1e-6] as const;

/** Where the failure is, for the issue message: the centre of a geometry's bounding box, lon/lat to 5 decimals. */
function locate(p: Polygons): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of p) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < minX) minX = x!;
      if (x! > maxX) maxX = x!;
      if (y! < minY) minY = y!;
      if (y! > maxY) maxY = y!;
    }
  }
  if (!Number.isFinite(minX)) return 'empty geometry';
  return `near ${((minX + maxX) / 2).toFixed(5)} E, ${((minY + maxY) / 2).toFixed(5)} N`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Mutable bookkeeping for one measure's computation. */
interface Ctx {
  engine: ClipEngine;
  measureId: string;
  file: string;
  issues: Issue[];
  retried: boolean;
}

/** `op` on the inputs as they are, then on each retry grid; throws the first error if every try fails. */
function withSnapRetry(ctx: Ctx, what: string, inputs: Polygons[], op: (inputs: Polygons[]) => Polygons): Polygons {
  let first: unknown;
  try {
    return op(inputs);
  } catch (err) {
    first = err;
  }
  for (const grid of RETRY_GRIDS_DEG) {
    try {
      const out = op(inputs.map((p) => snapPolygons(p, grid)));
      ctx.retried = true;
      ctx.issues.push({
        file: ctx.file,
        severity: 'warning',
        reason: `measure "${ctx.measureId}": ${what} failed (${message(first)}); succeeded on a ${grid}° grid`,
      });
      return out;
    } catch {
      // try the next, coarser grid
    }
  }
  throw first;
}

/**
 * Union of the features of the measure's classes, clipped to its region. If the one-shot union fails, the
 * features are added one at a time so one bad feature is skipped (and named) rather than losing the measure.
 */
function measureGeometry(ctx: Ctx, snapshot: Snapshot, measure: AreaMeasure, region: AreaGeometry | undefined): Polygons {
  const wanted = new Set(measure.classes);
  const parts: { index: number; polygons: Polygons }[] = [];
  snapshot.features.forEach((f, index) => {
    if (!f.geometry || !wanted.has(f.properties.class)) return;
    parts.push({ index, polygons: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates });
  });
  const file = ctx.file;
  ctx.file = snapshot.file;
  try {
    let union: Polygons;
    try {
      union = withSnapRetry(ctx, `union of ${snapshot.dateIso}`, parts.map((p) => p.polygons), (ps) => ctx.engine.union(ps));
    } catch (err) {
      ctx.retried = true;
      union = [];
      for (const part of parts) {
        try {
          union = withSnapRetry(ctx, `union of ${snapshot.dateIso}, feature ${part.index}`, [union, part.polygons], (ps) => ctx.engine.union(ps));
        } catch (partErr) {
          ctx.issues.push({
            file: snapshot.file,
            featureIndex: part.index,
            path: `features[${part.index}].geometry`,
            severity: 'error',
            reason: `measure "${ctx.measureId}", ${snapshot.dateIso}: feature left out of the union, it could not be merged (${message(partErr)}; first failure: ${message(err)})`,
          });
        }
      }
    }
    if (!region) return union;
    const regionPolygons: Polygons = region.type === 'Polygon' ? [region.coordinates] : region.coordinates;
    return overlayByParts(ctx, `clip of ${snapshot.dateIso} to "${measure.clipTo}"`, union, regionPolygons, (a, b) => ctx.engine.intersection(a, b));
  } finally {
    ctx.file = file;
  }
}

/**
 * `op(a, b)` with retries; as a last resort it runs polygon by polygon of `a` and leaves out (and reports) the
 * polygons that still fail. Valid for difference and intersection, which distribute over the polygons of `a`.
 */
function overlayByParts(ctx: Ctx, what: string, a: Polygons, b: Polygons, op: (a: Polygons, b: Polygons) => Polygons): Polygons {
  try {
    return withSnapRetry(ctx, what, [a, b], ([x, y]) => op(x!, y!));
  } catch (err) {
    ctx.retried = true;
    const out: Polygons = [];
    a.forEach((polygon, i) => {
      try {
        out.push(...withSnapRetry(ctx, `${what}, polygon ${i}`, [[polygon], b], ([x, y]) => op(x!, y!)));
      } catch (partErr) {
        ctx.issues.push({
          file: ctx.file,
          severity: 'error',
          reason: `measure "${ctx.measureId}": ${what} failed for polygon ${i} (${countVertices([polygon])} vertices, ${locate([polygon])}), left out: ${message(partErr)} (whole: ${message(err)})`,
        });
      }
    });
    return out;
  }
}

function toFeatures(polygons: Polygons, props: Omit<DiffFeatureProps, 'areaKm2'>): { features: DiffFeature[]; areaKm2: number } {
  const features: DiffFeature[] = [];
  let areaKm2 = 0;
  for (const coordinates of polygons) {
    const geometry: Polygon = { type: 'Polygon', coordinates };
    const a = geometryAreaKm2(geometry);
    areaKm2 += a;
    features.push({ type: 'Feature', geometry, properties: { ...props, areaKm2: a } });
  }
  return { features, areaKm2 };
}

/**
 * How far `identityErrorKm2` may stray before it is reported, km²: 0.1 % of the larger side or 0.05 km²,
 * whichever is more. Honest floating-point residuals are orders of magnitude smaller (1e-6–1e-4 km²); a
 * polygon dropped by a failed overlay is not.
 */
export function identityToleranceKm2(fromKm2: number, toKm2: number): number {
  return Math.max(0.001 * Math.max(Math.abs(fromKm2), Math.abs(toKm2)), 0.05);
}

function polygonsAreaKm2(polygons: Polygons): number {
  return polygons.length === 0 ? 0 : geometryAreaKm2({ type: 'MultiPolygon', coordinates: polygons });
}

/**
 * Gained, lost and unchanged ground between two snapshots, per measure: each side is the union of the measure's
 * classes clipped to its region, then gained = to \ from, lost = from \ to, unchanged = from ∩ to.
 *
 * Never throws on degenerate geometry: a failed overlay is retried on a snapped grid, then part by part; what
 * still fails is left out and reported in `issues` (with the date and, for a union, the feature index). A measure
 * whose region is missing is left out of `measures` with an error issue. Areas in km² (AREA_METHOD).
 *
 * @param clipRegions Clip regions by id, as named by `AreaMeasure.clipTo`, lon/lat degrees.
 */
export function diffSnapshots(
  from: Snapshot,
  to: Snapshot,
  measures: readonly AreaMeasure[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
  opts: DiffOptions = {},
): SnapshotDiff {
  const engine = opts.engine ?? shippedEngine;
  const issues: Issue[] = [];
  const out: MeasureDiff[] = [];
  const features: DiffFeature[] = [];
  const pairFile = `${from.file} → ${to.file}`;

  for (const measure of measures) {
    const ctx: Ctx = { engine, measureId: measure.id, file: pairFile, issues, retried: false };
    let region: AreaGeometry | undefined;
    if (measure.clipTo !== undefined) {
      region = own(clipRegions, measure.clipTo);
      if (!region) {
        issues.push({ file: pairFile, severity: 'error', reason: `measure "${measure.id}": clip region "${measure.clipTo}" is not loaded` });
        continue;
      }
    }
    try {
      const fromGeom = measureGeometry(ctx, from, measure, region);
      const toGeom = measureGeometry(ctx, to, measure, region);
      const base = { measure: measure.id, classes: measure.classes.join('+'), fromDate: from.dateIso, toDate: to.dateIso };
      const gained = toFeatures(overlayByParts(ctx, 'gained (to \\ from)', toGeom, fromGeom, (a, b) => engine.difference(a, b)), { ...base, change: 'gained' });
      const lost = toFeatures(overlayByParts(ctx, 'lost (from \\ to)', fromGeom, toGeom, (a, b) => engine.difference(a, b)), { ...base, change: 'lost' });
      const same = toFeatures(overlayByParts(ctx, 'unchanged (from ∩ to)', fromGeom, toGeom, (a, b) => engine.intersection(a, b)), { ...base, change: 'unchanged' });
      const fromKm2 = polygonsAreaKm2(fromGeom);
      const toKm2 = polygonsAreaKm2(toGeom);
      out.push({
        measureId: measure.id,
        fromKm2,
        toKm2,
        gainedKm2: gained.areaKm2,
        lostKm2: lost.areaKm2,
        netKm2: toKm2 - fromKm2,
        unchangedKm2: same.areaKm2,
        identityErrorKm2: toKm2 - fromKm2 - (gained.areaKm2 - lost.areaKm2),
        retried: ctx.retried,
      });
      const check = out[out.length - 1]!;
      if (Math.abs(check.identityErrorKm2) > identityToleranceKm2(fromKm2, toKm2)) {
        issues.push({
          file: pairFile,
          severity: 'warning',
          reason: `measure "${measure.id}": area identity off by ${check.identityErrorKm2.toFixed(4)} km² (to − from ≠ gained − lost); an overlay may have dropped a part`,
        });
      }
      features.push(...gained.features, ...lost.features, ...same.features);
    } catch (err) {
      // Only a bug outside the overlays (they are all guarded) gets here; still, one measure must not sink the rest.
      issues.push({ file: pairFile, severity: 'error', reason: `measure "${measure.id}": diff failed (${message(err)})` });
    }
  }

  return {
    fromDateIso: from.dateIso,
    toDateIso: to.dateIso,
    engine: engine.id,
    areaMethod: AREA_METHOD,
    measures: out,
    features: { type: 'FeatureCollection', features },
    issues,
  };
}
