// Vector tiles of every distinct polygon of a dataset, each carrying uid, class, first and last (the snapshot-
// index run it is in force for), in one PMTiles archive: a map shows one date with a `first <= i <= last`
// filter or, cheaper, with feature state keyed by uid (as OpenHistoricalMap does with start/end dates).
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import type { AreaGeometry } from '../../src/lib/domain/types';
import { writePmtiles, type PmtilesTile } from './pmtiles-writer';

/** Name of the one vector layer in the archive. */
export const CLAIMS_LAYER = 'claims';

/** One distinct polygon and its run, as written into the tiles. */
export interface TileFeature {
  uid: number;
  classId: string;
  /** First and last snapshot index (inclusive). */
  first: number;
  last: number;
  geometry: AreaGeometry;
}

export interface ClaimTilesOptions {
  /** Lowest zoom written (default 0). */
  minZoom?: number;
  /**
   * Highest zoom written (default 10, ~150 m a tile pixel at 48° N with 4096 extent: finer than the sources'
   * own precision); MapLibre overzooms it for closer views.
   */
  maxZoom?: number;
  /** Extra metadata merged into the archive's JSON metadata. */
  metadata?: Record<string, unknown>;
}

export interface ClaimTiles {
  pmtiles: Uint8Array;
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  tiles: number;
  /** Uncompressed MVT bytes per zoom, and the largest single tile. */
  rawBytesByZoom: number[];
  largestTileBytes: number;
}

/** Tile extent and buffer as MapLibre's own GeoJSON source uses them, so tiles look the same as the GeoJSON path. */
const EXTENT = 4096;
const BUFFER = 64;
const TOLERANCE = 3;

/**
 * Tiles the features and writes the archive. Walks the tile pyramid depth-first and drops each tile from
 * geojson-vt's cache once its subtree is written, so memory holds the features plus one path of tiles, not
 * the whole pyramid.
 */
export function buildClaimTiles(features: readonly TileFeature[], options: ClaimTilesOptions = {}): ClaimTiles {
  const minZoom = options.minZoom ?? 0;
  const maxZoom = options.maxZoom ?? 10;
  if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > 16 || minZoom > maxZoom) {
    throw new Error(`buildClaimTiles: zoom range ${minZoom}..${maxZoom} must be integers with 0 ≤ min ≤ max ≤ 16`);
  }
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((f): Feature => ({
      type: 'Feature',
      id: f.uid,
      properties: { uid: f.uid, class: f.classId, first: f.first, last: f.last },
      geometry: f.geometry,
    })),
  };
  const bounds = boundsOf(features);
  const index = new GeoJSONVT(collection, { maxZoom, indexMaxZoom: 0, indexMaxPoints: 0, extent: EXTENT, buffer: BUFFER, tolerance: TOLERANCE });
  // geojson-vt 5 internals: its tile cache, and findTile (the stored tile, whose numFeatures counts the source
  // features clipped into it, before simplification drops tiny ones: the right test for "anything below?").
  const internals = index as unknown as { tiles: Record<number, unknown>; findTile(z: number, x: number, y: number): { numFeatures: number } | null };
  const cache = internals.tiles;
  const toId = (z: number, x: number, y: number): number => ((1 << z) * y + x) * 32 + z;

  const out: PmtilesTile[] = [];
  const rawBytesByZoom = new Array<number>(maxZoom + 1).fill(0);
  let largestTileBytes = 0;
  const visit = (z: number, x: number, y: number): void => {
    const stored = internals.findTile(z, x, y);
    if (!stored || stored.numFeatures === 0) return;
    const tile = index.getTile(z, x, y)!;
    if (z >= minZoom && tile.features.length > 0) {
      const data = vtpbf.fromGeojsonVt({ [CLAIMS_LAYER]: tile }, { version: 2, extent: EXTENT });
      out.push({ z, x, y, data });
      rawBytesByZoom[z]! += data.length;
      largestTileBytes = Math.max(largestTileBytes, data.length);
    }
    if (z < maxZoom) {
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(z + 1, x * 2 + dx, y * 2 + dy);
    }
    if (z > 0) delete cache[toId(z, x, y)];
  };
  visit(0, 0, 0);

  const center: [number, number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.max(minZoom, Math.min(maxZoom, 6))];
  const pmtiles = writePmtiles({
    tiles: out,
    minZoom,
    maxZoom,
    bounds,
    center,
    metadata: {
      ...options.metadata,
      vector_layers: [{ id: CLAIMS_LAYER, fields: { uid: 'Number', class: 'String', first: 'Number', last: 'Number' }, minzoom: minZoom, maxzoom: maxZoom }],
    },
  });
  return { pmtiles, bounds, minZoom, maxZoom, tiles: out.length, rawBytesByZoom, largestTileBytes };
}

function boundsOf(features: readonly TileFeature[]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) for (const r of p) for (const c of r) {
      if (c[0]! < w) w = c[0]!;
      if (c[0]! > e) e = c[0]!;
      if (c[1]! < s) s = c[1]!;
      if (c[1]! > n) n = c[1]!;
    }
  }
  if (!Number.isFinite(w)) return [-180, -85, 180, 85];
  return [w, s, e, n];
}
