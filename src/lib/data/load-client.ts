// Main-thread side of loading: fetch or read the files, hand them to the loading worker, get a dataset back.
import type { Issue } from '../domain/types';
import { translateEn, type Translate } from '../i18n/catalogue';
import type { LoadedDataset } from '../domain/dataset';
import { fetchBuiltinFolder } from './default-dataset';
import type { FetchedFile } from './fetch-files';
import type { SurveyResult } from './survey-files';

export interface LoadRequest {
  id: number;
  files: FetchedFile[];
  origin: string;
}

export type LoadResponse =
  | { id: number; ok: true; dataset: LoadedDataset; issues: Issue[] }
  | { id: number; ok: false; issues: Issue[] };

/** Ask the worker to convert and survey files for the class-mapping step (survey-files.ts). */
export interface SurveyRequest {
  id: number;
  survey: true;
  files: FetchedFile[];
}

export type SurveyResponse = { id: number; survey: SurveyResult; issues?: undefined } | { id: number; survey: null; issues: Issue[] };

/** How far the worker is: JSON files parsed so far, of those it was given. */
export interface LoadProgress {
  parsed: number;
  total: number;
}

/** What the worker posts: progress messages while it works, then one response per request. */
export type LoadWorkerMessage = LoadResponse | SurveyResponse | { id: number; progress: LoadProgress };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LoadResponse) => void; onProgress: ((p: LoadProgress) => void) | undefined; origin: string }>();
const pendingSurveys = new Map<number, (r: SurveyResponse) => void>();

function getWorker(): Worker {
  if (!worker) {
    const w = new Worker(new URL('../workers/load.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<LoadWorkerMessage>) => {
      if ('survey' in e.data) {
        const done = pendingSurveys.get(e.data.id);
        pendingSurveys.delete(e.data.id);
        done?.(e.data);
        return;
      }
      const job = pending.get(e.data.id);
      if (!job) return;
      if ('progress' in e.data) {
        job.onProgress?.(e.data.progress);
        return;
      }
      pending.delete(e.data.id);
      job.resolve(e.data);
    };
    // A worker that dies (out of memory on a huge file, a failed script load) would leave every request
    // waiting for ever: answer them all with an error and start a fresh worker next time.
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      failAll(w, e.message || 'the loading worker stopped');
    };
    w.onmessageerror = () => failAll(w, 'a message from the loading worker could not be read');
    worker = w;
  }
  return worker;
}

function failAll(w: Worker, why: string): void {
  if (worker === w) worker = undefined;
  w.terminate();
  for (const [id, job] of pending)
    job.resolve({ id, ok: false, issues: [{ file: job.origin, severity: 'error', reason: `could not be checked: ${why}` }] });
  pending.clear();
  for (const [id, done] of pendingSurveys) done({ id, survey: null, issues: [{ file: '(your files)', severity: 'error', reason: `could not be looked at: ${why}` }] });
  pendingSurveys.clear();
}

/**
 * Convert and survey files in the worker for the class-mapping step. The bytes are copied, not transferred: the
 * same files are loaded afterwards.
 */
export function surveyInWorker(files: FetchedFile[]): Promise<SurveyResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pendingSurveys.set(id, resolve);
    const request: SurveyRequest = { id, survey: true, files };
    getWorker().postMessage(request);
  });
}

/**
 * Check and load files in the worker. The bytes are transferred, not copied (the callers' arrays are left
 * empty). `onProgress` hears how many JSON files the worker has parsed.
 */
export function loadFiles(files: FetchedFile[], origin: string, onProgress?: (p: LoadProgress) => void): Promise<LoadResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, onProgress, origin });
    const request: LoadRequest = { id, files, origin };
    getWorker().postMessage(request, files.map((f) => f.bytes.buffer as ArrayBuffer));
  });
}

/** Load a built-in dataset folder: fetch its files (progress reported in words), check them in the worker. */
export async function loadBuiltinFolder(
  folder: string,
  onProgress: (text: string) => void,
  t: Translate = translateEn,
): Promise<{ dataset: LoadedDataset | null; issues: Issue[] }> {
  onProgress(t('app.loadingDataset'));
  const fetched = await fetchBuiltinFolder(folder);
  onProgress(t('app.checkingDataset'));
  const r = await loadFiles(fetched.files, t('app.builtinOrigin', { folder: `geodata/${folder}` }));
  return r.ok ? { dataset: r.dataset, issues: [...fetched.issues, ...r.issues] } : { dataset: null, issues: [...fetched.issues, ...r.issues] };
}
