// Main-thread side of place histories: send one source's store and the gazetteer's points to the places worker.
import { placeHistories, type PlacePoint, type SourcePlaceHistory } from '../domain/place-history';
import type { SnapshotStore } from '../domain/snapshot-store';
import { packStore } from '../workers/store-protocol';
import type { AreaGeometry, AreaMeasure } from '../domain/types';
import type { PlacesRequest, PlacesResponse } from '../workers/places.worker';

/** What a request resolves to: the histories and how long the worker took, or `stale` when a newer request overtook it. */
export type PlacesAnswer = { stale: false; history: SourcePlaceHistory; ms: number } | { stale: true };

let nextId = 1;
const live = new Map<string, { worker: Worker; resolve: (a: PlacesAnswer) => void }>();

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
  const old = live.get(key);
  if (old) {
    old.worker.terminate();
    old.resolve({ stale: true });
    live.delete(key);
  }
  if (typeof Worker === 'undefined') {
    const t0 = performance.now();
    const history = placeHistories(store, places, classIds, measures, clipRegions);
    return Promise.resolve({ stale: false, history, ms: performance.now() - t0 });
  }
  const id = nextId++;
  const worker = new Worker(new URL('../workers/places.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<PlacesAnswer>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      if (live.get(key)?.worker === worker) live.delete(key);
    };
    live.set(key, { worker, resolve });
    worker.onmessage = (e: MessageEvent<PlacesResponse>) => {
      if (e.data.id !== id) return;
      done();
      if (e.data.ok) resolve({ stale: false, history: e.data.history, ms: e.data.ms });
      else reject(new Error(`places worker: ${e.data.error}`));
    };
    worker.onerror = (e: ErrorEvent) => {
      done();
      reject(new Error(`places worker crashed: ${e.message}`));
    };
    const request: PlacesRequest = {
      type: 'place-histories', id, store: packStore(store), places: [...places], classIds: [...classIds], measures: [...measures], clipRegions: { ...clipRegions },
    };
    worker.postMessage(request);
  });
}
