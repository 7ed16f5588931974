// A dataset by URL: the URL checked against the page's security policy, then the manifest (or one data file, or a
// build's index) fetched, then every file the manifest lists, relative to it; each response capped while streaming.
import type { Issue } from '../domain/types';
import { MAX_SNAPSHOTS } from '../domain/limits';
import { formatByName, formatOfJson } from './convert/formats';
import { decodeJsonFile } from './decode';
import { isRecord } from './issues';
import type { FetchedFile } from './fetch-files';
import { isBuildIndex } from './build-format';
import { fetchFile, resolveDatasetFile } from './fetch-file';
import { READ_LIMITS, type ReadProgress } from './read-limits';

/**
 * Largest first file parsed on the main thread to tell a manifest or a build's index from a snapshot: both are
 * small (20,000 snapshot entries are about 1.2 MB); anything bigger goes to the loading worker unparsed, as a
 * snapshot, so a 48 MB FeatureCollection never blocks the page.
 */
const MAX_SNIFF_BYTES = 8 * 1024 * 1024;

const DATA_FILE = /\.(geo)?json$/i;

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
