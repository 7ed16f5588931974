// Main-thread side of place histories: send one source's store and the gazetteer's points to the places worker.
import { placeHistories, type PlacePoint, type SourcePlaceHistory } from '../domain/place-history';
import type { SnapshotStore } from '../domain/snapshot-store';
import type { AreaGeometry, AreaMeasure } from '../domain/types';
import type { PlacesRequest, PlacesResponse } from '../workers/places.worker';
import { packStore } from '../workers/store-protocol';
import { createLatestRequests } from './latest-request';

/** What a request resolves to: the histories and how long the worker took, or `stale` when a newer request overtook it. */
export type PlacesAnswer = { stale: false; history: SourcePlaceHistory; ms: number } | { stale: true };

// A fresh worker per request, ended when it answers: histories are computed once per source and gazetteer.
const requests = createLatestRequests({
  makeWorker: () => new Worker(new URL('../workers/places.worker.ts', import.meta.url), { type: 'module' }),
  workers: 'per-request',
  name: 'places worker',
});

/**
 * Compute every place's history for one source (`key`, e.g. its id) in a fresh worker, ended when it answers. A
 * newer request for the same key ends the older one's worker and resolves it `{ stale: true }`. Without workers
 * (unit tests) it computes on the calling thread. Rejects only if the worker fails.
 */
export function requestPlaceHistories(
  key: string,
  store: SnapshotStore,
  places: readonly PlacePoint[],
  classIds: readonly string[],
  measures: readonly AreaMeasure[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
): Promise<PlacesAnswer> {
  requests.overtake(key);
  if (typeof Worker === 'undefined') {
    const t0 = performance.now();
    const history = placeHistories(store, places, classIds, measures, clipRegions);
    return Promise.resolve({ stale: false, history, ms: performance.now() - t0 });
  }
  return requests.request<PlacesAnswer>(key, {
    send(worker, id) {
      const request: PlacesRequest = {
        type: 'place-histories', id, store: packStore(store), places: [...places], classIds: [...classIds], measures: [...measures], clipRegions: { ...clipRegions },
      };
      worker.postMessage(request);
    },
    read(data) {
      const r = data as PlacesResponse;
      if (r.ok) return { stale: false, history: r.history, ms: r.ms };
      throw new Error(`places worker: ${r.error}`);
    },
  });
}
