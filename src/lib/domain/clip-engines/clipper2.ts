// clipper2-ts adapter: Clipper2's integer-grid overlay on lon/lat scaled to 1e-7° (about 1 cm).
import { Clipper, Clipper64, ClipType, FillRule, PolyTree64 } from 'clipper2-ts';
import type { Path64, Paths64, PolyPath64 } from 'clipper2-ts';
import type { Position } from 'geojson';
import type { ClipEngine, Polygons } from './types';
import { normalizePolygons } from './rings';
import { ringSignedArea2 } from '../geometry-measures';

/**
 * Grid scale: degrees × 1e7 are integers. Snapshots carry 6 decimals, so input is exact on this grid, and
 * output vertices move by at most 5e-8° (≤ 6 mm), far below any area we report. Edge deltas stay under
 * clipper2-ts's ~9.4e7 fast-path limit for edges shorter than ~9°, so it rarely falls back to BigInt.
 */
const SCALE = 1e7;

/**
 * Input rings wound RFC 7946-style (outer counter-clockwise, holes clockwise) so that the NonZero fill rule
 * reads overlapping parts as a union and holes as holes, whatever winding the source file used.
 */
function toPaths(polygons: readonly Polygons[]): Paths64 {
  const paths: Paths64 = [];
  for (const geometry of polygons) {
    for (const polygon of geometry) {
      for (let r = 0; r < polygon.length; r++) {
        const ring = polygon[r]!;
        const path: Path64 = [];
        // The closing position repeats the first: Clipper wants open-ended paths.
        const n = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.length - 1 : ring.length;
        for (let i = 0; i < n; i++) {
          const p = ring[i]!;
          path.push({ x: Math.round(p[0]! * SCALE), y: Math.round(p[1]! * SCALE) });
        }
        if (path.length < 3) continue;
        const ccw = ringSignedArea2(ring) > 0;
        if ((r === 0) !== ccw) path.reverse();
        paths.push(path);
      }
    }
  }
  return paths;
}

function toRing(path: Path64): Position[] {
  const ring: Position[] = path.map((p) => [p.x / SCALE, p.y / SCALE]);
  return ring;
}

/** A PolyTree's outers become polygons with their holes; islands inside holes become polygons of their own. */
function fromTree(tree: PolyTree64): Polygons {
  const out: Polygons = [];
  const visitOuter = (node: PolyPath64): void => {
    if (!node.polygon) return;
    const rings = [toRing(node.polygon)];
    for (let h = 0; h < node.count; h++) {
      const hole = node.child(h);
      if (hole.polygon) rings.push(toRing(hole.polygon));
      for (let k = 0; k < hole.count; k++) visitOuter(hole.child(k));
    }
    out.push(rings);
  };
  for (let i = 0; i < tree.count; i++) visitOuter(tree.child(i));
  return normalizePolygons(out);
}

function run(type: ClipType, subject: readonly Polygons[], clip: readonly Polygons[]): Polygons {
  const clipper = new Clipper64();
  clipper.addSubject(toPaths(subject));
  if (clip.length > 0) clipper.addClip(toPaths(clip));
  const tree = new PolyTree64();
  if (!clipper.execute(type, FillRule.NonZero, tree)) throw new Error(`clipper2: ${ClipType[type]} failed`);
  return fromTree(tree);
}

/**
 * `a` cut to a box by Clipper2's rectangle clip, one linear pass (the whole front's 27,000-vertex land polygon, cut
 * to the box of a few changed polygons before they are clipped to it); rebuilt into polygons with holes.
 */
function cropToBox(a: Polygons, box: readonly [number, number, number, number]): Polygons {
  if (a.length === 0) return [];
  const rect = { left: Math.floor(box[0] * SCALE), top: Math.floor(box[1] * SCALE), right: Math.ceil(box[2] * SCALE), bottom: Math.ceil(box[3] * SCALE) };
  return unionOf(Clipper.rectClip(rect, toPaths([a])), FillRule.NonZero, 'crop');
}

/** Paths merged into polygons with holes under a fill rule (empty in, empty out). */
function unionOf(paths: Paths64, fillRule: FillRule, what: string): Polygons {
  if (paths.length === 0) return [];
  const clipper = new Clipper64();
  clipper.addSubject(paths);
  const tree = new PolyTree64();
  if (!clipper.execute(ClipType.Union, fillRule, tree)) throw new Error(`clipper2: ${what} failed`);
  return fromTree(tree);
}

export const clipper2Engine: ClipEngine = {
  id: 'clipper2',
  cropToBox,
  union: (parts) => (parts.length === 0 ? [] : run(ClipType.Union, parts, [])),
  intersection: (a, b) => (a.length === 0 || b.length === 0 ? [] : run(ClipType.Intersection, [a], [b])),
  difference: (a, b) => (a.length === 0 ? [] : b.length === 0 ? run(ClipType.Union, [a], []) : run(ClipType.Difference, [a], [b])),
};

/**
 * The region a renderer fills under the even-odd rule (SVG/canvas `evenodd`, Leaflet's default): every ring of
 * every polygon as one path set, whatever its role or winding. Used to check a repair against what a map shows.
 */
export function evenOddFill(polygons: Polygons): Polygons {
  const paths: Paths64 = [];
  for (const polygon of polygons)
    for (const ring of polygon) {
      const path: Path64 = ring.slice(0, -1).map((p) => ({ x: Math.round(p[0]! * SCALE), y: Math.round(p[1]! * SCALE) }));
      if (path.length >= 3) paths.push(path);
    }
  return unionOf(paths, FillRule.EvenOdd, 'even-odd union');
}
