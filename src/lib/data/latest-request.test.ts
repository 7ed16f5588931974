// latest-request: per key, the newest request wins; overtaken answers are never delivered; crashes reject.
import { describe, expect, it } from 'vitest';
import { createLatestRequests, type LatestRequest, type WorkerLike } from './latest-request';

/** An in-process worker that echoes `{ id, value }` after `ms`, and records what it was sent and whether it was ended. */
function echoWorker(ms = 2): WorkerLike & { sent: unknown[]; ended: boolean; crash(message: string): void } {
  const w: WorkerLike & { sent: unknown[]; ended: boolean; crash(message: string): void } = {
    sent: [],
    ended: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      w.sent.push(message);
      const m = message as { id?: number; value?: unknown };
      if (m.id !== undefined) setTimeout(() => w.onmessage?.({ data: { id: m.id, value: m.value } } as MessageEvent), ms);
    },
    terminate() {
      w.ended = true;
    },
    crash(message) {
      w.onerror?.({ message } as ErrorEvent);
    },
  };
  return w;
}

type Echo = { stale: false; value: unknown };
const echo = (value: unknown): LatestRequest<Echo> => ({
  send: (worker, id) => worker.postMessage({ id, value }),
  read: (data) => ({ stale: false, value: (data as { id: number; value?: unknown }).value }),
});

describe('createLatestRequests', () => {
  it('shared: a newer request under a key resolves the older stale at once; other keys are left alone', async () => {
    const worker = echoWorker();
    const r = createLatestRequests({ makeWorker: () => worker, workers: 'shared', name: 'test worker' });
    const first = r.request('a', echo(1));
    const second = r.request('a', echo(2));
    const other = r.request('b', echo(3));
    expect(await first).toEqual({ stale: true });
    expect(await second).toEqual({ stale: false, value: 2 });
    expect(await other).toEqual({ stale: false, value: 3 });
    // The overtaken request still reached the worker; its answer was dropped, and the worker was kept.
    expect(worker.sent).toHaveLength(3);
    expect(worker.ended).toBe(false);
  });

  it('per-request: a fresh worker each time, ended when it answers or is overtaken', async () => {
    const made: ReturnType<typeof echoWorker>[] = [];
    const r = createLatestRequests({ makeWorker: () => { const w = echoWorker(); made.push(w); return w; }, workers: 'per-request', name: 'test worker' });
    const first = r.request('a', echo(1));
    expect(made[0]!.ended).toBe(false);
    const second = r.request('a', echo(2));
    expect(made[0]!.ended).toBe(true);
    expect(await first).toEqual({ stale: true });
    expect(await second).toEqual({ stale: false, value: 2 });
    expect(made).toHaveLength(2);
    expect(made[1]!.ended).toBe(true);
    expect(() => r.post({})).toThrow(/shared worker/);
  });

  it('read may say stale or throw; a throw rejects', async () => {
    const r = createLatestRequests({ makeWorker: () => echoWorker(), workers: 'shared', name: 'test worker' });
    expect(await r.request('a', { send: (w, id) => w.postMessage({ id }), read: () => ({ stale: true }) })).toEqual({ stale: true });
    await expect(r.request('a', { send: (w, id) => w.postMessage({ id }), read: () => { throw new Error('test worker: bad input'); } })).rejects.toThrow('test worker: bad input');
  });

  it('a crash rejects the live requests, ends a shared worker (onCrash told) and the next request starts a fresh one', async () => {
    const made: ReturnType<typeof echoWorker>[] = [];
    let crashes = 0;
    const r = createLatestRequests({ makeWorker: () => { const w = echoWorker(50); made.push(w); return w; }, workers: 'shared', name: 'test worker', onCrash: () => crashes++ });
    const a = r.request('a', echo(1));
    const b = r.request('b', echo(2));
    made[0]!.crash('boom');
    await expect(a).rejects.toThrow('test worker crashed: boom');
    await expect(b).rejects.toThrow('test worker crashed: boom');
    expect(made[0]!.ended).toBe(true);
    expect(crashes).toBe(1);
    r.post({ type: 'dataset' });
    expect(made).toHaveLength(2);
    expect(made[1]!.sent).toEqual([{ type: 'dataset' }]);
  });

  it('overtake and dispose resolve live requests stale; a send that throws rejects and leaves nothing live', async () => {
    const worker = echoWorker(50);
    const r = createLatestRequests({ makeWorker: () => worker, workers: 'shared', name: 'test worker' });
    const a = r.request('a', echo(1));
    r.overtake('a');
    expect(await a).toEqual({ stale: true });
    await expect(r.request('a', { send: () => { throw new Error('cannot pack'); }, read: () => ({ stale: true }) })).rejects.toThrow('cannot pack');
    const b = r.request('b', echo(2));
    r.dispose();
    expect(await b).toEqual({ stale: true });
    expect(worker.ended).toBe(true);
  });
});
