// Places worker: every place's control history and the settlement counts of one source, off the main thread
// (one point-in-polygon test per place per distinct geometry: ~0.1 s for Kursk, more for the whole front).
import { placeHistories, type PlacePoint, type SourcePlaceHistory } from '../domain/place-history';
import { unpackStore, type PackedStore } from './store-protocol';
import type { AreaGeometry, AreaMeasure } from '../domain/types';

export interface PlacesRequest {
  type: 'place-histories';
  id: number;
  store: PackedStore;
  places: PlacePoint[];
  classIds: string[];
  measures: AreaMeasure[];
  clipRegions: Record<string, AreaGeometry>;
}

export type PlacesResponse = { id: number; ok: true; history: SourcePlaceHistory; ms: number } | { id: number; ok: false; error: string };

self.onmessage = (e: MessageEvent<PlacesRequest>) => {
  const r = e.data;
  if (r?.type !== 'place-histories') return;
  let response: PlacesResponse;
  try {
    const t0 = performance.now();
    const history = placeHistories(unpackStore(r.store), r.places, r.classIds, r.measures, r.clipRegions);
    response = { id: r.id, ok: true, history, ms: performance.now() - t0 };
  } catch (err) {
    response = { id: r.id, ok: false, error: (err as Error).message };
  }
  (self as unknown as Worker).postMessage(response);
};
