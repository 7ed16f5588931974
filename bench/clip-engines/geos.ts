// geos-wasm adapter (GEOS OverlayNG compiled to WebAssembly): async start-up, ~780 KB, so lazy-loaded only.
import initGeosJs from 'geos-wasm';
import { geojsonToGeosGeom, geosGeomToGeojson } from 'geos-wasm/helpers';
import type { Geometry } from 'geojson';
import type { ClipEngine, Polygons } from '../../src/lib/domain/clip-engine';
import { normalizePolygons } from '../../src/lib/domain/clip-engines/rings';

type Geos = Awaited<ReturnType<typeof initGeosJs>>;

function polygonsOf(g: Geometry): Polygons {
  switch (g.type) {
    case 'Polygon':
      return [g.coordinates];
    case 'MultiPolygon':
      return g.coordinates;
    case 'GeometryCollection':
      // Overlay can return lower-dimension leftovers (points, lines) beside polygons: only areas matter here.
      return g.geometries.flatMap(polygonsOf);
    default:
      return [];
  }
}

/** Start GEOS and wrap it; every GEOS geometry made here is destroyed before returning. */
export async function createGeosEngine(): Promise<ClipEngine> {
  const geos: Geos = await initGeosJs();
  const toGeos = (p: Polygons): number => geojsonToGeosGeom({ type: 'MultiPolygon', coordinates: p }, geos);
  const withGeoms = (inputs: Polygons[], op: (ptrs: number[]) => number): Polygons => {
    const ptrs = inputs.map(toGeos);
    let result = 0;
    try {
      result = op(ptrs);
      if (!result) throw new Error('geos: overlay failed');
      return normalizePolygons(polygonsOf(geosGeomToGeojson(result, geos) as Geometry));
    } finally {
      for (const p of ptrs) geos.GEOSGeom_destroy(p);
      if (result) geos.GEOSGeom_destroy(result);
    }
  };
  return {
    id: 'geos',
    union: (parts) => {
      if (parts.length === 0) return [];
      // One (possibly overlapping, so invalid) multipolygon of all parts; unary union dissolves it.
      return withGeoms([parts.flat()], ([all]) => geos.GEOSUnaryUnion(all!));
    },
    intersection: (a, b) => (a.length === 0 || b.length === 0 ? [] : withGeoms([a, b], ([x, y]) => geos.GEOSIntersection(x!, y!))),
    difference: (a, b) => (a.length === 0 ? [] : withGeoms([a, b], ([x, y]) => geos.GEOSDifference(x!, y!))),
  };
}
