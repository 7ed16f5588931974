import { describe, expect, it } from 'vitest';
import { cameraForSnapshots } from './camera-fit';

const poly = (w: number, s: number, e: number, n: number) => ({ geometry: { coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });

describe('cameraForSnapshots', () => {
  it('centres on the bounding box and zooms so that it fits with a margin', () => {
    const cam = cameraForSnapshots([poly(34, 51, 36, 52), poly(35, 50.5, 35.5, 51)], 1440, 900)!;
    expect(cam.lon).toBe(35);
    expect(cam.lat).toBeGreaterThan(50.5);
    expect(cam.lat).toBeLessThan(52);
    // Latitude binds: 1.5° at 51° N is about 2.38° of Mercator y, in 84 % of 900 px at 512 px tiles:
    // 2^z = 756 / (2.38/360 × 512) → z ≈ 7.8 (longitude alone would allow 8.7).
    expect(cam.zoom).toBeCloseTo(7.79, 1);
    // A narrower map zooms out.
    expect(cameraForSnapshots([poly(34, 51, 36, 52)], 390, 844)!.zoom).toBeLessThan(cam.zoom);
  });

  it('has no camera for nothing to show, and clamps a single point to zoom 14', () => {
    expect(cameraForSnapshots([], 1440, 900)).toBeUndefined();
    expect(cameraForSnapshots([{ geometry: { coordinates: [] } }], 1440, 900)).toBeUndefined();
    expect(cameraForSnapshots([poly(35, 51, 35, 51)], 1440, 900)!.zoom).toBe(14);
  });
});
