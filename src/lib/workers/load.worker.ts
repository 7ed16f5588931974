// Loading worker: decodes, parses and checks dataset files off the main thread, so a large file never
// freezes the tab (JSON.parse of 200 snapshots of 3k vertices each blocks a thread for about 300 ms).
import { loadAnyDataset } from '../data/load-any';
import { isDataFileName } from '../data/convert/formats';
import { buildSnapshotStore } from '../domain/snapshot-store';
import { buildGazetteer } from '../domain/gazetteer';
import type { LoadRequest, LoadResponse, LoadWorkerMessage, SurveyRequest } from '../data/load-client';

const post = (m: LoadWorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<LoadRequest | SurveyRequest>) => {
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
  const { id, files, origin } = e.data;
  const total = files.filter((f) => isDataFileName(f.path)).length;
  let response: LoadResponse;
  try {
    post({ id, progress: { parsed: 0, total } });
    let parsed = 0;
    // Files that are not GeoJSON are converted first (each converter loaded only when needed), then checked alike.
    const result = await loadAnyDataset(files, { onFileDecoded: () => post({ id, progress: { parsed: Math.min(++parsed, total), total } }) });
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
