// Stage 2 of the geometry check: longitude −180…180, latitude −90…90; a latitude out of range with a longitude
// that would fit is the classic [lat, lon] mistake, so it is named.
import type { Position } from 'geojson';
import { jsonPath } from '../issues';
import { addError, MAX_POSITION_ERRORS, polygonPath, type StageContext } from './context';

/** True when every position is in range; otherwise the first few are named and false is returned. */
export function checkRanges(ctx: StageContext, parsed: readonly Position[][][]): boolean {
  let rangeErrors = 0;
  parsed.forEach((rings, pi) =>
    rings.forEach((ring, ri) =>
      ring.forEach((pos, k) => {
        const [lon, lat] = pos as [number, number];
        const p = jsonPath(polygonPath(ctx, pi), ri, k);
        let reason: string | undefined;
        if (Math.abs(lat) > 90 && Math.abs(lon) <= 90)
          reason = `latitude ${lat} out of range −90…90; [${lon}, ${lat}] looks like [latitude, longitude], GeoJSON wants [longitude, latitude]`;
        else if (Math.abs(lat) > 90) reason = `latitude ${lat} out of range −90…90 (projected coordinates? GeoJSON is WGS 84 degrees)`;
        else if (Math.abs(lon) > 180) reason = `longitude ${lon} out of range −180…180`;
        if (reason) {
          rangeErrors++;
          if (rangeErrors <= MAX_POSITION_ERRORS) addError(ctx, p, reason);
        }
      }),
    ),
  );
  if (rangeErrors > MAX_POSITION_ERRORS)
    ctx.issues.push({ path: ctx.coordsPath, reason: `${ctx.coordsPath}: … and ${rangeErrors - MAX_POSITION_ERRORS} more positions out of range`, severity: 'error' });
  return rangeErrors === 0;
}
