// Main-thread side of loading: fetch or read the files, hand them to the loading worker, get a dataset back.
import type { Issue } from '../domain/types';
import type { LoadedDataset } from '../state/app-state.svelte';
import { DEFAULT_DATASET_FILES } from './default-dataset';
import { fetchFiles, type FetchedFile } from './fetch-files';

export interface LoadRequest {
  id: number;
  files: FetchedFile[];
  origin: string;
}

export type LoadResponse =
  | { id: number; ok: true; dataset: LoadedDataset; issues: Issue[] }
  | { id: number; ok: false; issues: Issue[] };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (r: LoadResponse) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../workers/load.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<LoadResponse>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
  }
  return worker;
}

/** Check and load files in the worker. The bytes are transferred, not copied. */
export function loadFiles(files: FetchedFile[], origin: string): Promise<LoadResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const request: LoadRequest = { id, files, origin };
    getWorker().postMessage(request, files.map((f) => f.bytes.buffer as ArrayBuffer));
  });
}

/** Load the built-in dataset: fetch its files (progress reported in words), check them in the worker. */
export async function loadDefaultDataset(
  onProgress: (text: string) => void,
): Promise<{ dataset: LoadedDataset | null; issues: Issue[] }> {
  const fetched = await fetchFiles(DEFAULT_DATASET_FILES, (done, total) => onProgress(`Loading the dataset… ${done} of ${total} files`));
  onProgress('Checking the dataset…');
  const r = await loadFiles(fetched.files, 'the built-in dataset (geodata/kursk)');
  return r.ok ? { dataset: r.dataset, issues: [...fetched.issues, ...r.issues] } : { dataset: null, issues: [...fetched.issues, ...r.issues] };
}
