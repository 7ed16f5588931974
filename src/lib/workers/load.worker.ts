// Loading worker: decodes, parses and checks dataset files off the main thread, so a large file never
// freezes the tab (JSON.parse of 200 snapshots of 3k vertices each blocks a thread for about 300 ms).
import { loadAnyDataset } from '../data/load-any';
import { isDataFileName } from '../data/convert/formats';
import { buildSnapshotStore } from '../domain/snapshot-store';
import { buildGazetteer } from '../domain/gazetteer';
import { trustedValidity } from '../data/validity-record';
import type { DeferredRequest, LoadRequest, LoadResponse, LoadWorkerMessage, SurveyRequest } from '../data/load-client';
import { loadDeferredFiles } from '../data/load-dataset';

const post = (m: LoadWorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<LoadRequest | SurveyRequest | DeferredRequest>) => {
  if ('deferredFor' in e.data) {
    const { id, files, deferredFor, builtin } = e.data;
    try {
      const trust = builtin ? await trustedValidity(files) : undefined;
      const d = loadDeferredFiles(deferredFor, files, trust ? { trustedValidity: trust.trusted } : {});
      post({
        id,
        deferred: {
          clipRegions: Object.fromEntries(Object.entries(d.clipRegions).map(([k, f]) => [k, f.geometry])),
          ...(d.regions ? { regions: d.regions } : {}),
          ...(d.places ? { gazetteer: buildGazetteer(d.places, d.placesCoverage ?? null) } : {}),
          ...(d.placeClaims ? { placeClaims: d.placeClaims } : {}),
          droppedMeasures: d.droppedMeasures,
          issues: [...(trust?.issues ?? []), ...d.issues],
        },
      });
    } catch (err) {
      post({ id, deferred: { clipRegions: {}, droppedMeasures: [], issues: [{ file: '(clip regions)', severity: 'error', reason: `internal error while loading: ${(err as Error).message}` }] } });
    }
    return;
  }
  if ('survey' in e.data) {
    const { id, files } = e.data;
    try {
      // Loaded on the first survey only: loading data never needs it (it brings the area code along).
      const { surveyFiles } = await import('../data/survey-files');
      post({ id, survey: await surveyFiles(files) });
    } catch (err) {
      post({ id, survey: null, issues: [{ file: '(your files)', severity: 'error', reason: `internal error while looking at the files: ${(err as Error).message}` }] });
    }
    return;
  }
  const { id, files, origin, builtin, deferred } = e.data;
  const total = files.filter((f) => isDataFileName(f.path)).length;
  let response: LoadResponse;
  try {
    post({ id, progress: { parsed: 0, total } });
    let parsed = 0;
    // Files that are not GeoJSON are converted first (each converter loaded only when needed), then checked alike.
    // A shipped dataset's validity record, where its sha256s hold, spares the JTS step (8 s for the whole front).
    const trust = builtin ? await trustedValidity(files) : undefined;
    const loaded = await loadAnyDataset(files, {
      onFileDecoded: () => post({ id, progress: { parsed: Math.min(++parsed, total), total } }),
      ...(trust ? { trustedValidity: trust.trusted } : {}),
      ...(deferred ? { deferred: new Set(deferred) } : {}),
    });
    const result = trust && trust.issues.length > 0 ? { ...loaded, issues: [...trust.issues, ...loaded.issues] } : loaded;
    response = result.ok
      ? {
          id,
          ok: true,
          dataset: {
            manifest: result.value.manifest,
            // The store (each distinct polygon once, with its run of dates) is built here, not on the main thread:
            // its keys serialise every feature, which for a 40 MB dataset is a long task.
            store: buildSnapshotStore(result.value.snapshots),
            clipRegions: Object.fromEntries(Object.entries(result.value.clipRegions).map(([k, f]) => [k, f.geometry])),
            claims: result.value.claims ?? [],
            ...(result.value.places ? { gazetteer: buildGazetteer(result.value.places, result.value.placesCoverage ?? null) } : {}),
            ...(result.value.placeClaims ? { placeClaims: result.value.placeClaims } : {}),
            origin,
            manifestInferred: result.value.manifestInferred,
            ...(result.value.regions ? { regions: result.value.regions } : {}),
            ...(result.value.pending ? { pending: result.value.pending } : {}),
          },
          issues: result.issues,
        }
      : { id, ok: false, issues: result.issues };
  } catch (err) {
    // loadDataset never throws on bad data; reaching here is a bug, reported rather than left silent.
    response = { id, ok: false, issues: [{ file: origin, severity: 'error', reason: `internal error while loading: ${(err as Error).message}` }] };
  }
  post(response);
};
