// Main-thread side of loading: fetch or read the files, hand them to the loading worker, get a dataset back.
import type { AreaGeometry, DatasetManifest, Issue } from '../domain/types';
import type { LoadedDataset, LoadedRegion } from '../domain/dataset';
import type { Gazetteer } from '../domain/gazetteer';
import type { PlaceClaim } from '../domain/place-assertion';
import { fetchBuiltinFolder, shippedFolderFiles } from './default-dataset';
import { fetchDatasetFiles } from './fetch-dataset-files';
import { isRecord } from './issues';
import { VALIDITY_FILE } from './validity-file';
import { translateEn, type Translate } from '../i18n/catalogue';
import type { FetchedFile } from './fetch-files';
import type { SurveyResult } from './survey-files';

export interface LoadRequest {
  id: number;
  files: FetchedFile[];
  origin: string;
  /** A dataset the app ships: its validity record (validity-record.ts) may spare the OGC step. Never for a user's data. */
  builtin?: boolean;
  /** Files named by the manifest that come later (a shipped dataset's figures files): see LoadDatasetOptions.deferred. */
  deferred?: string[];
}

/** The files a first load deferred, to read against its manifest (load-dataset.ts, loadDeferredFiles). */
export interface DeferredRequest {
  id: number;
  deferredFor: DatasetManifest;
  files: FetchedFile[];
  builtin?: boolean;
}

export type DeferredResponse = {
  id: number;
  deferred: { clipRegions: Record<string, AreaGeometry>; regions?: LoadedRegion[]; gazetteer?: Gazetteer; placeClaims?: PlaceClaim[]; droppedMeasures: string[]; issues: Issue[] };
};

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
export type LoadWorkerMessage = LoadResponse | SurveyResponse | DeferredResponse | { id: number; progress: LoadProgress };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LoadResponse) => void; onProgress: ((p: LoadProgress) => void) | undefined; origin: string }>();
const pendingSurveys = new Map<number, (r: SurveyResponse) => void>();
const pendingDeferred = new Map<number, (r: DeferredResponse | null) => void>();

function getWorker(): Worker {
  if (!worker) {
    const w = new Worker(new URL('../workers/load.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<LoadWorkerMessage>) => {
      if ('deferred' in e.data) {
        const done = pendingDeferred.get(e.data.id);
        pendingDeferred.delete(e.data.id);
        done?.(e.data);
        return;
      }
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
  for (const done of pendingDeferred.values()) done(null);
  pendingDeferred.clear();
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
export function loadFiles(files: FetchedFile[], origin: string, onProgress?: (p: LoadProgress) => void, builtin = false, deferred: string[] = []): Promise<LoadResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, onProgress, origin });
    const request: LoadRequest = { id, files, origin, ...(builtin ? { builtin } : {}), ...(deferred.length > 0 ? { deferred } : {}) };
    getWorker().postMessage(request, files.map((f) => f.bytes.buffer as ArrayBuffer));
  });
}

/** A built-in folder as loaded: its dataset and issues; `complete` when its figures files come after the first frame. */
export interface BuiltinLoad {
  dataset: LoadedDataset | null;
  issues: Issue[];
  /**
   * Fetch and read the files it left for later (clip regions, regions, places) and give the dataset again with them, and
   * their issues. Called when the first frame is drawn (source-loading.ts), so those bytes never delay it; once.
   */
  complete?: () => Promise<{ dataset: LoadedDataset; issues: Issue[] }>;
}

/** Load a built-in dataset folder: fetch its files (progress reported in words), check them in the worker. */
export async function loadBuiltinFolder(folder: string, onProgress: (text: string) => void, t: Translate = translateEn): Promise<BuiltinLoad> {
  // Loaded once per page: switching datasets and back shows the same dataset (and figures) at once.
  const known = loadedFolders.get(folder);
  if (known) return known;
  const job = loadFolder(folder, onProgress, t);
  loadedFolders.set(folder, job);
  const r = await job;
  if (!r.dataset) loadedFolders.delete(folder);
  if (!r.complete) return r;
  // Once complete, a later visit gets the complete dataset at once.
  const complete = r.complete;
  let started: Promise<{ dataset: LoadedDataset; issues: Issue[] }> | undefined;
  const once = () => {
    started ??= complete().then((c) => {
      loadedFolders.set(folder, Promise.resolve({ dataset: c.dataset, issues: [...r.issues, ...c.issues] }));
      return c;
    });
    return started;
  };
  const staged: BuiltinLoad = { ...r, complete: once };
  loadedFolders.set(folder, Promise.resolve(staged));
  return staged;
}

const loadedFolders = new Map<string, Promise<BuiltinLoad>>();

/**
 * The files a manifest needs only after the first frame: for the figures (its clip regions and regions) and for
 * places (its places file and place claims). A shipped folder fetches them then. Read from the manifest's JSON as
 * is; the loader checks the manifest properly.
 */
function laterFilesOf(manifestBytes: Uint8Array): string[] {
  try {
    const m: unknown = JSON.parse(new TextDecoder().decode(manifestBytes));
    if (!isRecord(m)) return [];
    const clip = isRecord(m.clipRegions) ? Object.values(m.clipRegions).map((r) => (isRecord(r) ? r.file : undefined)) : [];
    const regions = isRecord(m.regions) ? [m.regions.file] : [];
    return [...clip, ...regions, m.placesFile, m.placeClaimsFile].filter((f): f is string => typeof f === 'string');
  } catch {
    return [];
  }
}

async function loadFolder(folder: string, onProgress: (text: string) => void, t: Translate): Promise<BuiltinLoad> {
  const origin = t('app.builtinOrigin', { folder: `geodata/${folder}` });
  onProgress(t('app.loadingDataset'));
  const shipped = shippedFolderFiles(folder);
  const manifestEntry = shipped?.find((f) => f.path === 'dataset.json');
  if (!shipped || !manifestEntry) {
    const fetched = await fetchBuiltinFolder(folder);
    onProgress(t('app.checkingDataset'));
    const r = await loadFiles(fetched.files, origin, undefined, true);
    return r.ok ? { dataset: r.dataset, issues: [...fetched.issues, ...r.issues] } : { dataset: null, issues: [...fetched.issues, ...r.issues] };
  }
  // A folder shipped file by file: the manifest first, then what the first frame needs; the clip regions and regions
  // (the whole front: 366 KB of its 1.2 MB) only after it, for the figures, and the places (83 KB) for place search.
  const first = await fetchDatasetFiles([manifestEntry]);
  const later = new Set(first.files[0] ? laterFilesOf(first.files[0].bytes) : []);
  const rest = await fetchDatasetFiles(shipped.filter((f) => f !== manifestEntry && !later.has(f.path)));
  const files = [...first.files, ...rest.files];
  const fetchIssues = [...first.issues, ...rest.issues];
  // The worker takes the bytes (transferred); the validity record is wanted again with the later files.
  const record = files.find((f) => f.path === VALIDITY_FILE);
  const recordCopy = record ? { path: record.path, bytes: record.bytes.slice() } : undefined;
  onProgress(t('app.checkingDataset'));
  const r = await loadFiles(files, origin, undefined, true, [...later]);
  if (!r.ok) return { dataset: null, issues: [...fetchIssues, ...r.issues] };
  const dataset = r.dataset;
  if (!dataset.pending) return { dataset, issues: [...fetchIssues, ...r.issues] };
  const complete = async () => {
    const got = await fetchDatasetFiles(shipped.filter((f) => later.has(f.path)));
    const d = await loadDeferred(dataset.manifest, [...got.files, ...(recordCopy ? [recordCopy] : [])]);
    const issues = [...got.issues, ...(d?.issues ?? [{ file: origin, severity: 'error' as const, reason: 'its clip regions, regions and places could not be read: the loading worker stopped' }])];
    const { pending: _done, ...rest } = dataset;
    const droppedMeasures = d?.droppedMeasures ?? [];
    const full: LoadedDataset = {
      ...rest,
      manifest: { ...dataset.manifest, measures: dataset.manifest.measures.filter((m) => !droppedMeasures.includes(m.id) && (d !== null || m.clipTo === undefined)) },
      clipRegions: { ...dataset.clipRegions, ...(d?.clipRegions ?? {}) },
      ...(d?.regions ? { regions: d.regions } : {}),
      ...(d?.gazetteer ? { gazetteer: d.gazetteer } : {}),
      ...(d?.placeClaims ? { placeClaims: d.placeClaims } : {}),
    };
    return { dataset: full, issues };
  };
  return { dataset, issues: [...fetchIssues, ...r.issues], complete };
}

/** Read the files a load deferred (in the worker, as loadDataset would have); null if the worker stopped. */
function loadDeferred(manifest: DatasetManifest, files: FetchedFile[]): Promise<DeferredResponse['deferred'] | null> {
  const id = nextId++;
  return new Promise((resolve) => {
    pendingDeferred.set(id, (r) => resolve(r?.deferred ?? null));
    const request: DeferredRequest = { id, deferredFor: manifest, files, builtin: true };
    getWorker().postMessage(request, files.map((f) => f.bytes.buffer as ArrayBuffer));
  });
}
