// Main-thread side of compare mode: send two snapshots to the diff worker, get the diff back; latest request wins.
import type { SnapshotDiff } from '../domain/diff';
import type { AreaGeometry, AreaMeasure, Snapshot } from '../domain/types';
import { packRequest, unpackDiff } from '../workers/diff-protocol';
import type { DiffResponse } from '../workers/diff-protocol';

/**
 * What a request resolves to. A request overtaken by a newer one resolves `{ stale: true }` instead of
 * rejecting: being overtaken is the normal fate of most requests while a slider is dragged, not an error,
 * and a resolved value needs no `catch` at every call site (nor shows up as an unhandled rejection). A stale
 * answer is never delivered: the caller of an older pair can only ever see `stale`.
 */
export type DiffAnswer = { stale: false; diff: SnapshotDiff } | { stale: true };

/** The part of `Worker` the client uses, so tests can hand in an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface DiffClient {
  /**
   * Diff `from` → `to` in the worker. Resolves `{ stale: true }` as soon as a newer request is made; rejects
   * only if the worker itself fails (it does not throw on bad geometry: those come back as `diff.issues`).
   */
  requestDiff(from: Snapshot, to: Snapshot, measures: readonly AreaMeasure[], clipRegions: Readonly<Record<string, AreaGeometry>>): Promise<DiffAnswer>;
  dispose(): void;
}

const defaultWorker = (): WorkerLike => new Worker(new URL('../workers/diff.worker.ts', import.meta.url), { type: 'module' });

export function createDiffClient(makeWorker: () => WorkerLike = defaultWorker): DiffClient {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  /** At most one request is live: the newest. Its id and settlers. */
  let live: { id: number; resolve: (a: DiffAnswer) => void; reject: (e: Error) => void } | undefined;

  const getWorker = (): WorkerLike => {
    if (!worker) {
      worker = makeWorker();
      worker.onmessage = (e: MessageEvent<DiffResponse>) => {
        const r = e.data;
        if (!live || r.id !== live.id) return; // an answer for an overtaken pair: dropped, never delivered
        const { resolve, reject } = live;
        live = undefined;
        if ('stale' in r) resolve({ stale: true });
        else if (r.ok) resolve({ stale: false, diff: unpackDiff(r.diff) });
        else reject(new Error(`diff worker: ${r.error}`));
      };
      worker.onerror = (e: ErrorEvent) => {
        live?.reject(new Error(`diff worker crashed: ${e.message}`));
        live = undefined;
        worker?.terminate();
        worker = undefined; // the next request starts a fresh worker
      };
    }
    return worker;
  };

  return {
    requestDiff(from, to, measures, clipRegions) {
      const id = nextId++;
      live?.resolve({ stale: true });
      return new Promise<DiffAnswer>((resolve, reject) => {
        live = { id, resolve, reject };
        const { request, transfer } = packRequest(id, from, to, measures, clipRegions);
        getWorker().postMessage(request, transfer);
      });
    },
    dispose() {
      live?.resolve({ stale: true });
      live = undefined;
      worker?.terminate();
      worker = undefined;
    },
  };
}

let shared: DiffClient | undefined;

/** `createDiffClient().requestDiff` on one shared worker: the app has one compare panel, so one latest request. */
export function requestDiff(...args: Parameters<DiffClient['requestDiff']>): Promise<DiffAnswer> {
  shared ??= createDiffClient();
  return shared.requestDiff(...args);
}
