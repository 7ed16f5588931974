// Diff worker: computes compare-mode diffs off the main thread (a whole-front diff takes 50–150 ms, over the
// 50 ms long-task budget), newest request first: older requests still queued are answered `stale` unrun.
import { answerRequest } from './diff-protocol';
import type { DiffRequest, DiffResponse } from './diff-protocol';

const post = (response: DiffResponse, transfer: ArrayBuffer[] = []): void => (self as unknown as Worker).postMessage(response, transfer);

let queued: DiffRequest[] = [];
let scheduled = false;

/**
 * Requests that arrive while a diff runs queue up as message events; collecting them and deciding in a later
 * task lets a burst of slider moves collapse to the last one instead of running every stale pair in turn.
 */
async function drain(): Promise<void> {
  scheduled = false;
  if (queued.length === 0) return;
  const newest = queued.reduce((a, b) => (b.id > a.id ? b : a));
  for (const r of queued) if (r !== newest) post({ id: r.id, stale: true });
  queued = [];
  const { response, transfer } = await answerRequest(newest);
  post(response, transfer);
}

self.onmessage = (e: MessageEvent<DiffRequest>) => {
  if (e.data?.type !== 'diff') return;
  queued.push(e.data);
  if (!scheduled) {
    scheduled = true;
    setTimeout(() => void drain(), 0);
  }
};
