// "Newest request wins" for the worker clients (diff, area figures, area series, place histories): per key, a new
// request overtakes the one before it, which resolves `{ stale: true }` and whose answer is never delivered.

/** An overtaken request's answer: the normal fate of most requests while a slider is dragged, not an error. */
export type Stale = { stale: true };

/** The part of `Worker` a client uses, so tests can hand in an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Options for {@link createLatestRequests}. */
export interface LatestRequestsOptions {
  /** Starts a worker: once (shared) or for each request (per-request). */
  makeWorker: () => WorkerLike;
  /**
   * `shared`: one worker for every request, kept between them (the diff and area-report workers, which answer
   * many requests a second while the slider moves); an overtaken request's answer is dropped when it comes.
   * `per-request`: a fresh worker for each request, ended when it answers or is overtaken (work done once per
   * dataset, like an area series, where ending the old worker stops work no one waits for).
   */
  workers: 'shared' | 'per-request';
  /** How errors name the worker: `diff worker crashed: …`. */
  name: string;
  /** Told when a shared worker crashed and was ended (it held state, such as datasets, that is now gone). */
  onCrash?: () => void;
}

/** How one request is sent and how its worker's answer is read. */
export interface LatestRequest<A> {
  /** Post the request to `worker` under `id`; the worker answers with a message whose `id` is the same. */
  send(worker: WorkerLike, id: number): void;
  /** The answer, `{ stale: true }`, or a thrown Error (the request then rejects). */
  read(data: { id: number }): A | Stale;
}

export interface LatestRequests {
  /**
   * Start a request under `key`: the one before it under the same key resolves stale now. Resolves to the answer
   * or stale; rejects only when the worker fails or `read` throws.
   */
  request<A>(key: string, how: LatestRequest<A>): Promise<A | Stale>;
  /** Resolve the live request under `key` (if any) stale, as a newer one would. */
  overtake(key: string): void;
  /** Post a message that is not a request (a shared worker's dataset, say), starting the worker if needed. */
  post(message: unknown, transfer?: Transferable[]): void;
  /** Resolve every live request stale and end the workers. */
  dispose(): void;
}

interface Live {
  id: number;
  worker: WorkerLike;
  resolve: (a: unknown) => void;
  reject: (e: Error) => void;
  read: (data: { id: number }) => unknown;
}

export function createLatestRequests(opts: LatestRequestsOptions): LatestRequests {
  const perRequest = opts.workers === 'per-request';
  let shared: WorkerLike | undefined;
  let nextId = 1;
  const live = new Map<string, Live>();

  const end = (key: string, entry: Live): void => {
    if (live.get(key) === entry) live.delete(key);
    if (perRequest) entry.worker.terminate();
  };

  const listen = (worker: WorkerLike): WorkerLike => {
    worker.onmessage = (e: MessageEvent) => {
      const data = e.data as { id: number };
      for (const [key, entry] of live) {
        if (entry.worker !== worker || entry.id !== data.id) continue;
        end(key, entry);
        try {
          entry.resolve(entry.read(data));
        } catch (err) {
          entry.reject(err instanceof Error ? err : new Error(String(err)));
        }
        return;
      }
      // No live request has this id: an overtaken request's answer, dropped, never delivered.
    };
    worker.onerror = (e: ErrorEvent) => {
      for (const [key, entry] of [...live]) {
        if (entry.worker !== worker) continue;
        end(key, entry);
        entry.reject(new Error(`${opts.name} crashed: ${e.message}`));
      }
      if (worker === shared) {
        worker.terminate();
        shared = undefined; // the next request starts a fresh worker
        opts.onCrash?.();
      }
    };
    return worker;
  };

  const workerFor = (): WorkerLike => (perRequest ? listen(opts.makeWorker()) : (shared ??= listen(opts.makeWorker())));

  const overtake = (key: string): void => {
    const entry = live.get(key);
    if (!entry) return;
    end(key, entry);
    entry.resolve({ stale: true });
  };

  return {
    request<A>(key: string, how: LatestRequest<A>): Promise<A | Stale> {
      overtake(key);
      const id = nextId++;
      const worker = workerFor();
      return new Promise<A | Stale>((resolve, reject) => {
        const entry: Live = { id, worker, resolve: resolve as (a: unknown) => void, reject, read: how.read };
        live.set(key, entry);
        try {
          how.send(worker, id);
        } catch (err) {
          end(key, entry);
          throw err;
        }
      });
    },
    overtake,
    post(message, transfer) {
      if (perRequest) throw new Error('createLatestRequests: post() needs a shared worker');
      const worker = workerFor();
      if (transfer) worker.postMessage(message, transfer);
      else worker.postMessage(message);
    },
    dispose() {
      for (const key of [...live.keys()]) overtake(key);
      shared?.terminate();
      shared = undefined;
    },
  };
}
