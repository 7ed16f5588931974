// Main-thread side of the area series: send the snapshot store to the areas worker, get each measure's km² per snapshot.
import { areaSeriesFromStore, type AreaSeries } from '../domain/area-series';
import type { SnapshotStore } from '../domain/snapshot-store';
import { packStore } from '../workers/store-protocol';
import type { AreaGeometry, AreaMeasure } from '../domain/types';
import type { AreasRequest, AreasResponse } from '../workers/areas.worker';

/** What a request resolves to; `stale` when a newer request (another dataset) overtook it. */
export type AreaSeriesAnswer = { stale: false; series: AreaSeries } | { stale: true };

let nextId = 1;
/** The request in flight per key (a source id): a newer one for the same key overtakes it. */
const liveByKey = new Map<string, { id: number; worker: Worker; resolve: (a: AreaSeriesAnswer) => void }>();

/**
 * Compute the area series in a worker (a fresh one per request, ended when it answers: the series is needed
 * once per dataset). A newer request ends the older one's worker and resolves it `{ stale: true }`. Where
 * workers are unavailable (unit tests), it computes on the calling thread. Requests of different `key`s (sources)
 * run side by side. Rejects only if the worker fails.
 */
export function requestAreaSeries(
  store: SnapshotStore,
  measures: readonly AreaMeasure[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
  key = 'primary',
): Promise<AreaSeriesAnswer> {
  const live = liveByKey.get(key);
  if (live) {
    live.worker.terminate();
    live.resolve({ stale: true });
    liveByKey.delete(key);
  }
  if (typeof Worker === 'undefined') return Promise.resolve({ stale: false, series: areaSeriesFromStore(store, measures, clipRegions) });
  const id = nextId++;
  const worker = new Worker(new URL('../workers/areas.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<AreaSeriesAnswer>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      if (liveByKey.get(key)?.id === id) liveByKey.delete(key);
    };
    liveByKey.set(key, { id, worker, resolve });
    worker.onmessage = (e: MessageEvent<AreasResponse>) => {
      if (e.data.id !== id) return;
      done();
      if (e.data.ok) resolve({ stale: false, series: e.data.series });
      else reject(new Error(`areas worker: ${e.data.error}`));
    };
    worker.onerror = (e: ErrorEvent) => {
      done();
      reject(new Error(`areas worker crashed: ${e.message}`));
    };
    const request: AreasRequest = { type: 'area-series', id, store: packStore(store), measures: [...measures], clipRegions: { ...clipRegions } };
    worker.postMessage(request);
  });
}
