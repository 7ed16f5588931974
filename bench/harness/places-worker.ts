// A fresh Node worker thread doing what the app's places worker does for one request (src/lib/workers/places.worker.ts):
// unpack the store it is sent, work out every place's history and the counts, and say how long that took. The
// app starts a fresh worker per request, so its figure is a cold one (no JIT warm-up): this is the bench's analogue.
import { parentPort, workerData } from 'node:worker_threads';
import { placeHistories, type PlacePoint } from '../../src/lib/domain/place-history';
import { unpackStore, type PackedStore } from '../../src/lib/workers/store-protocol';
import type { AreaGeometry, AreaMeasure } from '../../src/lib/domain/types';

const r = workerData as { store: PackedStore; places: PlacePoint[]; classIds: string[]; measures: AreaMeasure[]; clipRegions: Record<string, AreaGeometry> };
const t0 = performance.now();
const history = placeHistories(unpackStore(r.store), r.places, r.classIds, r.measures, r.clipRegions);
parentPort!.postMessage({ ms: performance.now() - t0, places: history.runsByPlace.length });
