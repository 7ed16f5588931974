// Main-thread side of the area figures: one worker per page holds the dataset's snapshot store and answers
// "the report for snapshot i"; while the slider moves, only the newest request is computed.
import type { AreaReport } from '../domain/area';
import type { SnapshotStore } from '../domain/snapshot-store';
import type { AreaGeometry, AreaMeasure } from '../domain/types';
import type { AreaReportRequest, AreaReportResponse } from '../workers/area-report.worker';

export type AreaReportAnswer = { stale: false; index: number; report: AreaReport } | { stale: true };

let worker: Worker | undefined;
let generation = 0;
let nextId = 1;
const pending = new Map<number, { resolve: (a: AreaReportAnswer) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../workers/area-report.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<AreaReportResponse>) => {
      const r = e.data;
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if ('stale' in r || r.generation !== generation) p.resolve({ stale: true });
      else if (r.ok) p.resolve({ stale: false, index: r.index, report: r.report });
      else p.reject(new Error(`area worker: ${r.error}`));
    };
    worker.onerror = (e: ErrorEvent) => {
      for (const p of pending.values()) p.reject(new Error(`area worker crashed: ${e.message}`));
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

/** Hand a new dataset to the worker; reports asked for the previous one resolve `stale`. */
export function setAreaDataset(
  store: SnapshotStore,
  measures: readonly AreaMeasure[],
  classIds: readonly string[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
  breakdown?: { measureId: string; regions: { name: string; nameUk?: string; geometry: AreaGeometry }[] },
): void {
  generation++;
  const message: AreaReportRequest = { type: 'dataset', generation, store, measures: [...measures], classIds: [...classIds], clipRegions: { ...clipRegions }, ...(breakdown ? { breakdown } : {}) };
  getWorker().postMessage(message);
}

/** The area report of snapshot `index` of the current dataset. */
export function requestAreaReport(index: number): Promise<AreaReportAnswer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const message: AreaReportRequest = { type: 'report', generation, id, index };
    getWorker().postMessage(message);
  });
}
