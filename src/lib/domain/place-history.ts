// Who held a place when: each place's runs of class over the snapshots of one source, and how many places each
// class covers on each snapshot. Pure; works on any SnapshotStore (one per source of a dataset).
//
// Point-in-polygon is tested once per place per DISTINCT geometry of the store, never per snapshot: a stored
// feature stands unchanged over a run of snapshots (snapshot-store.ts), so the place is inside it for exactly that
// run. A flatbush index of the places finds those inside each geometry's bounding box; a geometry with many such
// places (the whole front's occupied area: ~10,000 vertices, hundreds of towns in its box) gets its edges sorted
// into horizontal bands first, so each test reads one band's edges instead of the whole ring (bench/places.bench.ts
// sets this beside a plain scan of the boxes, Turf's point-in-polygon, and testing every snapshot).
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { SnapshotStore } from './snapshot-store';
import type { AreaGeometry, AreaMeasure, ControlClass } from './types';
import { daysBetween } from './timeline';

/** A place reduced to what history needs. */
export interface PlacePoint {
  id: string;
  lon: number;
  lat: number;
  /** ISO code of the country the point lies in (held by it when no polygon covers it), or null if unknown. */
  country: string | null;
}

/** One run of unchanged control: snapshots `firstIndex … lastIndex` (inclusive) all show the same classes. */
export interface ControlRun {
  firstIndex: number;
  lastIndex: number;
  /** Date of the first and of the last snapshot of the run. */
  fromIso: string;
  toIso: string;
  /** Date of the next snapshot (the first that shows something else), or null when the run lasts to the end. */
  untilIso: string | null;
  /** Class ids of the polygons covering the place, sorted; empty when none does. */
  classes: string[];
}

/**
 * A change of hands, known only to within the two snapshots that bound it: it happened after `lastBeforeIso`
 * (the last snapshot showing the old state) and on or before `firstAfterIso` (the first showing the new one).
 */
export interface ControlChange {
  lastBeforeIso: string;
  firstAfterIso: string;
  /** Days in the span (1 when the snapshots are on consecutive days). */
  spanDays: number;
  fromClasses: string[];
  toClasses: string[];
}

// ------------------------------------------------------------------------------------------------------------
// Point in polygon

type Bbox = [number, number, number, number];

function geometryBbox(g: AreaGeometry): Bbox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const p of poly[0] ?? []) {
      if (p[0]! < minX) minX = p[0]!;
      if (p[0]! > maxX) maxX = p[0]!;
      if (p[1]! < minY) minY = p[1]!;
      if (p[1]! > maxY) maxY = p[1]!;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Even–odd ray casting over one ring; a point on an edge may fall either way (a village is not on a line). */
function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * A ring's edges sorted into horizontal bands: a ray from (x, y) can only cross edges whose y-range holds y, and
 * those are all in y's band. Built in O(edges); each test then reads about edges / bands edges.
 */
interface BandedRing {
  y0: number;
  bandHeight: number;
  /** Per band, the ring's edges as flat [xi, yi, xj, yj, …]. */
  bands: number[][];
}

function bandRing(ring: readonly Position[]): BandedRing {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    if (p[1]! < minY) minY = p[1]!;
    if (p[1]! > maxY) maxY = p[1]!;
  }
  // About 8 edges per band: fewer bands leave long lists, more duplicate the steep edges.
  const count = Math.max(1, Math.ceil(ring.length / 8));
  const bandHeight = (maxY - minY) / count || 1;
  const bands: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
    const from = Math.min(count - 1, Math.floor((Math.min(yi, yj) - minY) / bandHeight));
    const to = Math.min(count - 1, Math.floor((Math.max(yi, yj) - minY) / bandHeight));
    for (let b = from; b <= to; b++) bands[b]!.push(xi, yi, xj, yj);
  }
  return { y0: minY, bandHeight, bands };
}

function inBandedRing(x: number, y: number, r: BandedRing): boolean {
  const b = Math.floor((y - r.y0) / r.bandHeight);
  const edges = r.bands[b];
  if (!edges) return false;
  let inside = false;
  for (let k = 0; k < edges.length; k += 4) {
    const xi = edges[k]!, yi = edges[k + 1]!, xj = edges[k + 2]!, yj = edges[k + 3]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A point-in-geometry test for one geometry, banded when it will be asked many times. */
function geometryTester(g: AreaGeometry, banded: boolean): (x: number, y: number) => boolean {
  if (!banded) return (x, y) => pointInGeometry(x, y, g);
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((poly) => poly.map(bandRing));
  return (x, y) => {
    for (const rings of polys) {
      if (!rings[0] || !inBandedRing(x, y, rings[0])) continue;
      let inHole = false;
      for (let h = 1; h < rings.length && !inHole; h++) inHole = inBandedRing(x, y, rings[h]!);
      if (!inHole) return true;
    }
    return false;
  };
}

/** Places a geometry must hold in its box before banding its edges pays (measured: bench/places.bench.ts). */
const BAND_MIN_PLACES = 16;

/** True when (lon, lat) is inside the (Multi)Polygon: in an exterior ring and in none of its holes. */
export function pointInGeometry(lon: number, lat: number, g: AreaGeometry): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    if (!poly[0] || !inRing(lon, lat, poly[0])) continue;
    let inHole = false;
    for (let h = 1; h < poly.length && !inHole; h++) inHole = inRing(lon, lat, poly[h]!);
    if (!inHole) return true;
  }
  return false;
}

// ------------------------------------------------------------------------------------------------------------
// Coverage: which stored features hold each place

/** How candidate features are found: a flatbush index of their boxes, or a scan of every box (for the bench). */
export type CandidateSearch = 'flatbush' | 'scan';

/**
 * For each place (same order), the uids of the store's features that contain it, ascending. One point-in-polygon
 * test per place per candidate distinct geometry.
 */
export function placeCoverage(store: Pick<SnapshotStore, 'features'>, places: readonly PlacePoint[], search: CandidateSearch = 'flatbush'): number[][] {
  const feats = store.features;
  const out: number[][] = places.map(() => []);
  if (feats.length === 0 || places.length === 0) return out;
  const boxes = feats.map((f) => geometryBbox(f.geometry));
  if (search === 'flatbush') {
    const index = new Flatbush(places.length);
    for (const p of places) index.add(p.lon, p.lat, p.lon, p.lat);
    index.finish();
    feats.forEach((f, k) => {
      const b = boxes[k]!;
      const hits = index.search(b[0], b[1], b[2], b[3]);
      if (hits.length === 0) return;
      const inside = geometryTester(f.geometry, hits.length >= BAND_MIN_PLACES);
      for (const i of hits) if (inside(places[i]!.lon, places[i]!.lat)) out[i]!.push(f.uid);
    });
    for (const uids of out) uids.sort((a, b) => a - b);
  } else {
    places.forEach((p, i) => {
      const uids: number[] = [];
      boxes.forEach((b, k) => {
        if (p.lon >= b[0] && p.lon <= b[2] && p.lat >= b[1] && p.lat <= b[3] && pointInGeometry(p.lon, p.lat, feats[k]!.geometry)) uids.push(feats[k]!.uid);
      });
      out[i] = uids;
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------------
// Runs

/**
 * A place's runs over every snapshot of the store, from the features that contain it (`placeCoverage`): each
 * feature gives its class over its run of snapshots; where runs start and end the class set may change, and
 * neighbouring stretches with the same set are one run. Runs cover 0 … snapshots−1 without gaps.
 */
export function placeRuns(store: Pick<SnapshotStore, 'datesIso' | 'features'>, uids: readonly number[]): ControlRun[] {
  const n = store.datesIso.length;
  if (n === 0) return [];
  const spans = uids.map((u) => store.features[u]!).map((f) => ({ first: f.firstIndex, last: f.lastIndex, classId: f.classId }));
  const bounds = new Set<number>([0]);
  for (const s of spans) {
    bounds.add(s.first);
    if (s.last + 1 < n) bounds.add(s.last + 1);
  }
  const starts = [...bounds].sort((a, b) => a - b);
  const runs: ControlRun[] = [];
  starts.forEach((start, k) => {
    const end = (starts[k + 1] ?? n) - 1;
    const classes = [...new Set(spans.filter((s) => s.first <= start && start <= s.last).map((s) => s.classId))].sort();
    const prev = runs[runs.length - 1];
    if (prev && sameClasses(prev.classes, classes)) {
      prev.lastIndex = end;
      return;
    }
    runs.push({ firstIndex: start, lastIndex: end, fromIso: '', toIso: '', untilIso: null, classes });
  });
  for (const r of runs) {
    r.fromIso = store.datesIso[r.firstIndex]!;
    r.toIso = store.datesIso[r.lastIndex]!;
    r.untilIso = store.datesIso[r.lastIndex + 1] ?? null;
  }
  return runs;
}

function sameClasses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** The changes between consecutive runs, each bounded by the two snapshots around it. */
export function placeChanges(runs: readonly ControlRun[]): ControlChange[] {
  const out: ControlChange[] = [];
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1]!;
    const b = runs[i]!;
    out.push({ lastBeforeIso: a.toIso, firstAfterIso: b.fromIso, spanDays: daysBetween(a.toIso, b.fromIso), fromClasses: a.classes, toClasses: b.classes });
  }
  return out;
}

/** The run in force at snapshot `index`, or undefined outside the store. */
export function runAt(runs: readonly ControlRun[], index: number): ControlRun | undefined {
  return runs.find((r) => r.firstIndex <= index && index <= r.lastIndex);
}

// ------------------------------------------------------------------------------------------------------------
// Whose control

/** What a map shows of a place: held by a country (ISO code), or contested. */
export type Reading = string;

/**
 * Whose control the classes covering a place mark (`heldBy` of the manifest's classes): one country → it; a
 * class marked `contested`, or classes of two countries → `contested`; no class with `heldBy` → the country the
 * place lies in (null if unknown). Classes without `heldBy` say nothing about control and are ignored.
 */
export function readingOf(classes: readonly string[], heldByClass: ReadonlyMap<string, string>, country: string | null): Reading | null {
  const sides = new Set<string>();
  for (const c of classes) {
    const side = heldByClass.get(c);
    if (side) sides.add(side);
  }
  if (sides.size === 0) return country;
  if (sides.has('contested') || sides.size > 1) return 'contested';
  return [...sides][0]!;
}

/** The classes' `heldBy`, by class id. */
export function heldByOf(classes: readonly ControlClass[]): Map<string, string> {
  return new Map(classes.filter((c) => c.heldBy).map((c) => [c.id, c.heldBy!]));
}

// ------------------------------------------------------------------------------------------------------------
// Counts

/** Places covered on each snapshot: per class, per measure, and by any polygon at all. */
export interface PlaceCounts {
  datesIso: string[];
  byClass: Map<string, Int32Array>;
  byMeasure: Map<string, Int32Array>;
  anyPolygon: Int32Array;
  /** Places counted from (the gazetteer's size). */
  placeCount: number;
}

/**
 * How many places each class and each measure covers on each snapshot. A place covered by two classes counts for
 * both. A measure counts a place when one of its classes covers it and, for a clipped measure, the place lies in
 * the clip region (`inRegion(measureClipId, placeIndex)`), so the count answers the same question as the area.
 * Built from the runs with difference arrays: O(places × runs + snapshots × classes).
 */
export function placeCounts(
  datesIso: readonly string[],
  runsByPlace: readonly (readonly ControlRun[])[],
  classIds: readonly string[],
  measures: readonly AreaMeasure[],
  inRegion: (regionId: string, placeIndex: number) => boolean = () => true,
): PlaceCounts {
  const n = datesIso.length;
  const diff = (): Int32Array => new Int32Array(n + 1);
  const byClass = new Map(classIds.map((c) => [c, diff()]));
  const byMeasure = new Map(measures.map((m) => [m.id, diff()]));
  const anyPolygon = diff();
  runsByPlace.forEach((runs, p) => {
    const inMeasureRegion = measures.map((m) => m.clipTo === undefined || inRegion(m.clipTo, p));
    for (const r of runs) {
      if (r.classes.length === 0) continue;
      const add = (a: Int32Array | undefined) => {
        if (!a) return;
        a[r.firstIndex]! += 1;
        a[r.lastIndex + 1]! -= 1;
      };
      add(anyPolygon);
      for (const c of r.classes) add(byClass.get(c));
      measures.forEach((m, k) => {
        if (inMeasureRegion[k] && m.classes.some((c) => r.classes.includes(c))) add(byMeasure.get(m.id));
      });
    }
  });
  const prefix = (a: Int32Array): Int32Array => {
    const out = new Int32Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) out[i] = sum += a[i]!;
    return out;
  };
  return {
    datesIso: [...datesIso],
    byClass: new Map([...byClass].map(([k, v]) => [k, prefix(v)])),
    byMeasure: new Map([...byMeasure].map(([k, v]) => [k, prefix(v)])),
    anyPolygon: prefix(anyPolygon),
    placeCount: runsByPlace.length,
  };
}

/** Everything about every place of one source: coverage, runs and counts, in one pass. */
export interface SourcePlaceHistory {
  runsByPlace: ControlRun[][];
  counts: PlaceCounts;
}

/**
 * Histories and counts of every place over one store. `clipRegions` are the dataset's (for clipped measures);
 * each place is tested against each region once.
 */
export function placeHistories(
  store: Pick<SnapshotStore, 'datesIso' | 'features'>,
  places: readonly PlacePoint[],
  classIds: readonly string[],
  measures: readonly AreaMeasure[],
  clipRegions: Readonly<Record<string, AreaGeometry>> = {},
  search: CandidateSearch = 'flatbush',
): SourcePlaceHistory {
  const coverage = placeCoverage(store, places, search);
  const runsByPlace = coverage.map((uids) => placeRuns(store, uids));
  const regionCache = new Map<string, boolean[]>();
  const inRegion = (regionId: string, i: number): boolean => {
    let flags = regionCache.get(regionId);
    if (!flags) {
      const g = Object.hasOwn(clipRegions, regionId) ? clipRegions[regionId] : undefined;
      // A land polygon has tens of thousands of vertices and every place is tested in it: banded, as a big geometry
      // is (the whole front: 430 ms of plain ray casting for its two regions, bench/places.bench.ts).
      const inside = g ? geometryTester(g, places.length >= BAND_MIN_PLACES) : () => false;
      flags = places.map((p) => inside(p.lon, p.lat));
      regionCache.set(regionId, flags);
    }
    return flags[i]!;
  };
  return { runsByPlace, counts: placeCounts(store.datesIso, runsByPlace, classIds, measures, inRegion) };
}
