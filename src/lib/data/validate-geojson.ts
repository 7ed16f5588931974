// Checks one area geometry against RFC 7946 and OGC simple features (via JTS), repairing only what is safe.
// A pipeline of stages, one file each in geometry-check/ (geojson-vt style); each stage names what it finds and
// stops the pipeline when the geometry is unusable.
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry } from '../domain/types';
import type { LocalIssue } from './issues';
import type { StageContext } from './geometry-check/context';
import { readGeometryType } from './geometry-check/geometry-type';
import { readPositions } from './geometry-check/positions';
import { checkRanges } from './geometry-check/ranges';
import { cleanRings } from './geometry-check/rings';
import { checkSwappedAxes } from './geometry-check/swapped-axes';
import { checkOgcValidity } from './geometry-check/ogc-validity';
import { rewindRings } from './geometry-check/winding';

/** Options for {@link checkAreaGeometry}. */
export interface GeometryCheckOptions {
  /**
   * Where the dataset lies, `[lon, lat]` in degrees: a feature far from it whose swapped coordinates
   * would land on it is reported as having latitude and longitude swapped.
   */
  reference?: readonly [number, number];
  /** Geometry types accepted; default Polygon and MultiPolygon (a control area has an area). */
  kinds?: readonly ('Polygon' | 'MultiPolygon')[];
  /**
   * Memo of OGC validity by geometry hash, shared across one dataset: daily snapshots repeat most polygons
   * unchanged (Kursk: 509 features, 187 distinct), and the JTS check is the costly step.
   */
  validityCache?: Map<string, string | undefined>;
  /**
   * Geometry objects whose OGC validity a trusted record already established (validity-record.ts: the build's
   * verdict, bound to the file's sha256): the JTS step is skipped for them, every other check still runs.
   */
  ogcValid?: WeakSet<object>;
}

/**
 * What the JTS step is: a validity record names it, and one made by another version of the check is not trusted.
 * Bump when the OGC step (or the cleaning before it) changes.
 */
export const OGC_CHECK = 'validate-geojson: JTS IsValidOp after removing repeated positions, v1';

/** Result of checking one geometry: the (possibly repaired) geometry if usable, and what was found. */
export interface GeometryCheck {
  geometry?: AreaGeometry;
  issues: LocalIssue[];
}

/**
 * Check a GeoJSON geometry meant to be a control area.
 * Errors (the geometry is unusable): wrong type, malformed or non-finite coordinates, longitude/latitude out
 * of range or swapped, unclosed ring, ring under four positions, OGC invalidity (self-intersection, hole
 * outside shell, ring touching itself, disconnected interior, nested shells…) with its location.
 * Repairs (warnings): consecutive repeated positions removed; rings rewound to RFC 7946 §3.1.6 order
 * (exterior counter-clockwise, holes clockwise). Altitudes are dropped (areas are 2-D).
 * @param path JSON path of the geometry in its file, e.g. `features[3].geometry`.
 */
export function checkAreaGeometry(geom: unknown, path: string, opts: GeometryCheckOptions = {}): GeometryCheck {
  const issues: LocalIssue[] = [];
  // 0. An object of an accepted type.
  const typed = readGeometryType(geom, path, opts.kinds ?? ['Polygon', 'MultiPolygon'], issues);
  if (!typed) return { issues };
  const ctx: StageContext = { type: typed.type, path, coordsPath: typed.coordsPath, issues };
  // 1. Shape and numbers of every position.
  const parsed = readPositions(ctx, typed.polys);
  if (!parsed) return { issues };
  // 2. Longitude and latitude ranges.
  if (!checkRanges(ctx, parsed)) return { issues };
  // 3. Rings closed, repeats removed, at least four positions.
  const cleaned = cleanRings(ctx, parsed);
  if (!cleaned) return { issues };
  // 4. Swapped axes relative to the rest of the dataset.
  if (opts.reference && !checkSwappedAxes(ctx, cleaned, opts.reference)) return { issues };
  // 5. OGC validity; an invalid polygon repaired when that changes its area by little (then no winding stage).
  const ogc = checkOgcValidity(ctx, geom as object, cleaned, { ...(opts.validityCache ? { cache: opts.validityCache } : {}), ...(opts.ogcValid ? { ogcValid: opts.ogcValid } : {}) });
  if (!ogc.valid) return ogc.repaired ? { geometry: ogc.repaired, issues } : { issues };
  // 6. Winding.
  rewindRings(ctx, cleaned);
  const geometry: Polygon | MultiPolygon =
    ctx.type === 'Polygon' ? { type: 'Polygon', coordinates: cleaned[0] ?? [] } : { type: 'MultiPolygon', coordinates: cleaned };
  return { geometry, issues };
}
