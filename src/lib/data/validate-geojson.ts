// Checks one area geometry against RFC 7946 and OGC simple features (via JTS), repairing only what is safe.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import type { AreaGeometry } from '../domain/types';
import { ringSignedArea2 } from '../domain/geometry-measures';
import type { LocalIssue } from './issues';
import { describeValue, isRecord, jsonPath } from './issues';

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
}

/** Result of checking one geometry: the (possibly repaired) geometry if usable, and what was found. */
export interface GeometryCheck {
  geometry?: AreaGeometry;
  issues: LocalIssue[];
}

// Beyond this many position errors in one feature, say how many more rather than listing them all.
const MAX_POSITION_ERRORS = 3;
// Swap test: the feature must be this far (degrees) from the dataset, and its swap this much closer.
const SWAP_MIN_DISTANCE_DEG = 5;
const SWAP_CLOSER_FACTOR = 4;

const factory = new GeometryFactory();

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
  const kinds = opts.kinds ?? ['Polygon', 'MultiPolygon'];
  const issues: LocalIssue[] = [];
  const error = (p: string, reason: string) => issues.push({ path: p, reason: `${p}: ${reason}`, severity: 'error' });
  const kindsWord = kinds.join(' or ');

  if (geom === null || geom === undefined) {
    error(path, `${geom === null ? 'null' : 'missing'}; a control area needs a ${kindsWord} geometry`);
    return { issues };
  }
  if (!isRecord(geom)) {
    error(path, `geometry object expected, ${describeValue(geom)} found`);
    return { issues };
  }
  if ('crs' in geom) issues.push(crsWarning(jsonPath(path, 'crs')));
  const type = geom.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    error(jsonPath(path, 'type'), `${kindsWord} expected, ${describeValue(type)} found${geometryHint(type)}`);
    return { issues };
  }
  if (!kinds.includes(type)) {
    error(jsonPath(path, 'type'), `${kindsWord} expected, ${describeValue(type)} found`);
    return { issues };
  }
  const coordsPath = jsonPath(path, 'coordinates');
  const raw = geom.coordinates;
  const polys: unknown[] = type === 'Polygon' ? [raw] : Array.isArray(raw) ? raw : [];
  if (type === 'MultiPolygon' && !Array.isArray(raw)) {
    error(coordsPath, `array of polygons expected, ${describeValue(raw)} found`);
    return { issues };
  }
  if (type === 'MultiPolygon' && polys.length === 0) {
    error(coordsPath, 'MultiPolygon with no polygons');
    return { issues };
  }

  // 1. Shape and numbers of every position.
  let positionErrors = 0;
  const posError = (p: string, reason: string) => {
    positionErrors++;
    if (positionErrors <= MAX_POSITION_ERRORS) error(p, reason);
  };
  const parsed: Position[][][] = [];
  polys.forEach((poly, pi) => {
    const polyPath = type === 'Polygon' ? coordsPath : jsonPath(coordsPath, pi);
    if (!Array.isArray(poly)) return posError(polyPath, `array of rings expected, ${describeValue(poly)} found`);
    if (poly.length === 0) return posError(polyPath, 'polygon with no rings (an exterior ring is required)');
    const rings: Position[][] = [];
    poly.forEach((ring, ri) => {
      const ringPath = jsonPath(polyPath, ri);
      if (!Array.isArray(ring)) return posError(ringPath, `ring (array of positions) expected, ${describeValue(ring)} found`);
      const out: Position[] = [];
      ring.forEach((pos, k) => {
        const p = readPosition(pos, jsonPath(ringPath, k));
        if (typeof p === 'string') posError(jsonPath(ringPath, k), p);
        else out.push(p);
      });
      rings.push(out);
    });
    parsed.push(rings);
  });
  if (positionErrors > MAX_POSITION_ERRORS)
    issues.push({ path: coordsPath, reason: `${coordsPath}: … and ${positionErrors - MAX_POSITION_ERRORS} more position errors in this geometry`, severity: 'error' });
  if (positionErrors > 0) return { issues };

  // 2. Ranges: longitude −180…180, latitude −90…90; a latitude out of range with a longitude that would fit
  // is the classic [lat, lon] mistake, so say so.
  let rangeErrors = 0;
  parsed.forEach((rings, pi) =>
    rings.forEach((ring, ri) =>
      ring.forEach((pos, k) => {
        const [lon, lat] = pos as [number, number];
        const p = jsonPath(type === 'Polygon' ? coordsPath : jsonPath(coordsPath, pi), ri, k);
        let reason: string | undefined;
        if (Math.abs(lat) > 90 && Math.abs(lon) <= 90)
          reason = `latitude ${lat} out of range −90…90; [${lon}, ${lat}] looks like [latitude, longitude], GeoJSON wants [longitude, latitude]`;
        else if (Math.abs(lat) > 90) reason = `latitude ${lat} out of range −90…90 (projected coordinates? GeoJSON is WGS 84 degrees)`;
        else if (Math.abs(lon) > 180) reason = `longitude ${lon} out of range −180…180`;
        if (reason) {
          rangeErrors++;
          if (rangeErrors <= MAX_POSITION_ERRORS) error(p, reason);
        }
      }),
    ),
  );
  if (rangeErrors > MAX_POSITION_ERRORS)
    issues.push({ path: coordsPath, reason: `${coordsPath}: … and ${rangeErrors - MAX_POSITION_ERRORS} more positions out of range`, severity: 'error' });
  if (rangeErrors > 0) return { issues };

  // 3. Rings: closed, then repeated points removed (repair), then at least four positions.
  let removed = 0;
  let ringErrors = 0;
  const cleaned: Position[][][] = parsed.map((rings, pi) =>
    rings.map((ring, ri) => {
      const ringPath = jsonPath(type === 'Polygon' ? coordsPath : jsonPath(coordsPath, pi), ri);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length > 0 && first && last && (first[0] !== last[0] || first[1] !== last[1])) {
        ringErrors++;
        error(ringPath, `ring not closed: first position [${fmt(first)}] and last [${fmt(last)}] differ (RFC 7946 §3.1.6)`);
        return ring;
      }
      const out: Position[] = [];
      for (const p of ring) {
        const prev = out[out.length - 1];
        if (prev && prev[0] === p[0] && prev[1] === p[1]) removed++;
        else out.push(p);
      }
      if (out.length < 4) {
        ringErrors++;
        const what = ri === 0 ? 'exterior ring' : 'hole';
        error(
          ringPath,
          `${what} has ${out.length} distinct position${out.length === 1 ? '' : 's'}${out.length !== ring.length ? ` (${ring.length} with repeats)` : ''}; a closed ring needs at least 4 (RFC 7946 §3.1.6)`,
        );
      }
      return out;
    }),
  );
  if (ringErrors > 0) return { issues };
  if (removed > 0)
    issues.push({ path: coordsPath, reason: `${coordsPath}: removed ${removed} consecutive repeated position${removed === 1 ? '' : 's'}`, severity: 'warning' });

  // 4. Swapped axes relative to the rest of the dataset.
  if (opts.reference) {
    const c = centre(cleaned);
    const [rx, ry] = opts.reference;
    const d = Math.hypot(c[0] - rx, c[1] - ry);
    const ds = Math.hypot(c[1] - rx, c[0] - ry);
    if (d > SWAP_MIN_DISTANCE_DEG && ds * SWAP_CLOSER_FACTOR < d) {
      error(
        coordsPath,
        `coordinates look like [latitude, longitude]: centre [${c[0].toFixed(2)}, ${c[1].toFixed(2)}] is ${d.toFixed(0)}° from the rest of the dataset (around [${rx.toFixed(2)}, ${ry.toFixed(2)}]) but would sit on it if swapped; GeoJSON wants [longitude, latitude]`,
      );
      return { issues };
    }
  }

  // 5. OGC validity: JTS IsValidOp gives the reason and a location (NOTES.md: turf's boolean-valid is unreliable).
  let invalid: string | undefined;
  if (opts.validityCache) {
    const key = hashPolygons(cleaned);
    if (opts.validityCache.has(key)) invalid = opts.validityCache.get(key);
    else opts.validityCache.set(key, (invalid = ogcProblem(cleaned)));
  } else invalid = ogcProblem(cleaned);
  if (invalid) {
    error(path, invalid);
    return { issues };
  }

  // 6. Winding (RFC 7946 §3.1.6): exterior counter-clockwise, holes clockwise. Parsers should not reject
  // the other order, so rewind and say so.
  let rewound = 0;
  for (const rings of cleaned)
    rings.forEach((ring, ri) => {
      const ccw = ringSignedArea2(ring) > 0;
      if ((ri === 0 && !ccw) || (ri > 0 && ccw)) {
        ring.reverse();
        rewound++;
      }
    });
  if (rewound > 0)
    issues.push({
      path: coordsPath,
      reason: `${coordsPath}: ${rewound} ring${rewound === 1 ? '' : 's'} wound the wrong way (exterior must be counter-clockwise, holes clockwise); rewound (RFC 7946 §3.1.6)`,
      severity: 'warning',
    });

  const geometry: Polygon | MultiPolygon =
    type === 'Polygon' ? { type: 'Polygon', coordinates: cleaned[0] ?? [] } : { type: 'MultiPolygon', coordinates: cleaned };
  return { geometry, issues };
}

/** The warning for a `crs` member, which RFC 7946 removed: coordinates are always WGS 84 lon/lat. */
export function crsWarning(path: string): LocalIssue {
  return {
    path,
    reason: `${path}: "crs" is not part of GeoJSON (RFC 7946 §4); ignored, coordinates are read as WGS 84 longitude, latitude`,
    severity: 'warning',
  };
}

/**
 * Read a position: an array of two or three finite numbers. Returns `[lon, lat]` or the reason it is not one.
 */
export function readPosition(v: unknown, path: string): Position | string {
  if (!Array.isArray(v)) return `position [longitude, latitude] expected, ${describeValue(v)} found`;
  if (v.length < 2) return `position needs longitude and latitude, ${v.length === 0 ? 'an empty array' : `only ${v.length} number`} found`;
  for (let i = 0; i < Math.min(v.length, 3); i++) {
    const n: unknown = v[i];
    const p = `${path}[${i}]`;
    if (typeof n !== 'number') return `number expected at ${p}, ${describeValue(n)} found`;
    // JSON has no NaN or Infinity, but 1e999 parses to Infinity.
    if (!Number.isFinite(n)) return `finite number expected at ${p}, ${describeValue(n)} found`;
  }
  return [v[0] as number, v[1] as number];
}

/** Rough centre of some positions (mean of exterior-ring vertices), for the swap test. */
export function centre(polys: readonly (readonly (readonly Position[])[])[]): [number, number] {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const rings of polys)
    for (const p of rings[0] ?? []) {
      x += p[0] ?? 0;
      y += p[1] ?? 0;
      n++;
    }
  return n === 0 ? [0, 0] : [x / n, y / n];
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

function fmt(p: Position): string {
  return `${p[0]}, ${p[1]}`;
}

function geometryHint(type: unknown): string {
  if (type === 'Point' || type === 'MultiPoint') return ' (points have no area: a control-area file holds polygons)';
  if (type === 'LineString' || type === 'MultiLineString') return ' (a line has no area: close it into a Polygon ring if it is an outline)';
  if (type === 'GeometryCollection') return ' (split it into Polygon features)';
  return '';
}
