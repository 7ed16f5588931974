// Getting the bytes of a dataset a user brings: dropped files and folders, picked files or a folder, or a
// manifest URL. Nothing is uploaded: local files are read in this tab, URLs are fetched by the browser itself.
// Every file that cannot be used becomes an Issue; the others go on to the loading worker.
import { formatByName, formatOfJson, isDataFileName as isLoadableFileName } from './convert/formats';
import type { Camera, Issue, Snapshot } from '../domain/types';
import { DEFAULT_MAX_BYTES, decodeJsonFile } from './decode';
import { isRecord } from './issues';
import { formatBytes } from '../domain/limits';
import type { FetchedFile } from './fetch-files';
import { isBuildIndex } from './build-format';
import { errorText, fetchFile, resolveDatasetFile } from './fetch-file';
import { MAX_FOLDER_DEPTH, MAX_FOLDER_FILES, MAX_SNAPSHOTS, overSizeLimit } from '../domain/limits';
import { isClaimsCsvName } from './own-claims';

/**
 * Largest first file parsed on the main thread to tell a manifest or a build's index from a snapshot: both are
 * small (20,000 snapshot entries are about 1.2 MB); anything bigger goes to the loading worker unparsed, as a
 * snapshot, so a 48 MB FeatureCollection never blocks the page.
 */
const MAX_SNIFF_BYTES = 8 * 1024 * 1024;

/** A file the user chose or dropped, before it is read: its path inside what was chosen, and its handle. */
export interface PickedFile {
  /** Path relative to what was chosen, e.g. `kursk/snapshots/2024-08-20.geojson` for a dropped folder. */
  path: string;
  file: File;
}

/** Counts for the progress line while reading or fetching, in files and bytes. */
export interface ReadProgress {
  done: number;
  total: number;
  bytesDone: number;
}

/** Limits on what a drop may contain, so a drop of a home folder cannot walk a whole disk. */
export const READ_LIMITS = {
  /** Largest file read, in bytes: the validator's own limit, checked from File.size before reading. */
  maxBytes: DEFAULT_MAX_BYTES,
  /** Most files taken from one drop or folder (data files and others counted alike). */
  maxFiles: MAX_FOLDER_FILES,
  /** Deepest folder nesting followed. */
  maxDepth: MAX_FOLDER_DEPTH,
  /** Files read or fetched at once. */
  concurrency: 4,
};

const DATA_FILE = /\.(geo)?json$/i;

/** True for a path the loader can use: GeoJSON, and the formats the converters read (convert/formats.ts). */
export function isDataFileName(path: string): boolean {
  return isLoadableFileName(path);
}

/** Files from an `<input type=file>` (with `webkitdirectory` each carries its path inside the folder). */
export function pickedFromFileList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** What a drop carried, taken synchronously: a DataTransfer's items are unreadable once the event is over. */
export interface DroppedItems {
  entries: FileSystemEntry[];
  files: File[];
}

/** Take the entries (files and folders) of a drop. Call it inside the `drop` handler, before any `await`. */
export function takeDroppedItems(dt: DataTransfer): DroppedItems {
  const out: DroppedItems = { entries: [], files: [] };
  const items = dt.items ? Array.from(dt.items) : [];
  if (items.length === 0) {
    out.files.push(...Array.from(dt.files));
    return out;
  }
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) out.entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) out.files.push(f);
    }
  }
  return out;
}

/** Walk dropped folders (depth-first, paths as in the drop) and list every file found, within READ_LIMITS. */
export async function pickedFromDrop(dropped: DroppedItems, issues: Issue[]): Promise<PickedFile[]> {
  const out: PickedFile[] = dropped.files.map((file) => ({ path: file.name, file }));
  let truncated = false;
  const visit = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (out.length >= READ_LIMITS.maxFiles) {
      truncated = true;
      return;
    }
    const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
    if (entry.isFile) {
      try {
        out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
      } catch (err) {
        issues.push({ file: path, reason: `could not be opened: ${errorText(err)}`, severity: 'error' });
      }
    } else if (entry.isDirectory) {
      if (depth >= READ_LIMITS.maxDepth) {
        issues.push({ file: path, reason: `folder nested more than ${READ_LIMITS.maxDepth} deep; not read`, severity: 'warning' });
        return;
      }
      let children: FileSystemEntry[];
      try {
        children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
      } catch (err) {
        issues.push({ file: path, reason: `folder could not be read: ${errorText(err)}`, severity: 'error' });
        return;
      }
      children.sort((a, b) => a.name.localeCompare(b.name));
      for (const c of children) await visit(c, depth + 1);
    }
  };
  for (const e of dropped.entries) await visit(e, 0);
  if (truncated)
    issues.push({ file: '(dropped files)', reason: `more than ${READ_LIMITS.maxFiles} files; only the first ${READ_LIMITS.maxFiles} were taken`, severity: 'warning' });
  return out;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A directory reader returns its entries in batches (100 at a time in Chromium) until an empty one. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
    if (all.length > READ_LIMITS.maxFiles) return all;
  }
}

/**
 * Read the data files (and claims CSVs: own-claims.ts) among those picked. Other files are skipped (hidden ones
 * silently); a file over the size limit is reported from its `size` without being read into memory; one that
 * fails to read is reported.
 */
export async function readPickedFiles(
  picked: readonly PickedFile[],
  onProgress?: (p: ReadProgress) => void,
  maxBytes: number = READ_LIMITS.maxBytes,
): Promise<{ files: FetchedFile[]; issues: Issue[]; bytes: number }> {
  const issues: Issue[] = [];
  const skipped: string[] = [];
  const toRead: PickedFile[] = [];
  for (const p of picked) {
    const name = p.path.split('/').pop() ?? p.path;
    if (name.startsWith('.')) continue; // .DS_Store and the like
    if (!isDataFileName(p.path) && !isClaimsCsvName(p.path)) skipped.push(p.path);
    else if (p.file.size > maxBytes)
      issues.push({ file: p.path, reason: overSizeLimit(p.file.size, maxBytes), severity: 'error' });
    else toRead.push(p);
  }
  if (skipped.length > 0)
    issues.push({
      file: skipped.length === 1 ? (skipped[0] as string) : `${skipped.length} files`,
      reason: `not a data file (.geojson, .json, .topojson, .kml, .kmz, .zip) or a claims .csv; ignored${skipped.length > 1 ? ` (${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})` : ''}`,
      severity: 'warning',
    });
  const files: FetchedFile[] = [];
  const progress: ReadProgress = { done: 0, total: toRead.length, bytesDone: 0 };
  onProgress?.({ ...progress });
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const p = toRead[next++] as PickedFile;
      try {
        const bytes = new Uint8Array(await p.file.arrayBuffer());
        files.push({ path: p.path, bytes });
        progress.bytesDone += bytes.byteLength;
      } catch (err) {
        issues.push({ file: p.path, reason: `could not be read: ${errorText(err)}`, severity: 'error' });
      }
      progress.done++;
      onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_LIMITS.concurrency, toRead.length) }, worker));
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, issues, bytes: progress.bytesDone };
}

/**
 * Check a URL the user typed (relative URLs resolve against the page). Under the app's Content-Security-Policy
 * (`connect-src 'self' data: https:`, see vite.config.ts) the browser may fetch this site's own URLs and any https
 * URL; anything else would be blocked, so it is refused here with a reason instead.
 */
/** Why a typed URL is refused: `problem` for the UI's own wording, `detail` the text or origin it names, `reason` in English. */
export type UrlRefusal = { ok: false; problem: 'empty' | 'not_url' | 'plain_http' | 'protocol'; detail: string; reason: string };

export function checkDatasetUrl(input: string, pageUrl: string): { ok: true; url: URL } | UrlRefusal {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty', detail: '', reason: 'Type the URL of a dataset.json (or of one dated .geojson file).' };
  let url: URL;
  try {
    url = new URL(text, pageUrl);
  } catch {
    return { ok: false, problem: 'not_url', detail: text, reason: `"${text}" is not a URL.` };
  }
  const page = new URL(pageUrl);
  if (url.origin === page.origin) return { ok: true, url };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:')
    return { ok: false, problem: 'plain_http', detail: url.origin, reason: `Only https URLs (or URLs of this site) can be loaded: the page's security policy blocks plain http to other sites (${url.origin}).` };
  return { ok: false, problem: 'protocol', detail: url.protocol, reason: `Only http(s) URLs can be loaded, not "${url.protocol}".` };
}

/**
 * Fetch a dataset by URL: the manifest (`dataset.json`), then every file it lists, relative to it. A URL of a
 * single GeoJSON FeatureCollection is a one-snapshot dataset. The URL of a data build's index.json (its
 * `format` says so) is returned as `build`, parsed, for load-build.ts; nothing else is fetched here. Files listed
 * outside the manifest's folder are not fetched. Each response is capped at `maxBytes` while streaming.
 */
export async function fetchDatasetByUrl(
  url: URL,
  onProgress?: (p: ReadProgress) => void,
  maxBytes: number = READ_LIMITS.maxBytes,
): Promise<{ files: FetchedFile[]; issues: Issue[]; bytes: number; build?: { url: URL; index: unknown } }> {
  const issues: Issue[] = [];
  const label = url.href;
  const first = await fetchFile(url, maxBytes);
  if (!first.ok) return { files: [], issues: [{ file: label, reason: first.reason, severity: 'error' }], bytes: 0 };
  // One file a converter reads (KML, KMZ, a zipped Shapefile, TopoJSON): a one-file dataset, converted in the worker.
  const fileName = decodeURIComponent(url.pathname.split('/').pop() || 'data.geojson');
  const byName = formatByName(fileName);
  if (byName === 'kml' || byName === 'kmz' || byName === 'zip' || byName === 'topojson')
    return { files: [{ path: fileName, bytes: first.bytes }], issues, bytes: first.bytes.byteLength };
  const asSnapshot = { files: [{ path: DATA_FILE.test(fileName) ? fileName : `${fileName}.geojson`, bytes: first.bytes }], issues, bytes: first.bytes.byteLength };
  if (first.bytes.byteLength > MAX_SNIFF_BYTES) return asSnapshot;
  const decoded = decodeJsonFile({ file: label, bytes: first.bytes }, maxBytes);
  if (!decoded.ok) return { files: [], issues: decoded.issues, bytes: first.bytes.byteLength };
  const json = decoded.value;
  if (isBuildIndex(json)) return { files: [], issues, bytes: first.bytes.byteLength, build: { url, index: json } };
  if (formatOfJson(json) !== 'geojson') return { files: [{ path: fileName, bytes: first.bytes }], issues, bytes: first.bytes.byteLength };
  if (isRecord(json) && json.type === 'FeatureCollection') return asSnapshot;

  // Anything else is taken as a manifest; loadDataset judges it. Here only the file names are needed.
  const files: FetchedFile[] = [{ path: 'dataset.json', bytes: first.bytes }];
  const wanted = new Map<string, URL>();
  for (const path of listedFiles(json)) {
    if (wanted.has(path)) continue;
    const target = resolveDatasetFile(path, url);
    if (target.ok) wanted.set(path, target.url);
    else issues.push({ file: path, reason: `listed in dataset.json, but ${target.reason}`, severity: 'error' });
  }
  const queue = [...wanted].map(([path, target]) => ({ path, url: target }));
  const progress: ReadProgress = { done: 0, total: queue.length, bytesDone: first.bytes.byteLength };
  onProgress?.({ ...progress });
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const w = queue[next++] as { path: string; url: URL };
      const r = await fetchFile(w.url, maxBytes);
      if (r.ok) {
        files.push({ path: w.path, bytes: r.bytes });
        progress.bytesDone += r.bytes.byteLength;
      } else issues.push({ file: w.path, reason: r.reason, severity: 'error' });
      progress.done++;
      onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_LIMITS.concurrency, queue.length) }, worker));
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, issues, bytes: progress.bytesDone };
}

/** The files a manifest refers to (snapshots, clip regions, places, claims), read leniently from raw JSON. */
function listedFiles(json: unknown): string[] {
  if (!isRecord(json)) return [];
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
  };
  // No more than the loader reads (limits.ts): the rest of a huge list is reported by the loader, never fetched.
  if (Array.isArray(json.snapshots)) for (const s of json.snapshots.slice(0, MAX_SNAPSHOTS)) if (isRecord(s)) add(s.file);
  if (isRecord(json.clipRegions)) for (const r of Object.values(json.clipRegions)) if (isRecord(r)) add(r.file);
  add(json.placesFile);
  add(json.claimsFile);
  add(json.placeClaimsFile);
  return out;
}

/**
 * A camera that shows every polygon of a dataset (for datasets without a `defaultView`), for a map of
 * `widthPx` × `heightPx` CSS pixels with 512 px Web Mercator tiles, as MapLibre uses; 8 % margin each side.
 */
export function cameraForSnapshots(features: readonly { geometry: { coordinates: unknown } }[], widthPx: number, heightPx: number): Camera | undefined {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
      return;
    }
    for (const k of c) visit(k);
  };
  for (const f of features) visit(f.geometry.coordinates);
  if (!Number.isFinite(w) || !Number.isFinite(s)) return undefined;
  // Mercator y in [0, 1] from north to south.
  const mercY = (lat: number) => {
    const r = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
    return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
  };
  const dx = Math.max((e - w) / 360, 1e-9);
  const dy = Math.max(mercY(s) - mercY(n), 1e-9);
  const usableW = Math.max(widthPx, 100) * 0.84;
  const usableH = Math.max(heightPx, 100) * 0.84;
  const zoom = Math.log2(Math.min(usableW / (dx * 512), usableH / (dy * 512)));
  const midY = (mercY(s) + mercY(n)) / 2;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * midY))) * 180) / Math.PI;
  return { zoom: Math.round(Math.max(1, Math.min(14, zoom)) * 100) / 100, lat: +lat.toFixed(5), lon: +((w + e) / 2).toFixed(5) };
}
