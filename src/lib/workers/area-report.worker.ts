// Area-report worker: the figures of the snapshot on the slider (union + clip per measure, union per class), off
// the main thread, for every source on the clock. On the Kursk data a report takes milliseconds, but on a dataset
// of large, jagged polygons one union can take seconds, and the page must never freeze for it. Newest request
// first per source, like the diff worker.
import { snapshotAreaReport, type AreaReport } from '../domain/area';
import { featuresAt, type SnapshotStore } from '../domain/snapshot-store';
import { unpackStore, type PackedStore } from './store-protocol';
import type { AreaGeometry, AreaMeasure } from '../domain/types';

export type AreaReportRequest =
  | { type: 'dataset'; key: string; generation: number; store: PackedStore; measures: AreaMeasure[]; classIds: string[]; clipRegions: Record<string, AreaGeometry> }
  | { type: 'drop'; key: string }
  | { type: 'report'; key: string; generation: number; id: number; index: number };

export type AreaReportResponse =
  | { id: number; key: string; generation: number; index: number; ok: true; report: AreaReport }
  | { id: number; key: string; generation: number; index: number; stale: true }
  | { id: number; key: string; generation: number; index: number; ok: false; error: string };

type DatasetMessage = Omit<Extract<AreaReportRequest, { type: 'dataset' }>, 'store'> & { store: SnapshotStore };
type ReportMessage = Extract<AreaReportRequest, { type: 'report' }>;

/** Datasets by source key, each with its cache of reports by snapshot index. */
const datasets = new Map<string, { dataset: DatasetMessage; cache: Map<number, AreaReport> }>();
let queued: ReportMessage[] = [];
let scheduled = false;

const post = (r: AreaReportResponse): void => (self as unknown as Worker).postMessage(r);
const stale = (r: ReportMessage): void => post({ id: r.id, key: r.key, generation: r.generation, index: r.index, stale: true });

function drain(): void {
  scheduled = false;
  // The newest request of each source is answered; older ones of the same source are stale.
  const newestByKey = new Map<string, ReportMessage>();
  for (const r of queued) {
    const n = newestByKey.get(r.key);
    if (!n || r.id > n.id) newestByKey.set(r.key, r);
  }
  for (const r of queued) if (newestByKey.get(r.key) !== r) stale(r);
  queued = [];
  for (const newest of newestByKey.values()) {
    const held = datasets.get(newest.key);
    if (!held || held.dataset.generation !== newest.generation) {
      stale(newest);
      continue;
    }
    const { dataset, cache } = held;
    try {
      let report = cache.get(newest.index);
      if (!report) {
        report = snapshotAreaReport(dataset.store.files[newest.index] ?? '', featuresAt(dataset.store, newest.index), dataset.measures, dataset.classIds, dataset.clipRegions);
        cache.set(newest.index, report);
      }
      post({ id: newest.id, key: newest.key, generation: newest.generation, index: newest.index, ok: true, report });
    } catch (err) {
      post({ id: newest.id, key: newest.key, generation: newest.generation, index: newest.index, ok: false, error: (err as Error).message });
    }
  }
}

self.onmessage = (e: MessageEvent<AreaReportRequest>) => {
  const m = e.data;
  if (m?.type === 'dataset') {
    datasets.set(m.key, { dataset: { ...m, store: unpackStore(m.store) }, cache: new Map() });
    return;
  }
  if (m?.type === 'drop') {
    datasets.delete(m.key);
    return;
  }
  if (m?.type !== 'report') return;
  queued.push(m);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};
