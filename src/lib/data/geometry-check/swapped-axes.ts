// Stage 4 of the geometry check: coordinates written [latitude, longitude], told by where the rest of the dataset lies.
import type { Position } from 'geojson';
import { addError, type StageContext } from './context';

// Swap test: the feature must be this far (degrees) from the dataset, and its swap this much closer.
const SWAP_MIN_DISTANCE_DEG = 5;
const SWAP_CLOSER_FACTOR = 4;

/**
 * True unless the geometry lies far from `reference` (`[lon, lat]` of the dataset) and its swapped coordinates
 * would land on it; then an error says so and false is returned.
 */
export function checkSwappedAxes(ctx: StageContext, cleaned: readonly Position[][][], reference: readonly [number, number]): boolean {
  const c = centre(cleaned);
  const [rx, ry] = reference;
  const d = Math.hypot(c[0] - rx, c[1] - ry);
  const ds = Math.hypot(c[1] - rx, c[0] - ry);
  if (d > SWAP_MIN_DISTANCE_DEG && ds * SWAP_CLOSER_FACTOR < d) {
    addError(
      ctx,
      ctx.coordsPath,
      `coordinates look like [latitude, longitude]: centre [${c[0].toFixed(2)}, ${c[1].toFixed(2)}] is ${d.toFixed(0)}° from the rest of the dataset (around [${rx.toFixed(2)}, ${ry.toFixed(2)}]) but would sit on it if swapped; GeoJSON wants [longitude, latitude]`,
    );
    return false;
  }
  return true;
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
