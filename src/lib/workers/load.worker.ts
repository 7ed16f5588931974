// Loading worker: decodes, parses and checks dataset files off the main thread, so a large file never
// freezes the tab (JSON.parse of a few MB blocks a thread for hundreds of ms: ../shared/NOTES.md).
import { loadDataset } from '../data/load-dataset';
import type { LoadRequest, LoadResponse } from '../data/load-client';

self.onmessage = (e: MessageEvent<LoadRequest>) => {
  const { id, files, origin } = e.data;
  let response: LoadResponse;
  try {
    const result = loadDataset(files);
    response = result.ok
      ? {
          id,
          ok: true,
          dataset: {
            manifest: result.value.manifest,
            snapshots: result.value.snapshots,
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
  (self as unknown as Worker).postMessage(response);
};
