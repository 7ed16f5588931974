// polygon-clipping adapter (Martinez–Rueda sweep on doubles): the engine area.ts already uses.
import polygonClipping from 'polygon-clipping';
import type { Geom } from 'polygon-clipping';
import type { ClipEngine, Polygons } from '../../src/lib/domain/clip-engine';
import { normalizePolygons } from '../../src/lib/domain/clip-engines/rings';

const geom = (p: Polygons): Geom => p as Geom;
const out = (p: Polygons): Polygons => normalizePolygons(p);

export const polygonClippingEngine: ClipEngine = {
  id: 'polygon-clipping',
  union: (parts) => {
    const [first, ...rest] = parts;
    return first === undefined ? [] : out(polygonClipping.union(geom(first), ...rest.map(geom)) as Polygons);
  },
  intersection: (a, b) => (a.length === 0 || b.length === 0 ? [] : out(polygonClipping.intersection(geom(a), geom(b)) as Polygons)),
  difference: (a, b) => (a.length === 0 ? [] : out(polygonClipping.difference(geom(a), geom(b)) as Polygons)),
};
