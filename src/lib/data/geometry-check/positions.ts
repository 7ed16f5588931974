// Stage 1 of the geometry check: the shape of the coordinate arrays and the numbers of every position.
import type { Position } from 'geojson';
import { describeValue, jsonPath } from '../issues';
import { addError, MAX_POSITION_ERRORS, polygonPath, type StageContext } from './context';

/** Every polygon's rings of `[lon, lat]`, or undefined when a position is malformed (the first few are named). */
export function readPositions(ctx: StageContext, polys: readonly unknown[]): Position[][][] | undefined {
  let positionErrors = 0;
  const posError = (p: string, reason: string) => {
    positionErrors++;
    if (positionErrors <= MAX_POSITION_ERRORS) addError(ctx, p, reason);
  };
  const parsed: Position[][][] = [];
  polys.forEach((poly, pi) => {
    const polyPath = polygonPath(ctx, pi);
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
    ctx.issues.push({ path: ctx.coordsPath, reason: `${ctx.coordsPath}: … and ${positionErrors - MAX_POSITION_ERRORS} more position errors in this geometry`, severity: 'error' });
  return positionErrors > 0 ? undefined : parsed;
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
