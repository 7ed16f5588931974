// The camera that shows every polygon of a dataset (for datasets without a `defaultView`): Web Mercator maths, no map.
import type { Camera } from './types';

/**
 * A camera that shows every polygon of a dataset (for datasets without a `defaultView`), for a map of
 * `widthPx` × `heightPx` CSS pixels with 512 px Web Mercator tiles, as MapLibre uses; 8 % margin each side.
 */
export function cameraForSnapshots(features: readonly { geometry: { coordinates: unknown } }[], widthPx: number, heightPx: number): Camera | undefined {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
      return;
    }
    for (const k of c) visit(k);
  };
  for (const f of features) visit(f.geometry.coordinates);
  if (!Number.isFinite(w) || !Number.isFinite(s)) return undefined;
  // Mercator y in [0, 1] from north to south.
  const mercY = (lat: number) => {
    const r = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
    return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
  };
  const dx = Math.max((e - w) / 360, 1e-9);
  const dy = Math.max(mercY(s) - mercY(n), 1e-9);
  const usableW = Math.max(widthPx, 100) * 0.84;
  const usableH = Math.max(heightPx, 100) * 0.84;
  const zoom = Math.log2(Math.min(usableW / (dx * 512), usableH / (dy * 512)));
  const midY = (mercY(s) + mercY(n)) / 2;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * midY))) * 180) / Math.PI;
  return { zoom: Math.round(Math.max(1, Math.min(14, zoom)) * 100) / 100, lat: +lat.toFixed(5), lon: +((w + e) / 2).toFixed(5) };
}
