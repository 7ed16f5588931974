// Area-report worker: the figures of the snapshot on the slider (union + clip per measure, union per class), off
// the main thread. On the Kursk data a report takes milliseconds, but on a dataset of large, jagged polygons one
// union can take seconds, and the page must never freeze for it. Newest request first, like the diff worker.
import { breakdownRegion, snapshotAreaReport, type AreaReport, type BreakdownRegion } from '../domain/area';
import { featuresAt, type SnapshotStore } from '../domain/snapshot-store';
import type { AreaGeometry, AreaMeasure } from '../domain/types';

export type AreaReportRequest =
  | {
      type: 'dataset'; generation: number; store: SnapshotStore; measures: AreaMeasure[]; classIds: string[]; clipRegions: Record<string, AreaGeometry>;
      /** A measure to break down by region, and the regions (e.g. oblasts). */
      breakdown?: { measureId: string; regions: { name: string; nameUk?: string; geometry: AreaGeometry }[] };
    }
  | { type: 'report'; generation: number; id: number; index: number };

export type AreaReportResponse =
  | { id: number; generation: number; index: number; ok: true; report: AreaReport }
  | { id: number; generation: number; index: number; stale: true }
  | { id: number; generation: number; index: number; ok: false; error: string };

let dataset: Extract<AreaReportRequest, { type: 'dataset' }> | undefined;
let breakdown: { measureId: string; regions: BreakdownRegion[] } | undefined;
let queued: Extract<AreaReportRequest, { type: 'report' }>[] = [];
let scheduled = false;
const cache = new Map<number, AreaReport>();

const post = (r: AreaReportResponse): void => (self as unknown as Worker).postMessage(r);

function drain(): void {
  scheduled = false;
  if (queued.length === 0 || !dataset) return;
  const current = dataset;
  const newest = queued.reduce((a, b) => (b.id > a.id ? b : a));
  for (const r of queued) if (r !== newest) post({ id: r.id, generation: r.generation, index: r.index, stale: true });
  queued = [];
  if (newest.generation !== current.generation) {
    post({ id: newest.id, generation: newest.generation, index: newest.index, stale: true });
    return;
  }
  try {
    let report = cache.get(newest.index);
    if (!report) {
      report = snapshotAreaReport(
        current.store.files[newest.index] ?? '',
        featuresAt(current.store, newest.index),
        current.measures,
        current.classIds,
        current.clipRegions,
        breakdown,
      );
      cache.set(newest.index, report);
    }
    post({ id: newest.id, generation: newest.generation, index: newest.index, ok: true, report });
  } catch (err) {
    post({ id: newest.id, generation: newest.generation, index: newest.index, ok: false, error: (err as Error).message });
  }
}

self.onmessage = (e: MessageEvent<AreaReportRequest>) => {
  const m = e.data;
  if (m?.type === 'dataset') {
    dataset = m;
    // Each region's own area and bounding box, once per dataset.
    breakdown = m.breakdown ? { measureId: m.breakdown.measureId, regions: m.breakdown.regions.map((r) => breakdownRegion(r.name, r.geometry, r.nameUk)) } : undefined;
    cache.clear();
    return;
  }
  if (m?.type !== 'report') return;
  queued.push(m);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};
