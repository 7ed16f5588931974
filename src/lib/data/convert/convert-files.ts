// The conversion step before validation: every file of a dataset that is not GeoJSON (TopoJSON, KML, KMZ, a
// zipped Shapefile, Esri JSON) is turned into a GeoJSON FeatureCollection by its converter, which is imported
// only when a file of its format is present, so opening GeoJSON never loads a converter library.
import type { Issue } from '../../domain/types';
import { DEFAULT_MAX_BYTES, decodeJsonFile } from '../decode';
import { formatBytes } from '../../domain/limits';
import type { DatasetFile } from '../dataset-files';
import type { Converted } from './finish';
import { formatByName, formatOfJson } from './formats';

export interface ConvertFilesOptions {
  maxBytes?: number;
  /** Called once per file converted (or decoded to tell its format), for progress. */
  onFileConverted?: (path: string) => void;
}

/** Files not to sniff: the manifest and the claims ledger are JSON of our own. */
const OWN_JSON = /(^|\/)(dataset|claims)\.json$/i;

/**
 * Convert what needs converting. GeoJSON files pass through untouched (the loader decodes them); a `.json`
 * is decoded here to tell its format and handed on decoded. A converted file keeps its path (the snapshot's
 * file is still `2024-08-25.kmz`) and carries `converted`; one whose conversion failed carries
 * `converted: { json: undefined }`, so the loader knows it was there. Never throws.
 */
export async function convertDatasetFiles(files: readonly DatasetFile[], opts: ConvertFilesOptions = {}): Promise<{ files: DatasetFile[]; issues: Issue[] }> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const issues: Issue[] = [];
  const out: DatasetFile[] = [];
  for (const f of files) {
    if (f.converted !== undefined) {
      out.push(f);
      continue;
    }
    const format = formatByName(f.path);
    if (format === undefined || format === 'geojson' || (format === 'json' && OWN_JSON.test(f.path))) {
      out.push(f);
      continue;
    }
    let r: Converted;
    try {
      r = await convertOne(f, format, maxBytes);
    } catch (err) {
      // Converters report bad data as issues; an exception (or a chunk that failed to load) is a bug, said so.
      r = { json: undefined, issues: [{ file: f.path, reason: `could not be converted: ${(err as Error).message}`, severity: 'error' }] };
    }
    opts.onFileConverted?.(f.path);
    issues.push(...r.issues);
    out.push({ path: f.path, bytes: new Uint8Array(0), converted: { json: r.json } });
  }
  return { files: out, issues };
}

async function convertOne(f: DatasetFile, format: Exclude<ReturnType<typeof formatByName>, undefined | 'geojson'>, maxBytes: number): Promise<Converted> {
  const file = f.path;
  if (format === 'json' || format === 'topojson') {
    const decoded = decodeJsonFile({ file, bytes: f.bytes }, maxBytes);
    if (!decoded.ok) return { json: undefined, issues: decoded.issues };
    const kind = formatOfJson(decoded.value);
    if (kind === 'topojson') {
      const { convertTopojson } = await import('./topojson');
      const r = convertTopojson(file, decoded.value);
      return { json: r.json, issues: [...decoded.issues, ...r.issues] };
    }
    if (kind === 'esri-json') {
      const { convertEsriJson } = await import('./esri-json');
      const r = await convertEsriJson(file, decoded.value);
      return { json: r.json, issues: [...decoded.issues, ...r.issues] };
    }
    if (format === 'topojson')
      return { json: undefined, issues: [...decoded.issues, { file, reason: 'named .topojson but not a TopoJSON Topology (type "Topology" expected)', severity: 'error' }] };
    // A .json that is GeoJSON (or not): handed on decoded, and the validator judges it.
    return { json: decoded.value as Converted['json'], issues: decoded.issues };
  }
  if (f.bytes.byteLength > maxBytes)
    return { json: undefined, issues: [{ file, reason: `file is ${formatBytes(f.bytes.byteLength)}, over the ${formatBytes(maxBytes)} limit; not read (split it into smaller files)`, severity: 'error' }] };
  if (format === 'kml') {
    const { convertKml } = await import('./kml');
    return convertKml(file, f.bytes, { maxBytes });
  }
  if (format === 'kmz') {
    const { convertKmz } = await import('./kmz');
    return convertKmz(file, f.bytes, { maxBytes });
  }
  // A .zip: a zipped Shapefile, or a KML zipped under another name.
  const { readZip } = await import('./zip');
  const z = readZip(file, f.bytes, { maxBytes });
  if (!z.ok) return { json: undefined, issues: [z.issue] };
  const names = [...z.entries.keys()];
  if (!names.some((n) => /\.shp$/i.test(n)) && names.some((n) => /\.kml$/i.test(n))) {
    const { kmlFromEntries } = await import('./kmz');
    return kmlFromEntries(file, z.entries, { maxBytes });
  }
  const { convertShapefileEntries } = await import('./shapefile');
  return convertShapefileEntries(file, z.entries);
}
