import { describe, expect, it } from 'vitest';
import { countVertices, ringSignedArea2 } from './geometry-measures';

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('ringSignedArea2', () => {
  it('is twice the area, positive counter-clockwise and negative clockwise', () => {
    expect(ringSignedArea2(square)).toBe(2);
    expect(ringSignedArea2([...square].reverse())).toBe(-2);
  });

  it('takes an open ring the same as its closed form (the closing edge is summed)', () => {
    expect(ringSignedArea2(square.slice(0, 4))).toBe(2);
  });

  it('is zero for a collapsed ring and an empty one', () => {
    expect(ringSignedArea2([[0, 0], [1, 1], [0, 0]])).toBe(0);
    expect(ringSignedArea2([])).toBe(0);
  });
});

describe('countVertices', () => {
  it('counts every position of a Polygon, a MultiPolygon and a list of polygons, closing ones included', () => {
    expect(countVertices({ type: 'Polygon', coordinates: [square] })).toBe(5);
    expect(countVertices({ type: 'MultiPolygon', coordinates: [[square, square], [square]] })).toBe(15);
    expect(countVertices([[square], [square.slice(0, 4)]])).toBe(9);
    expect(countVertices([])).toBe(0);
  });
});
