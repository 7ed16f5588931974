// The diff worker's messages and their packing: geometry travels as typed arrays, transferred, not cloned.
import type { Polygon } from 'geojson';
import type { Polygons } from '../domain/clip-engine';
import { diffSnapshots } from '../domain/diff';
import type { DiffFeatureProps, SnapshotDiff } from '../domain/diff';
import type { AreaGeometry, AreaMeasure, ControlProps, Snapshot } from '../domain/types';

/**
 * Many geometries in flat typed arrays: structured clone of nested coordinate arrays costs an object per
 * position (about 15k a front snapshot), while these four buffers are handed over in O(1) by transfer.
 * `ringEnds[i]` is the end (exclusive, in positions) of ring i; `polygonEnds` of each polygon, in rings;
 * `geometryEnds` of each geometry, in polygons.
 */
export interface PackedGeometries {
  coords: Float64Array;
  ringEnds: Uint32Array;
  polygonEnds: Uint32Array;
  geometryEnds: Uint32Array;
}

export function packGeometries(geometries: readonly Polygons[]): PackedGeometries {
  let nPos = 0;
  let nRings = 0;
  let nPolys = 0;
  for (const g of geometries) for (const p of g) { nPolys++; for (const r of p) { nRings++; nPos += r.length; } }
  const out: PackedGeometries = { coords: new Float64Array(nPos * 2), ringEnds: new Uint32Array(nRings), polygonEnds: new Uint32Array(nPolys), geometryEnds: new Uint32Array(geometries.length) };
  let c = 0, r = 0, p = 0;
  geometries.forEach((g, gi) => {
    for (const polygon of g) {
      for (const ring of polygon) {
        for (const pos of ring) { out.coords[c++] = pos[0]!; out.coords[c++] = pos[1]!; }
        out.ringEnds[r++] = c / 2;
      }
      out.polygonEnds[p++] = r;
    }
    out.geometryEnds[gi] = p;
  });
  return out;
}

export function unpackGeometries(packed: PackedGeometries): Polygons[] {
  const { coords, ringEnds, polygonEnds, geometryEnds } = packed;
  const out: Polygons[] = [];
  let pos = 0, ring = 0, poly = 0;
  for (const gEnd of geometryEnds) {
    const g: Polygons = [];
    for (; poly < gEnd; poly++) {
      const polygon: number[][][] = [];
      for (; ring < polygonEnds[poly]!; ring++) {
        const positions: number[][] = [];
        for (; pos < ringEnds[ring]!; pos++) positions.push([coords[2 * pos]!, coords[2 * pos + 1]!]);
        polygon.push(positions);
      }
      g.push(polygon);
    }
    out.push(g);
  }
  return out;
}

export function transferablesOf(p: PackedGeometries): ArrayBuffer[] {
  return [p.coords.buffer, p.ringEnds.buffer, p.polygonEnds.buffer, p.geometryEnds.buffer] as ArrayBuffer[];
}

const polygonsOf = (g: AreaGeometry): Polygons => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** A snapshot with its geometry packed; properties stay plain objects (small, cloned). */
export interface PackedSnapshot {
  dateIso: string;
  file: string;
  properties: ControlProps[];
  types: ('Polygon' | 'MultiPolygon')[];
  geometry: PackedGeometries;
}

export function packSnapshot(s: Snapshot): PackedSnapshot {
  return {
    dateIso: s.dateIso,
    file: s.file,
    properties: s.features.map((f) => f.properties),
    types: s.features.map((f) => f.geometry.type),
    geometry: packGeometries(s.features.map((f) => polygonsOf(f.geometry))),
  };
}

export function unpackSnapshot(p: PackedSnapshot): Snapshot {
  const geometries = unpackGeometries(p.geometry);
  return {
    dateIso: p.dateIso,
    file: p.file,
    features: geometries.map((g, i) => ({
      type: 'Feature',
      properties: p.properties[i]!,
      geometry: p.types[i] === 'Polygon' ? { type: 'Polygon', coordinates: g[0] ?? [] } : { type: 'MultiPolygon', coordinates: g },
    })),
  };
}

/** A diff with its polygons packed (one polygon a feature, as diffSnapshots makes them). */
export interface PackedDiff extends Omit<SnapshotDiff, 'features'> {
  featureProps: DiffFeatureProps[];
  geometry: PackedGeometries;
}

export function packDiff(d: SnapshotDiff): PackedDiff {
  const { features, ...rest } = d;
  return { ...rest, featureProps: features.features.map((f) => f.properties), geometry: packGeometries(features.features.map((f) => [f.geometry.coordinates])) };
}

export function unpackDiff(p: PackedDiff): SnapshotDiff {
  const { featureProps, geometry, ...rest } = p;
  const geometries = unpackGeometries(geometry);
  return {
    ...rest,
    features: {
      type: 'FeatureCollection',
      features: geometries.map((g, i) => ({ type: 'Feature', properties: featureProps[i]!, geometry: { type: 'Polygon', coordinates: g[0] ?? [] } as Polygon })),
    },
  };
}

export interface DiffRequest {
  type: 'diff';
  /** Increasing per client: the worker only computes the newest request it holds (see diff-client.ts). */
  id: number;
  from: PackedSnapshot;
  to: PackedSnapshot;
  measures: AreaMeasure[];
  regionIds: string[];
  regions: PackedGeometries;
}

export type DiffResponse =
  | { id: number; ok: true; diff: PackedDiff }
  | { id: number; stale: true }
  | { id: number; ok: false; error: string };

export function packRequest(id: number, from: Snapshot, to: Snapshot, measures: readonly AreaMeasure[], clipRegions: Readonly<Record<string, AreaGeometry>>): { request: DiffRequest; transfer: ArrayBuffer[] } {
  const regionIds = Object.keys(clipRegions).filter((k) => measures.some((m) => m.clipTo === k));
  const request: DiffRequest = {
    type: 'diff', id, from: packSnapshot(from), to: packSnapshot(to), measures: [...measures], regionIds,
    regions: packGeometries(regionIds.map((k) => polygonsOf(clipRegions[k]!))),
  };
  return { request, transfer: [request.from.geometry, request.to.geometry, request.regions].flatMap(transferablesOf) };
}

/** Worker side: run one request and pack the answer with its transfer list. Never throws. */
export async function answerRequest(req: DiffRequest): Promise<{ response: DiffResponse; transfer: ArrayBuffer[] }> {
  try {
    const regions = unpackGeometries(req.regions);
    const clipRegions: Record<string, AreaGeometry> = Object.fromEntries(req.regionIds.map((k, i) => [k, { type: 'MultiPolygon', coordinates: regions[i]! }]));
    const diff = packDiff(diffSnapshots(unpackSnapshot(req.from), unpackSnapshot(req.to), req.measures, clipRegions));
    return { response: { id: req.id, ok: true, diff }, transfer: transferablesOf(diff.geometry) };
  } catch (err) {
    // diffSnapshots reports geometry trouble as issues; only a bug gets here.
    return { response: { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }, transfer: [] };
  }
}
