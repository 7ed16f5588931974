// Stage 0 of the geometry check: an object of an accepted area type (Polygon, MultiPolygon); a `crs` member is warned of.
import type { LocalIssue } from '../issues';
import { describeValue, isRecord, jsonPath } from '../issues';
import { addError } from './context';

/** The geometry's type and its list of polygons, still unchecked; undefined when the geometry is unusable (issues say why). */
export function readGeometryType(
  geom: unknown,
  path: string,
  kinds: readonly ('Polygon' | 'MultiPolygon')[],
  issues: LocalIssue[],
): { type: 'Polygon' | 'MultiPolygon'; coordsPath: string; polys: unknown[] } | undefined {
  const ctx = { issues };
  const kindsWord = kinds.join(' or ');
  if (geom === null || geom === undefined) {
    addError(ctx, path, `${geom === null ? 'null' : 'missing'}; a control area needs a ${kindsWord} geometry`);
    return undefined;
  }
  if (!isRecord(geom)) {
    addError(ctx, path, `geometry object expected, ${describeValue(geom)} found`);
    return undefined;
  }
  if ('crs' in geom) issues.push(crsWarning(jsonPath(path, 'crs')));
  const type = geom.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    addError(ctx, jsonPath(path, 'type'), `${kindsWord} expected, ${describeValue(type)} found${geometryHint(type)}`);
    return undefined;
  }
  if (!kinds.includes(type)) {
    addError(ctx, jsonPath(path, 'type'), `${kindsWord} expected, ${describeValue(type)} found`);
    return undefined;
  }
  const coordsPath = jsonPath(path, 'coordinates');
  const raw = geom.coordinates;
  const polys: unknown[] = type === 'Polygon' ? [raw] : Array.isArray(raw) ? raw : [];
  if (type === 'MultiPolygon' && !Array.isArray(raw)) {
    addError(ctx, coordsPath, `array of polygons expected, ${describeValue(raw)} found`);
    return undefined;
  }
  if (type === 'MultiPolygon' && polys.length === 0) {
    addError(ctx, coordsPath, 'MultiPolygon with no polygons');
    return undefined;
  }
  return { type, coordsPath, polys };
}

/** The warning for a `crs` member, which RFC 7946 removed: coordinates are always WGS 84 lon/lat. */
export function crsWarning(path: string): LocalIssue {
  return {
    path,
    reason: `${path}: "crs" is not part of GeoJSON (RFC 7946 §4); ignored, coordinates are read as WGS 84 longitude, latitude`,
    severity: 'warning',
  };
}

function geometryHint(type: unknown): string {
  if (type === 'Point' || type === 'MultiPoint') return ' (points have no area: a control-area file holds polygons)';
  if (type === 'LineString' || type === 'MultiLineString') return ' (a line has no area: close it into a Polygon ring if it is an outline)';
  if (type === 'GeometryCollection') return ' (split it into Polygon features)';
  return '';
}
