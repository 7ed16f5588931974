// Main-thread side of the area series: send the snapshot store to the areas worker, get each measure's km² per snapshot.
import { areaSeriesFromStore, type AreaSeries } from '../domain/area-series';
import type { SnapshotStore } from '../domain/snapshot-store';
import type { AreaGeometry, AreaMeasure } from '../domain/types';
import type { AreasRequest, AreasResponse } from '../workers/areas.worker';
import { packStore } from '../workers/store-protocol';
import { createLatestRequests } from './latest-request';

/** What a request resolves to; `stale` when a newer request (another dataset) overtook it. */
export type AreaSeriesAnswer = { stale: false; series: AreaSeries } | { stale: true };

// A fresh worker per request, ended when it answers: the series is needed once per dataset.
const requests = createLatestRequests({
  makeWorker: () => new Worker(new URL('../workers/areas.worker.ts', import.meta.url), { type: 'module' }),
  workers: 'per-request',
  name: 'areas worker',
});

/**
 * Compute the area series in a worker. A newer request for the same `key` (a source id) ends the older one's
 * worker and resolves it `{ stale: true }`; requests of different keys run side by side. Where workers are
 * unavailable (unit tests), it computes on the calling thread. Rejects only if the worker fails.
 */
export function requestAreaSeries(
  store: SnapshotStore,
  measures: readonly AreaMeasure[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
  key = 'primary',
): Promise<AreaSeriesAnswer> {
  requests.overtake(key);
  if (typeof Worker === 'undefined') return Promise.resolve({ stale: false, series: areaSeriesFromStore(store, measures, clipRegions) });
  return requests.request<AreaSeriesAnswer>(key, {
    send(worker, id) {
      const request: AreasRequest = { type: 'area-series', id, store: packStore(store), measures: [...measures], clipRegions: { ...clipRegions } };
      worker.postMessage(request);
    },
    read(data) {
      const r = data as AreasResponse;
      if (r.ok) return { stale: false, series: r.series };
      throw new Error(`areas worker: ${r.error}`);
    },
  });
}
