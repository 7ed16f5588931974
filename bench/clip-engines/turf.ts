// Turf adapter: @turf/union, @turf/intersect and @turf/difference, which run polyclip-ts underneath.
import turfDifference from '@turf/difference';
import turfIntersect from '@turf/intersect';
import turfUnion from '@turf/union';
import { featureCollection, multiPolygon } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ClipEngine, Polygons } from '../../src/lib/domain/clip-engine';
import { normalizePolygons } from '../../src/lib/domain/clip-engines/rings';

const feature = (p: Polygons): Feature<MultiPolygon> => multiPolygon(p);

function coords(result: Feature<Polygon | MultiPolygon> | null): Polygons {
  if (!result) return [];
  const g = result.geometry;
  return normalizePolygons(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
}

export const turfEngine: ClipEngine = {
  id: 'turf',
  union: (parts) => {
    if (parts.length === 0) return [];
    // @turf/union needs two features or more; a union of one is the part made valid, i.e. part ∪ part.
    const features = parts.length === 1 ? [feature(parts[0]!), feature(parts[0]!)] : parts.map(feature);
    return coords(turfUnion(featureCollection(features)));
  },
  intersection: (a, b) => (a.length === 0 || b.length === 0 ? [] : coords(turfIntersect(featureCollection([feature(a), feature(b)])))),
  difference: (a, b) => (a.length === 0 ? [] : coords(turfDifference(featureCollection([feature(a), feature(b)])))),
};
