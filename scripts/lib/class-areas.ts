// Area per class per snapshot for the data build: the same figure as classAreasKm2 (src/lib/domain/area.ts: the
// union of a class's polygons, Turf's spherical area), computed incrementally so that a 1,400-day archive in
// which a few polygons change a day does not redo every union every day.
//
// Why it is the same figure: polygons whose bounding boxes do not overlap cannot overlap, so the union of a
// class is the disjoint union of the unions of its bbox-overlap groups (connected components), and its area is
// the sum of theirs. Each group's area is memoised by the uids in it (a uid is one distinct geometry), and a
// group is only recomputed when its membership changes.
import bbox from '@turf/bbox';
import { geometryAreaKm2, toMultiPolygon, unionOfClasses } from '../../src/lib/domain/area';
import type { AreaGeometry, ControlFeature, Issue } from '../../src/lib/domain/types';

/** A feature of one snapshot with its store uid. */
export interface UidFeature {
  uid: number;
  classId: string;
  geometry: AreaGeometry;
}

type Box = [number, number, number, number];

/** Keeps bounding boxes and group areas between snapshots. One instance per build. */
export class ClassAreaCalculator {
  private boxes = new Map<number, Box>();
  /** Group key (class + sorted uids) → km²; only the groups of the previous snapshot are kept. */
  private memo = new Map<string, number>();
  /** Union computations done (for the build report). */
  unions = 0;

  /**
   * km² per class for one snapshot (classes with no polygon: 0). A class whose union fails is `null` and an
   * issue names the snapshot and class: a figure is left out, never guessed.
   */
  areasKm2(file: string, features: readonly UidFeature[], classIds: readonly string[], issues: Issue[]): Record<string, number | null> {
    const next = new Map<string, number>();
    const out: Record<string, number | null> = {};
    for (const cls of classIds) {
      const mine = features.filter((f) => f.classId === cls);
      let total: number | null = 0;
      for (const group of this.groups(mine)) {
        const key = `${cls}:${group.map((f) => f.uid).sort((a, b) => a - b).join(',')}`;
        let area = this.memo.get(key) ?? next.get(key);
        if (area === undefined) {
          try {
            const asFeatures: ControlFeature[] = group.map((f) => ({ type: 'Feature', properties: { class: cls }, geometry: f.geometry }));
            area = geometryAreaKm2(toMultiPolygon(unionOfClasses(asFeatures, [cls])));
            this.unions += 1;
            // A non-finite coordinate gives NaN rather than an exception; it is a failure all the same.
            if (!Number.isFinite(area)) throw new Error(`area is ${area}`);
          } catch (err) {
            issues.push({ file, severity: 'error', reason: `area of class "${cls}": polygon union failed (${(err as Error).message}); figure left out` });
            total = null;
            continue;
          }
        }
        next.set(key, area);
        if (total !== null) total += area;
      }
      out[cls] = total;
    }
    this.memo = next;
    return out;
  }

  /** Drops the bounding box of a uid whose run has ended (keeps memory to the geometries in force). */
  forget(uid: number): void {
    this.boxes.delete(uid);
  }

  private box(f: UidFeature): Box {
    let b = this.boxes.get(f.uid);
    if (!b) {
      b = bbox(f.geometry) as Box;
      this.boxes.set(f.uid, b);
    }
    return b;
  }

  /** Connected components of the "bounding boxes overlap" relation (union–find; n is ~100 a snapshot). */
  private groups(features: readonly UidFeature[]): UidFeature[][] {
    const n = features.length;
    const parent = Array.from({ length: n }, (_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const boxes = features.map((f) => this.box(f));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) parent[find(i)] = find(j);
      }
    }
    const byRoot = new Map<number, UidFeature[]>();
    features.forEach((f, i) => {
      const r = find(i);
      const list = byRoot.get(r);
      if (list) list.push(f);
      else byRoot.set(r, [f]);
    });
    return [...byRoot.values()];
  }
}
