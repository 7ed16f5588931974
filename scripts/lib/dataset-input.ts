// Reads a dataset of dated snapshots for the data build, one snapshot at a time: a folder with dataset.json,
// or a bare folder of YYYY-MM-DD.geojson files. Nothing but the file list is held between reads.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifestJson } from '../../src/lib/data/manifest';
import { applyClassMapping } from '../../src/lib/data/class-mapping';
import { convertDatasetFiles } from '../../src/lib/data/convert/convert-files';
import type { AreaGeometry, ControlFeature, DatasetManifest, Issue, Snapshot } from '../../src/lib/domain/types';
// One table of DeepState's colours, shared with the app's class-mapping suggestions.
import { DEEPSTATE_FILL_CLASS, deepstateFillClass } from '../../src/lib/data/conventions';

export { DEEPSTATE_FILL_CLASS };

/** Class used when a feature has neither `class` nor a known `deepstate_fill`. */
export const UNCLASSIFIED = 'unclassified';

/** One snapshot file of a dataset, not yet read. */
export interface SnapshotEntry {
  dateIso: string;
  /** Path relative to the dataset folder, as a manifest names it. */
  file: string;
}

/** A dataset found on disk: its snapshot files by date, and its manifest when it has one. */
export interface DatasetInput {
  dir: string;
  manifest?: DatasetManifest;
  entries: SnapshotEntry[];
  issues: Issue[];
  /** Snapshot files that are not GeoJSON, converted ahead by {@link convertDatasetInput}: file → GeoJSON (undefined: failed). */
  converted?: Map<string, unknown>;
}

const DATE_FILE = /^(\d{4}-\d{2}-\d{2})\.(geojson|topojson|kml|kmz|zip|json)$/i;

/** Lists a dataset's snapshots, sorted by date. Throws when the folder has neither a manifest nor dated files. */
export function openDataset(dir: string): DatasetInput {
  const manifestPath = join(dir, 'dataset.json');
  if (existsSync(manifestPath)) {
    const r = parseManifestJson('dataset.json', JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (!r.ok) throw new Error(`${manifestPath}: ${r.issues.map((i) => i.reason).join('; ')}`);
    const entries = [...r.value.snapshots].sort((a, b) => a.dateIso.localeCompare(b.dateIso));
    return { dir, manifest: r.value, entries, issues: r.issues };
  }
  const entries = readdirSync(dir)
    .map((f) => DATE_FILE.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ dateIso: m[1]!, file: m[0] }))
    .sort((a, b) => a.dateIso.localeCompare(b.dateIso));
  if (entries.length === 0) throw new Error(`${dir}: no dataset.json and no YYYY-MM-DD.geojson (or .topojson, .kml, .kmz, .zip, .json) files`);
  return { dir, entries, issues: [] };
}

/**
 * Converts the snapshot files that are not GeoJSON (TopoJSON, KML, KMZ, zipped Shapefile, Esri JSON) with the
 * app's converters, ahead of the (synchronous, one-at-a-time) build; their issues join the input's.
 */
export async function convertDatasetInput(input: DatasetInput): Promise<void> {
  const todo = input.entries.filter((e) => !/\.geojson$/i.test(e.file));
  if (todo.length === 0) return;
  const r = await convertDatasetFiles(todo.map((e) => ({ path: e.file, bytes: readFileSync(join(input.dir, e.file)) })));
  input.issues.push(...r.issues);
  input.converted = new Map(r.files.map((f) => [f.path, f.converted?.json]));
}

/** The class of a feature: its `class`, else its DeepState fill mapped by {@link DEEPSTATE_FILL_CLASS}. */
export function classOf(properties: Record<string, unknown> | null | undefined): string {
  const cls = properties?.['class'];
  if (typeof cls === 'string' && cls !== '') return cls;
  const fill = properties?.['deepstate_fill'];
  if (typeof fill === 'string') return deepstateFillClass(fill) ?? UNCLASSIFIED;
  return UNCLASSIFIED;
}

/**
 * Reads and parses one snapshot file. Keeps Polygon/MultiPolygon features only (others are reported), and
 * keeps of the properties only `class` and `name` (DeepState's English label when there is no `name`):
 * the build's output carries nothing else, and two features differing only in dropped properties are then one.
 */
export function readSnapshot(input: DatasetInput, entry: SnapshotEntry, issues: Issue[]): Snapshot {
  let raw: unknown = input.converted?.has(entry.file) ? input.converted.get(entry.file) : JSON.parse(readFileSync(join(input.dir, entry.file), 'utf8'));
  // The manifest's class mapping, applied as the app applies it.
  if (input.manifest?.classMapping && raw !== undefined) {
    const mapped = applyClassMapping(entry.file, raw, input.manifest.classMapping);
    issues.push(...mapped.issues);
    raw = mapped.json;
  }
  const json = (raw ?? {}) as { type?: string; features?: unknown[] };
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    issues.push({ file: entry.file, severity: 'error', reason: `FeatureCollection expected, ${String(json.type)} found; snapshot left empty` });
    return { dateIso: entry.dateIso, file: entry.file, features: [] };
  }
  const features: ControlFeature[] = [];
  json.features.forEach((raw, i) => {
    const f = raw as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> | null };
    const type = f.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      issues.push({ file: entry.file, featureIndex: i, path: `features[${i}].geometry.type`, severity: 'warning', reason: `features[${i}].geometry.type: Polygon or MultiPolygon expected, ${String(type)} found; feature left out` });
      return;
    }
    const name = nameOf(f.properties);
    features.push({
      type: 'Feature',
      properties: { class: classOf(f.properties), ...(name !== undefined ? { name } : {}) },
      geometry: { type, coordinates: f.geometry!.coordinates } as AreaGeometry,
    });
  });
  return { dateIso: entry.dateIso, file: entry.file, features };
}

function nameOf(p: Record<string, unknown> | null | undefined): string | undefined {
  const name = p?.['name'];
  if (typeof name === 'string' && name !== '') return name;
  const ds = p?.['deepstate_name'];
  // "Ukrainian /// English /// key": the English part.
  if (typeof ds === 'string') {
    const en = ds.split('///')[1]?.trim();
    return en ? en : undefined;
  }
  return undefined;
}
