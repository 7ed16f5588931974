// Reads a dataset of dated snapshots for the data build, one snapshot at a time: a folder with dataset.json,
// or a bare folder of dated files, whose snapshots are the app's (infer-manifest.ts). Nothing but the file list is
// held between reads.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseManifestJson } from '../../src/lib/data/manifest';
import type { StoredFeatureCollection } from '../../src/lib/data/store-file';
import { readSnapshotStore } from '../../src/lib/data/load-snapshot-store';
import { validateSnapshotJson } from '../../src/lib/data/validate-snapshot';
import type { AreaGeometry, ControlFeature, DatasetManifest, Issue, Snapshot } from '../../src/lib/domain/types';
import { deepstateClass } from '../../src/lib/domain/deepstate-class';
import { applyClassMapping } from '../../src/lib/data/class-mapping';
import { convertDatasetFiles } from '../../src/lib/data/convert/convert-files';
import { MANIFEST_FILE } from '../../src/lib/data/dataset-files';
import { inferSnapshotFiles } from '../../src/lib/data/infer-manifest';

/** Class used when a feature has neither `class` nor a known `deepstate_fill`. */
export const UNCLASSIFIED = 'unclassified' satisfies ReturnType<typeof deepstateClass>;

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
  /** Snapshots held in the manifest's `snapshotStore`, by their file path (decoded once; geometry shared). */
  stored?: Map<string, StoredFeatureCollection>;
  /** Memo of OGC validity across the snapshots (the same validator and memo as the app's loader). */
  validityCache: Map<string, string | undefined>;
  /**
   * Memos by object, for a snapshot store's features (one object per polygon, in every snapshot it stands in): the
   * classified copy of a raw feature, the check of that copy, and the feature the build keeps. Each polygon is then
   * classified, checked and serialised once, as in the app's loader.
   */
  memo: { classified: WeakMap<object, unknown>; checked: WeakMap<object, ControlFeature>; kept: WeakMap<object, ControlFeature> };
  /** Snapshot files that are not GeoJSON, converted ahead by {@link convertDatasetInput}: file → GeoJSON (undefined: failed). */
  converted?: Map<string, unknown>;
}

/** Lists a dataset's snapshots, sorted by date. Throws when the folder has neither a manifest nor dated files. */
export function openDataset(dir: string): DatasetInput {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (existsSync(manifestPath)) {
    const r = parseManifestJson(MANIFEST_FILE, JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (!r.ok) throw new Error(`${manifestPath}: ${r.issues.map((i) => i.reason).join('; ')}`);
    const entries = [...r.value.snapshots].sort((a, b) => a.dateIso.localeCompare(b.dateIso));
    const input: DatasetInput = { dir, manifest: r.value, entries, issues: [...r.issues], validityCache: new Map(), memo: newMemo() };
    if (r.value.snapshotStore !== undefined) {
      // The app's reading of the store (load-snapshot-store.ts), with its checks against the manifest's list.
      const file = r.value.snapshotStore;
      input.stored = readSnapshotStore(file, new Uint8Array(readFileSync(join(dir, file))), r.value.snapshots, input.issues);
    }
    return input;
  }
  const issues: Issue[] = [];
  const entries = datedEntries(inferSnapshotFiles(folderPaths(dir)), issues);
  if (entries.length === 0) throw new Error(`${dir}: no dataset.json and no YYYY-MM-DD.geojson (or .topojson, .kml, .kmz, .zip, .json) files`);
  return { dir, entries, issues, validityCache: new Map(), memo: newMemo() };
}

/**
 * The files below `dir`, relative to it with forward slashes, as the app and read-folder.ts take a folder: hidden
 * entries, node_modules and .git left out.
 */
function folderPaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split(sep).join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.') || part === 'node_modules') && statSync(join(dir, p)).isFile());
}

/**
 * The snapshot files the app would infer for a bare folder, in date order, less those the build cannot place: it
 * reads one snapshot at a time in date order, so a date must come from the file name (the app may find it in the
 * features), and of two files for one date the first by name is kept (as the app keeps it).
 */
function datedEntries(inferred: readonly SnapshotEntry[], issues: Issue[]): SnapshotEntry[] {
  const byDate = new Map<string, string>();
  for (const e of inferred) {
    const dupe = byDate.get(e.dateIso);
    if (e.dateIso === '') issues.push({ file: e.file, reason: 'no YYYY-MM-DD in the file name: the data build dates each snapshot by its file name; file left out', severity: 'error' });
    else if (dupe !== undefined) issues.push({ file: e.file, reason: `date ${e.dateIso} already has a snapshot (${dupe}); two files for one date, this one skipped`, severity: 'error' });
    else byDate.set(e.dateIso, e.file);
  }
  return [...byDate].map(([dateIso, file]) => ({ dateIso, file })).sort((a, b) => a.dateIso.localeCompare(b.dateIso));
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

function newMemo(): DatasetInput['memo'] {
  return { classified: new WeakMap(), checked: new WeakMap(), kept: new WeakMap() };
}

/** The class of a feature: its `class`, else DeepState's fill and label read by {@link deepstateClass}. */
export function classOf(properties: Record<string, unknown> | null | undefined): string {
  const cls = properties?.['class'];
  if (typeof cls === 'string' && cls !== '') return cls;
  const fill = properties?.['deepstate_fill'];
  if (typeof fill === 'string') return deepstateClass(fill, properties?.['deepstate_name']);
  return UNCLASSIFIED;
}

/**
 * Reads one snapshot (a file, or an entry of the snapshot store) and checks it with the app's own per-file
 * validator (validate-snapshot.ts): bad features are left out or repaired exactly as the app would, with the
 * same issues. A feature without `class` gets one from its DeepState fill and label. Keeps of the properties only
 * `class` and `name` (DeepState's English label when there is no `name`): the build's output carries nothing
 * else, and two features differing only in dropped properties are then one.
 */
export function readSnapshot(input: DatasetInput, entry: SnapshotEntry, issues: Issue[]): Snapshot {
  const empty = (reason: string): Snapshot => {
    issues.push({ file: entry.file, severity: 'error', reason: `${reason}; snapshot left empty` });
    return { dateIso: entry.dateIso, file: entry.file, features: [] };
  };
  let json: unknown = input.stored?.get(entry.file);
  if (json === undefined) {
    if (input.stored && !existsSync(join(input.dir, entry.file))) return empty(`not in ${input.manifest?.snapshotStore ?? 'the snapshot store'} nor in the folder`);
    if (input.converted?.has(entry.file)) json = input.converted.get(entry.file) ?? {};
    else
      try {
        json = JSON.parse(readFileSync(join(input.dir, entry.file), 'utf8'));
      } catch (err) {
        return empty(`not readable JSON (${(err as Error).message})`);
      }
  }
  // The manifest's class mapping, applied as the app applies it.
  if (input.manifest?.classMapping) {
    const mapped = applyClassMapping(entry.file, json, input.manifest.classMapping);
    issues.push(...mapped.issues);
    json = mapped.json;
  }
  const raw = json as { type?: string; features?: unknown[] };
  if (raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) return empty(`FeatureCollection expected, ${String(raw.type)} found`);
  // Classes: the manifest's, or (bare folder) every class the features carry or their DeepState fill gives.
  const features = raw.features.map((f) => {
    const x = f as { properties?: Record<string, unknown> | null };
    if (x === null || typeof x !== 'object') return f;
    const known = input.memo.classified.get(x);
    if (known !== undefined) return known;
    const copy = { ...x, properties: { ...(x.properties ?? {}), class: classOf(x.properties), ...(nameOf(x.properties) !== undefined ? { name: nameOf(x.properties) } : {}) } };
    input.memo.classified.set(x, copy);
    return copy;
  });
  const classes = input.manifest?.classes ?? [...new Set(features.map((f) => String((f as { properties?: { class?: unknown } }).properties?.class)))].map((id) => ({ id, label: id, color: '#000000' }));
  const r = validateSnapshotJson(entry.file, { type: 'FeatureCollection', features }, { classes, dateIso: entry.dateIso, validityCache: input.validityCache, featureCache: input.memo.checked });
  issues.push(...r.issues);
  if (!r.ok) return { dateIso: entry.dateIso, file: entry.file, features: [] };
  const kept: ControlFeature[] = r.value.features.map((f) => {
    const known = input.memo.kept.get(f);
    if (known) return known;
    const name = f.properties.name;
    const k: ControlFeature = { type: 'Feature', properties: { class: f.properties.class, ...(typeof name === 'string' && name !== '' ? { name } : {}) }, geometry: f.geometry as AreaGeometry };
    input.memo.kept.set(f, k);
    return k;
  });
  return { dateIso: entry.dateIso, file: entry.file, features: kept };
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
