// Main-thread side of the area figures: one worker per page holds each source's snapshot store and answers
// "the report for snapshot i of source k"; while the slider moves, only the newest request per source is computed.
import type { AreaReport } from '../domain/area';
import type { SnapshotStore } from '../domain/snapshot-store';
import type { AreaGeometry, AreaMeasure } from '../domain/types';
import type { AreaReportRequest, AreaReportResponse } from '../workers/area-report.worker';
import { packStore } from '../workers/store-protocol';

export type AreaReportAnswer = { stale: false; index: number; report: AreaReport } | { stale: true };

let worker: Worker | undefined;
/** The generation of each source key's dataset: a report asked for an older one resolves stale. */
const generations = new Map<string, number>();
let nextGeneration = 1;
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
      if ('stale' in r || r.generation !== generations.get(r.key)) p.resolve({ stale: true });
      else if (r.ok) p.resolve({ stale: false, index: r.index, report: r.report });
      else p.reject(new Error(`area worker: ${r.error}`));
    };
    worker.onerror = (e: ErrorEvent) => {
      for (const p of pending.values()) p.reject(new Error(`area worker crashed: ${e.message}`));
      pending.clear();
      worker?.terminate();
      worker = undefined;
      generations.clear();
    };
  }
  return worker;
}

/** Hand a source's dataset to the worker under `key`; reports asked for its previous dataset resolve `stale`. */
export function setAreaDataset(
  key: string,
  store: SnapshotStore,
  measures: readonly AreaMeasure[],
  classIds: readonly string[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
): void {
  const generation = nextGeneration++;
  generations.set(key, generation);
  const message: AreaReportRequest = { type: 'dataset', key, generation, store: packStore(store), measures: [...measures], classIds: [...classIds], clipRegions: { ...clipRegions } };
  getWorker().postMessage(message);
}

/** Forget a source's dataset (it left the clock). */
export function dropAreaDataset(key: string): void {
  if (!generations.delete(key) || !worker) return;
  worker.postMessage({ type: 'drop', key } satisfies AreaReportRequest);
}

/** The area report of snapshot `index` of the source under `key`. */
export function requestAreaReport(key: string, index: number): Promise<AreaReportAnswer> {
  const generation = generations.get(key);
  if (generation === undefined) return Promise.resolve({ stale: true });
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const message: AreaReportRequest = { type: 'report', key, generation, id, index };
    getWorker().postMessage(message);
  });
}
