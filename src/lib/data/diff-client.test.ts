// diff-client: latest request wins, stale answers are never delivered; packing round-trips.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { diffSnapshots } from '../domain/diff';
import type { ControlFeature, Snapshot } from '../domain/types';
import { answerRequest, packDiff, packSnapshot, unpackDiff, unpackSnapshot } from '../workers/diff-protocol';
import type { DiffRequest } from '../workers/diff-protocol';
import { createDiffClient } from './diff-client';
import type { WorkerLike } from './diff-client';

const box = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const snap = (dateIso: string, rings: Position[][]): Snapshot => ({
  dateIso,
  file: `${dateIso}.geojson`,
  features: rings.map((r): ControlFeature => ({ type: 'Feature', properties: { class: 'held', name: 'x' }, geometry: { type: 'Polygon', coordinates: [r] } })),
});
const measures = [{ id: 'held', label: 'Held', classes: ['held'] }];
const a = snap('2024-08-13', [box(35, 51, 35.1, 51.1)]);
const b = snap('2024-09-03', [box(35, 51, 35.2, 51.1)]);
const c = snap('2025-02-04', [box(35, 51, 35.3, 51.1), box(36, 51, 36.1, 51.1)]);

/** An in-process worker that answers every request (stale ones too) after a delay, in order. */
function fakeWorker(): WorkerLike & { seen: number[] } {
  const w: WorkerLike & { seen: number[] } = {
    seen: [],
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const req = message as DiffRequest;
      w.seen.push(req.id);
      setTimeout(() => void answerRequest(req).then(({ response }) => w.onmessage?.({ data: response } as MessageEvent)), 5);
    },
    terminate() {},
  };
  return w;
}

describe('createDiffClient', () => {
  it('resolves earlier requests as stale and delivers only the latest pair', async () => {
    const worker = fakeWorker();
    const client = createDiffClient(() => worker);
    const first = client.requestDiff(a, b, measures, {});
    const second = client.requestDiff(a, c, measures, {});
    expect(await first).toEqual({ stale: true });
    const answer = await second;
    expect(answer.stale).toBe(false);
    if (!answer.stale) {
      expect(answer.diff.toDateIso).toBe('2025-02-04');
      expect(answer.diff).toEqual(diffSnapshots(a, c, measures, {}));
    }
    expect(worker.seen).toEqual([1, 2]);
    client.dispose();
  });

  it('rejects when the worker fails, and resolves pending requests as stale on dispose', async () => {
    const broken: WorkerLike = { onmessage: null, onerror: null, postMessage() { setTimeout(() => broken.onerror?.({ message: 'boom' } as ErrorEvent), 1); }, terminate() {} };
    const client = createDiffClient(() => broken);
    await expect(client.requestDiff(a, b, measures, {})).rejects.toThrow('diff worker crashed: boom');
    const pending = createDiffClient(() => fakeWorker());
    const p = pending.requestDiff(a, b, measures, {});
    pending.dispose();
    expect(await p).toEqual({ stale: true });
  });
});

describe('diff-protocol packing', () => {
  it('round-trips snapshots (Polygon and MultiPolygon) and diffs', () => {
    const multi: Snapshot = { ...c, features: [...c.features, { type: 'Feature', properties: { class: 'grey' }, geometry: { type: 'MultiPolygon', coordinates: [[box(37, 51, 37.1, 51.1)], [box(38, 51, 38.1, 51.1), box(38.02, 51.02, 38.05, 51.05).reverse()]] } }] };
    expect(unpackSnapshot(packSnapshot(multi))).toEqual(multi);
    const d = diffSnapshots(a, c, measures, {});
    expect(unpackDiff(packDiff(d))).toEqual(d);
    expect(unpackSnapshot(packSnapshot(snap('2024-01-01', [])))).toEqual(snap('2024-01-01', []));
  });
});
