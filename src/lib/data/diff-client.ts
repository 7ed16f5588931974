// Main-thread side of compare mode: send two snapshots to the diff worker, get the diff back; latest request wins.
import type { SnapshotDiff } from '../domain/diff';
import type { AreaGeometry, AreaMeasure, Snapshot } from '../domain/types';
import { packRequest, unpackDiff } from '../workers/diff-protocol';
import type { DiffResponse } from '../workers/diff-protocol';
import { createLatestRequests, type WorkerLike } from './latest-request';

export type { WorkerLike } from './latest-request';

/**
 * What a request resolves to. A request overtaken by a newer one resolves `{ stale: true }` instead of
 * rejecting: being overtaken is the normal fate of most requests while a slider is dragged, not an error,
 * and a resolved value needs no `catch` at every call site (nor shows up as an unhandled rejection). A stale
 * answer is never delivered: the caller of an older pair can only ever see `stale`.
 */
export type DiffAnswer = { stale: false; diff: SnapshotDiff } | { stale: true };

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
  // At most one request is live, the newest: one key.
  const requests = createLatestRequests({ makeWorker, workers: 'shared', name: 'diff worker' });
  return {
    requestDiff(from, to, measures, clipRegions) {
      return requests.request<DiffAnswer>('diff', {
        send(worker, id) {
          const { request, transfer } = packRequest(id, from, to, measures, clipRegions);
          worker.postMessage(request, transfer);
        },
        read(data) {
          const r = data as DiffResponse;
          if ('stale' in r) return { stale: true };
          if (r.ok) return { stale: false, diff: unpackDiff(r.diff) };
          throw new Error(`diff worker: ${r.error}`);
        },
      });
    },
    dispose: () => requests.dispose(),
  };
}

let shared: DiffClient | undefined;

/** `createDiffClient().requestDiff` on one shared worker: the app has one compare panel, so one latest request. */
export function requestDiff(...args: Parameters<DiffClient['requestDiff']>): Promise<DiffAnswer> {
  shared ??= createDiffClient();
  return shared.requestDiff(...args);
}
