// Main-thread side of the area figures: one worker per page holds each source's snapshot store and answers
// "the report for snapshot i of source k"; while the slider moves, only the newest request per source is computed.
import type { AreaReport } from '../domain/area';
import type { SnapshotStore } from '../domain/snapshot-store';
import type { AreaGeometry, AreaMeasure } from '../domain/types';
import type { AreaReportRequest, AreaReportResponse } from '../workers/area-report.worker';
import { packStore } from '../workers/store-protocol';
import { createLatestRequests } from './latest-request';

export type AreaReportAnswer = { stale: false; index: number; report: AreaReport } | { stale: true };

/** The generation of each source key's dataset: a report asked for an older one resolves stale. */
const generations = new Map<string, number>();
let nextGeneration = 1;

const requests = createLatestRequests({
  makeWorker: () => new Worker(new URL('../workers/area-report.worker.ts', import.meta.url), { type: 'module' }),
  workers: 'shared',
  name: 'area worker',
  // The datasets went with the worker: reports resolve stale until each source's dataset is handed over again.
  onCrash: () => generations.clear(),
});

/** Hand a source's dataset to the worker under `key`; reports asked for its previous dataset resolve `stale`. */
export function setAreaDataset(
  key: string,
  store: SnapshotStore,
  measures: readonly AreaMeasure[],
  classIds: readonly string[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
  breakdown?: { measureId: string; regions: { name: string; nameUk?: string; geometry: AreaGeometry }[] },
): void {
  const generation = nextGeneration++;
  generations.set(key, generation);
  requests.overtake(key);
  const message: AreaReportRequest = { type: 'dataset', key, generation, store: packStore(store), measures: [...measures], classIds: [...classIds], clipRegions: { ...clipRegions }, ...(breakdown ? { breakdown } : {}) };
  requests.post(message);
}

/** Forget a source's dataset (it left the clock). */
export function dropAreaDataset(key: string): void {
  if (!generations.delete(key)) return;
  requests.overtake(key);
  requests.post({ type: 'drop', key } satisfies AreaReportRequest);
}

/** The area report of snapshot `index` of the source under `key`; a newer request for the same key overtakes it. */
export function requestAreaReport(key: string, index: number): Promise<AreaReportAnswer> {
  const generation = generations.get(key);
  if (generation === undefined) return Promise.resolve({ stale: true });
  return requests.request<AreaReportAnswer>(key, {
    send(worker, id) {
      const message: AreaReportRequest = { type: 'report', key, generation, id, index };
      worker.postMessage(message);
    },
    read(data) {
      const r = data as AreaReportResponse;
      if ('stale' in r || r.generation !== generations.get(r.key)) return { stale: true };
      if (r.ok) return { stale: false, index: r.index, report: r.report };
      throw new Error(`area worker: ${r.error}`);
    },
  });
}
