// Areas worker: computes the area series (every snapshot × each claim measure: union + clip, ~1.5 s) off the main thread.
import { areaSeriesFromStore, type AreaSeries } from '../domain/area-series';
import { unpackStore, type PackedStore } from './store-protocol';
import type { AreaGeometry, AreaMeasure } from '../domain/types';

/** One request: the snapshot store (each distinct polygon once), the measures and their clip regions. */
export interface AreasRequest {
  type: 'area-series';
  id: number;
  store: PackedStore;
  measures: AreaMeasure[];
  clipRegions: Record<string, AreaGeometry>;
}

export type AreasResponse = { id: number; ok: true; series: AreaSeries } | { id: number; ok: false; error: string };

self.onmessage = (e: MessageEvent<AreasRequest>) => {
  const r = e.data;
  if (r?.type !== 'area-series') return;
  let response: AreasResponse;
  try {
    response = { id: r.id, ok: true, series: areaSeriesFromStore(unpackStore(r.store), r.measures, r.clipRegions) };
  } catch (err) {
    response = { id: r.id, ok: false, error: (err as Error).message };
  }
  (self as unknown as Worker).postMessage(response);
};
