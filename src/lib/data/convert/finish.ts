// The last step of every converter: keep the areas (Polygon, MultiPolygon), say what else was left out, wind
// rings as RFC 7946 wants, and attach each feature's provenance. One step, so every format ends the same way.
import rewind from '@turf/rewind';
import type { Feature, FeatureCollection, Geometry, GeometryCollection, MultiPolygon, Polygon } from 'geojson';
import type { Issue } from '../../domain/types';
import { PROVENANCE_KEY, type Provenance } from './provenance';

/** What a converter returns: GeoJSON ready for the snapshot validator, and every problem found on the way. */
export interface Converted {
  /** A FeatureCollection of (Multi)Polygon features, or undefined when nothing could be read at all. */
  json: FeatureCollection<Polygon | MultiPolygon> | undefined;
  issues: Issue[];
}

/** One feature as a converter read it, before the common last step. */
export interface ReadFeature {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  provenance: Provenance;
  /** How the issue names it: `Placemark 4`, `objects.kursk.geometries[2]`, `record 7`. */
  where: string;
  /** Position in the source, for Issue.featureIndex. */
  index: number;
}

/**
 * Keep the areas; count the rest by geometry type in one warning (points and lines are not control areas);
 * a feature without geometry is a warning naming it. Fails (json undefined) only when the file had nothing
 * at all; a file with features but no areas returns an empty collection and an error saying so.
 */
export function finishConversion(file: string, what: string, read: readonly ReadFeature[], issues: Issue[]): Converted {
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const others = new Map<string, number>();
  for (const r of read) {
    let g = r.geometry;
    // A KML MultiGeometry (Google Earth's multi-part polygon) arrives as a GeometryCollection: its polygons are the area.
    if (g?.type === 'GeometryCollection') {
      const { area, dropped } = areaOfCollection(g);
      if (area && dropped.size > 0)
        issues.push({ file, featureIndex: r.index, reason: `${r.where}: ${[...dropped].map(([t, n]) => `${n} ${t}`).join(', ')} inside its multi-geometry left out, its polygons kept`, severity: 'warning', ...idOf(r) });
      if (area) g = area;
    }
    if (g === null) {
      issues.push({ file, featureIndex: r.index, reason: `${r.where}: no geometry; left out`, severity: 'warning', ...idOf(r) });
      continue;
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      others.set(g.type, (others.get(g.type) ?? 0) + 1);
      continue;
    }
    // Shapefiles and Esri JSON wind outer rings clockwise; GeoJSON wants them counter-clockwise. Rewinding
    // is the conversion, not a repair, so it is not reported.
    const geometry = rewind(g, { reverse: false }) as Polygon | MultiPolygon;
    features.push({ type: 'Feature', geometry, properties: { ...r.properties, [PROVENANCE_KEY]: r.provenance } });
  }
  if (others.size > 0) {
    const list = [...others].map(([t, n]) => `${n} ${t}`).join(', ');
    issues.push({
      file,
      reason: `${list} ${plural(what, [...others.values()].reduce((a, b) => a + b, 0))} left out: only areas (Polygon, MultiPolygon) are control areas`,
      severity: features.length > 0 ? 'warning' : 'error',
    });
  }
  if (features.length === 0 && read.length === 0) issues.push({ file, reason: `no readable ${what}: nothing to show`, severity: 'error' });
  else if (features.length === 0) issues.push({ file, reason: `no polygon among its ${read.length} ${plural(what, read.length)}: nothing to show`, severity: 'error' });
  return { json: { type: 'FeatureCollection', features }, issues };
}

/** The polygons of a (nested) GeometryCollection as one Polygon or MultiPolygon, and what else it held. */
function areaOfCollection(g: GeometryCollection): { area: Polygon | MultiPolygon | undefined; dropped: Map<string, number> } {
  const polys: Polygon['coordinates'][] = [];
  const dropped = new Map<string, number>();
  const visit = (x: Geometry) => {
    if (x.type === 'Polygon') polys.push(x.coordinates);
    else if (x.type === 'MultiPolygon') polys.push(...x.coordinates);
    else if (x.type === 'GeometryCollection') x.geometries.forEach(visit);
    else dropped.set(x.type, (dropped.get(x.type) ?? 0) + 1);
  };
  visit(g);
  const area: Polygon | MultiPolygon | undefined =
    polys.length === 0 ? undefined : polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
  return { area, dropped };
}

function plural(word: string, n: number): string {
  if (n === 1) return word;
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
}

function idOf(r: ReadFeature): { featureId?: string | number } {
  return r.provenance.originalId !== undefined ? { featureId: r.provenance.originalId } : {};
}
