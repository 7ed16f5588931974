import { describe, expect, it } from 'vitest';
import { repairPolygons } from './repair-polygon';

const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

describe('repairPolygons', () => {
  it('fills both lobes of a bow-tie, as both fill rules draw it (the shoelace formula reads 0)', () => {
    const r = repairPolygons([[[[35.2, 51.0], [35.3, 51.1], [35.3, 51.0], [35.2, 51.1], [35.2, 51.0]]]]);
    expect(r.safe).toBe(true);
    expect(r.beforeKm2).toBeCloseTo(0, 6);
    expect(r.afterKm2).toBeCloseTo(r.evenOddKm2, 6);
    expect(r.polygons).toHaveLength(2);
  });

  it('keeps a hole inside its shell, and calls a shell nested in another ambiguous (even-odd leaves it open)', () => {
    const holed = repairPolygons([[square(30, 50, 1), square(30.4, 50.4, 0.2).reverse()]]);
    expect(holed.safe).toBe(true);
    expect(holed.polygons).toHaveLength(1);
    expect(holed.polygons[0]).toHaveLength(2);
    const nested = repairPolygons([[square(30, 50, 1)], [square(30.1, 50.1, 0.1)]]);
    expect(nested.safe).toBe(false);
    // Shoelace: outer + inner; kept: outer − inner (both readings fill it); disputed: the inner square.
    expect(nested.disputedKm2).toBeGreaterThan(70);
    expect(nested.disputedKm2).toBeCloseTo((nested.beforeKm2 - nested.afterKm2) / 2, 3);
  });

  it('calls a hole outside its shell ambiguous and keeps only the ground both readings fill', () => {
    const r = repairPolygons([[square(30, 50, 0.1), square(31, 50, 0.1).reverse()]]);
    expect(r.safe).toBe(false);
    expect(r.disputedKm2).toBeGreaterThan(70);
    expect(r.afterKm2).toBeCloseTo(r.beforeKm2 + r.disputedKm2, 3);
  });
});
