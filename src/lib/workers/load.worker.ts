// Loading worker: decodes, parses and checks dataset files off the main thread, so a large file never
// freezes the tab (JSON.parse of a few MB blocks a thread for hundreds of ms: ../shared/NOTES.md).
import { loadDataset } from '../data/load-dataset';
import type { LoadRequest, LoadResponse, LoadWorkerMessage } from '../data/load-client';

const post = (m: LoadWorkerMessage) => (self as unknown as Worker).postMessage(m);

/**
 * Count files parsed while `run` runs, for the progress line. loadDataset has no progress hook, and it parses
 * each JSON file exactly once (decode.ts, the only JSON.parse on this path), so counting JSON.parse calls in
 * this worker counts files. Restored afterwards. An `onProgress` option on loadDataset would replace this.
 */
function withParseProgress<T>(total: number, onParsed: (parsed: number) => void, run: () => T): T {
  const parse = JSON.parse;
  let parsed = 0;
  JSON.parse = function countingParse(this: unknown, text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) {
    try {
      return parse.call(JSON, text, reviver) as unknown;
    } finally {
      parsed++;
      onParsed(Math.min(parsed, total));
    }
  } as typeof JSON.parse;
  try {
    return run();
  } finally {
    JSON.parse = parse;
  }
}

self.onmessage = (e: MessageEvent<LoadRequest>) => {
  const { id, files, origin } = e.data;
  const total = files.filter((f) => /\.(geo)?json$/i.test(f.path)).length;
  let response: LoadResponse;
  try {
    post({ id, progress: { parsed: 0, total } });
    const result = withParseProgress(total, (parsed) => post({ id, progress: { parsed, total } }), () => loadDataset(files));
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
  post(response);
};
