// Loading worker: decodes, parses and checks dataset files off the main thread, so a large file never
// freezes the tab (JSON.parse of 200 snapshots of 3k vertices each blocks a thread for about 300 ms).
import { loadDataset } from '../data/load-dataset';
import { buildSnapshotStore } from '../domain/snapshot-store';
import type { LoadRequest, LoadResponse, LoadWorkerMessage } from '../data/load-client';

const post = (m: LoadWorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<LoadRequest>) => {
  const { id, files, origin } = e.data;
  const total = files.filter((f) => /\.(geo)?json$/i.test(f.path)).length;
  let response: LoadResponse;
  try {
    post({ id, progress: { parsed: 0, total } });
    let parsed = 0;
    const result = loadDataset(files, { onFileDecoded: () => post({ id, progress: { parsed: Math.min(++parsed, total), total } }) });
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
