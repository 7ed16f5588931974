// Loads a whole dataset (manifest + files, or a bare folder of dated GeoJSON) from bytes: no fetch, no DOM.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ControlClass, ControlFeature, DatasetManifest, Issue, Result, Snapshot } from '../domain/types';
import { parseClaimsFile, type Claim } from '../domain/claim-schema';
import { applyClassMapping } from './class-mapping';
import { dateInFileName } from './dates';
import { DEFAULT_MAX_BYTES, decodeJsonFile } from './decode';
import { describeValue, isRecord, pushAll, jsonPath, toIssues } from './issues';
import { DATA_FILE_PATTERN } from './convert/formats';
import { parseManifestJson } from './manifest';
import { formatCount, MAX_ID_CHARS, MAX_LIST_ENTRIES } from '../domain/limits';
import { validatePlacesJson } from './validate-places';
import { parsePlaceClaimsCsv, type PlaceClaim } from './place-claims';
import type { PlaceFeature } from './schema';
import { checkAreaGeometry } from './validate-geojson';
import type { LoadedRegion } from '../domain/dataset';
import { decodeStoreBytes, snapshotForLoading, type StoredFeatureCollection } from './store-file';
import { median, roughFeatureCentre, validateSnapshotJson } from './validate-snapshot';
import { geometriesOfJson, vouchFor, type TrustedValidity } from './validity-record';

/** One file of a dataset folder: its path (relative to the folder, or with one common top folder) and bytes. */
export interface DatasetFile {
  path: string;
  bytes: Uint8Array;
  /**
   * Set by the conversion step (convert/convert-files.ts) for a file that was not GeoJSON, or a .json decoded
   * to tell its format: the GeoJSON it became (`bytes` is then ignored), or undefined when conversion failed
   * (its issues are already reported).
   */
  converted?: { json: unknown };
}

/** Options for {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Largest file accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Dataset id/title to use when there is no manifest (default: the folder name, else "dataset"). */
  name?: string;
  /** Called once per file after it is decoded and parsed (progress reports). */
  onFileDecoded?: (path: string) => void;
  /**
   * false: the places file and the place claims are neither decoded nor checked, for a caller that reads only the
   * areas (the claims and figures CLIs, a later folder of the places CLI). Default true.
   */
  places?: boolean;
  /**
   * The OGC verdicts of the folder's validity record that hold for these files (validity-record.ts): given only
   * for the datasets the app ships, whose record the build made. Never for data a user brings.
   */
  trustedValidity?: TrustedValidity;
  /**
   * Files the caller hands over later ({@link loadDeferredFiles}): a shipped dataset's clip regions and regions,
   * needed for the figures, and its places file (with its place claims), needed for place search and histories;
   * none of them for the first frame. They are not loaded now and nothing is said of them; the loaded dataset lists
   * them in `pending`.
   */
  deferred?: ReadonlySet<string>;
}

/** A loaded dataset: everything the app shows, already validated. */
export interface LoadedDataset {
  /** The manifest as validated (bad entries dropped); `snapshots` lists only the snapshots loaded. */
  manifest: DatasetManifest;
  /** Snapshots in date order. */
  snapshots: Snapshot[];
  places?: PlaceFeature[];
  /** The places file's own statement of its coverage (its top-level `coverage` text), when it has one. */
  placesCoverage?: string;
  claims?: Claim[];
  /** Claims about named places (`placeClaimsFile`). */
  placeClaims?: PlaceClaim[];
  /** Clip regions by id, each one (Multi)Polygon feature. */
  clipRegions: Record<string, Feature<Polygon | MultiPolygon>>;
  /** True when there was no usable `dataset.json` and the manifest was built from the files. */
  manifestInferred: boolean;
  /** The regions of the manifest's `regions` breakdown (e.g. oblasts), when it has one and they loaded. */
  regions?: LoadedRegion[];
  /** Files left for later (`deferred`): until {@link loadDeferredFiles} has read them, no figures. */
  pending?: string[];
}

export type { LoadedRegion } from '../domain/dataset';

/** Name of the manifest file in a dataset folder. */
export const MANIFEST_FILE = 'dataset.json';

/** Colour-blind-safe defaults for inferred classes (Okabe & Ito 2008), in order of first appearance. */
export const DEFAULT_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#000000'];

const DATA_EXT = DATA_FILE_PATTERN;

/**
 * Load a dataset from its files. With a `dataset.json` the manifest drives everything; without one
 * (or when it is unreadable), every dated `*.geojson`/`*.json` becomes a snapshot, classes come from the
 * features' `class` property (or one default class), with default labels and colours and one unclipped
 * measure per class. Never throws. Bad features, snapshots, places or clip regions are skipped with an
 * Issue each; fails only when no snapshot is usable.
 */
export function loadDataset(files: readonly DatasetFile[], opts: LoadDatasetOptions = {}): Result<LoadedDataset> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const issues: Issue[] = [];
  const { byPath, convertedByPath, rootName } = indexFiles(files, issues);

  // 1. The manifest, or an inferred one.
  let manifest: DatasetManifest | undefined;
  let manifestInferred = false;
  const manifestBytes = byPath.get(MANIFEST_FILE);
  if (manifestBytes) {
    const decoded = decodeJsonFile({ file: MANIFEST_FILE, bytes: manifestBytes }, maxBytes);
    opts.onFileDecoded?.(MANIFEST_FILE);
    pushAll(issues, decoded.issues);
    if (decoded.ok) {
      const m = parseManifestJson(MANIFEST_FILE, decoded.value);
      pushAll(issues, m.issues);
      if (m.ok) manifest = m.value;
    }
    if (!manifest)
      issues.push({ file: MANIFEST_FILE, reason: 'unusable; falling back to the dated GeoJSON files in the folder', severity: 'error' });
  }
  const decodedCache = new Map<string, unknown>();
  const decodeOnce = (path: string): unknown => {
    if (decodedCache.has(path)) return decodedCache.get(path);
    const bytes = byPath.get(path);
    let value: unknown;
    const converted = convertedByPath.get(path);
    if (converted) {
      value = converted.json;
      opts.onFileDecoded?.(path);
    } else if (bytes) {
      const d = decodeJsonFile({ file: path, bytes }, maxBytes);
      opts.onFileDecoded?.(path);
      pushAll(issues, d.issues);
      value = d.ok ? d.value : undefined;
    }
    decodedCache.set(path, value);
    return value;
  };
  if (!manifest) {
    manifestInferred = true;
    manifest = inferManifest(byPath, decodeOnce, opts.name ?? rootName ?? 'dataset', issues, manifestBytes !== undefined);
  }

  // 2. Snapshots: decode all first, so a dataset-wide centre can expose swapped coordinates in any file.
  // With a snapshot store, the snapshot files are inside it; each is then checked like a file of its own.
  // Geometries whose OGC validity the trusted record established: the JTS step is skipped for them alone.
  const ogcValid = opts.trustedValidity ? new WeakSet<object>() : undefined;
  const vouch = (path: string, geoms: readonly unknown[]) => vouchFor(ogcValid, opts.trustedValidity, path, geoms);
  const stored = loadSnapshotStore(manifest, byPath, issues, vouch);
  if (stored) for (const [path, json] of stored) decodedCache.set(path, json);
  const entries = manifest.snapshots.filter((s) => {
    if (byPath.has(s.file) || stored?.has(s.file)) return true;
    issues.push({ file: s.file, reason: `listed in ${MANIFEST_FILE} for ${s.dateIso} but not found in the folder`, severity: 'error' });
    return false;
  });
  const jsons = entries.map((e) => decodeOnce(e.file));
  const reference = manifest.defaultView ? ([manifest.defaultView.lon, manifest.defaultView.lat] as const) : datasetCentre(jsons);
  const snapshots: Snapshot[] = [];
  const byDate = new Map<string, string>();
  const classes = manifest.classes;
  const validityCache = new Map<string, string | undefined>();
  const featureCache = new WeakMap<object, ControlFeature>();
  const classMapping = manifest.classMapping;
  entries.forEach((e, i) => {
    let json = jsons[i];
    if (json === undefined) return; // decode issues already recorded
    if (classMapping) {
      const mapped = applyClassMapping(e.file, json, classMapping);
      issues.push(...mapped.issues);
      json = mapped.json;
    }
    const r = validateSnapshotJson(e.file, json, {
      classes,
      dateIso: manifestInferred ? undefined : e.dateIso,
      ...(reference ? { reference } : {}),
      validityCache,
      featureCache,
      ...(ogcValid ? { ogcValid } : {}),
    });
    pushAll(issues, r.issues);
    if (!r.ok) return;
    const dupe = byDate.get(r.value.dateIso);
    if (dupe !== undefined) {
      issues.push({ file: e.file, reason: `date ${r.value.dateIso} already has a snapshot (${dupe}); two files for one date, this one skipped`, severity: 'error' });
      return;
    }
    byDate.set(r.value.dateIso, e.file);
    snapshots.push(r.value);
  });
  snapshots.sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));
  manifest = {
    ...manifest,
    snapshots: snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file })),
  };

  // 3. Clip regions; a measure clipped to a region that did not load would answer a different question, so drop it.
  // A Map while loading: a region id is data ("constructor" is a fine id), never a lookup on a plain object.
  const regions = new Map<string, Feature<Polygon | MultiPolygon>>();
  const later = opts.deferred ?? new Set<string>();
  const laterIds = new Set<string>();
  for (const [id, region] of Object.entries(manifest.clipRegions ?? {})) {
    if (later.has(region.file)) {
      laterIds.add(id);
      continue;
    }
    const f = loadClipRegion(region.file, decodeOnce, byPath.has(region.file), issues, vouch, ogcValid);
    if (f) regions.set(id, f);
  }
  const clipRegions: Record<string, Feature<Polygon | MultiPolygon>> = Object.fromEntries(regions);
  const measures = manifest.measures.filter((m) => {
    if (m.clipTo === undefined || regions.has(m.clipTo) || laterIds.has(m.clipTo)) return true;
    issues.push({ file: MANIFEST_FILE, reason: `measure "${m.id}" dropped: its clip region "${m.clipTo}" did not load`, severity: 'error' });
    return false;
  });
  manifest = { ...manifest, measures };

  // 4. Places and claims: optional extras, a missing file is a warning. A shipped folder may leave the places for
  // later (`deferred`): they are read by loadDeferredFiles then.
  const placesLater = manifest.placesFile !== undefined && later.has(manifest.placesFile);
  const placesLoad = opts.places !== false && !placesLater ? loadPlaces(manifest, byPath, decodeOnce, issues, opts) : {};
  let claims: Claim[] | undefined;
  if (manifest.claimsFile !== undefined) {
    const json = byPath.has(manifest.claimsFile) ? decodeOnce(manifest.claimsFile) : undefined;
    if (!byPath.has(manifest.claimsFile))
      issues.push({ file: manifest.claimsFile, reason: `claimsFile listed in ${MANIFEST_FILE} but not found; no claims`, severity: 'warning' });
    else if (json !== undefined) {
      // The one call into the claims ledger's own validator (src/lib/domain/claim-schema.ts).
      const r = parseClaimsFile(manifest.claimsFile, json, { snapshotDates: snapshots.map((s) => s.dateIso) });
      pushAll(issues, r.issues);
      if (r.ok) claims = r.value;
    }
  }

  // 5. Data files nobody refers to: probably forgotten in the manifest.
  if (!manifestInferred) {
    const referenced = new Set<string>([
      MANIFEST_FILE,
      ...manifest.snapshots.map((s) => s.file),
      ...entries.map((e) => e.file),
      ...Object.values(manifest.clipRegions ?? {}).map((r) => r.file),
      ...(manifest.placesFile ? [manifest.placesFile] : []),
      ...(manifest.claimsFile ? [manifest.claimsFile] : []),
      ...(manifest.snapshotStore ? [manifest.snapshotStore] : []),
      ...(manifest.regions ? [manifest.regions.file] : []),
      ...(manifest.placeClaimsFile ? [manifest.placeClaimsFile] : []),
    ]);
    for (const p of byPath.keys())
      if (DATA_EXT.test(p) && !referenced.has(p) && /\.(geojson|topojson|kml|kmz|zip)$/i.test(p))
        issues.push({ file: p, reason: `not listed in ${MANIFEST_FILE}; ignored`, severity: 'warning' });
  }

  if (snapshots.length === 0) {
    issues.push({ file: manifestInferred ? '(dataset)' : MANIFEST_FILE, reason: 'no usable snapshot: nothing to show', severity: 'error' });
    return { ok: false, issues };
  }
  const value: LoadedDataset = { manifest, snapshots, clipRegions, manifestInferred };
  if (manifest.regions && !later.has(manifest.regions.file)) {
    const regions = loadRegions(manifest.regions.file, decodeOnce, byPath.has(manifest.regions.file), issues, vouch, ogcValid);
    if (regions) value.regions = regions;
  }
  const pending = [...Object.values(manifest.clipRegions ?? {}).map((r) => r.file), ...(manifest.regions ? [manifest.regions.file] : []), ...(placesLater ? [manifest.placesFile!, manifest.placeClaimsFile] : [])].filter((f): f is string => f !== undefined && later.has(f));
  if (pending.length > 0) value.pending = [...new Set(pending)];
  Object.assign(value, placesLoad);
  if (claims) value.claims = claims;
  return { ok: true, value, issues };
}

/** What {@link loadPlaces} read: the gazetteer's places, its coverage text and the claims about places. */
export type PlacesLoad = Pick<LoadedDataset, 'places' | 'placesCoverage' | 'placeClaims'>;

/**
 * The manifest's places file and place claims file, checked (the claims against the places' ids); a missing file
 * is a warning. Shared by {@link loadDataset} and {@link loadDeferredFiles}.
 */
function loadPlaces(manifest: DatasetManifest, byPath: ReadonlyMap<string, Uint8Array>, decodeOnce: (path: string) => unknown, issues: Issue[], opts: LoadDatasetOptions): PlacesLoad {
  const out: PlacesLoad = {};
  if (manifest.placesFile !== undefined) {
    const json = byPath.has(manifest.placesFile) ? decodeOnce(manifest.placesFile) : undefined;
    if (!byPath.has(manifest.placesFile))
      issues.push({ file: manifest.placesFile, reason: `placesFile listed in ${MANIFEST_FILE} but not found; no place labels`, severity: 'warning' });
    else if (json !== undefined) {
      const r = validatePlacesJson(manifest.placesFile, json);
      pushAll(issues, r.issues);
      if (r.ok) out.places = r.value;
      if (isRecord(json) && typeof json.coverage === 'string' && json.coverage.trim() !== '') out.placesCoverage = json.coverage;
    }
  }
  if (manifest.placeClaimsFile !== undefined) {
    const bytes = byPath.get(manifest.placeClaimsFile);
    if (!bytes) issues.push({ file: manifest.placeClaimsFile, reason: `placeClaimsFile listed in ${MANIFEST_FILE} but not found; no place claims`, severity: 'warning' });
    else {
      const ids = out.places ? new Set(out.places.map((p) => (p.id === undefined ? '' : String(p.id)))) : undefined;
      const r = parsePlaceClaimsCsv({ file: manifest.placeClaimsFile, bytes }, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, ...(ids ? { knownPlaceIds: ids } : {}) });
      opts.onFileDecoded?.(manifest.placeClaimsFile);
      issues.push(...r.issues);
      if (r.ok) out.placeClaims = r.value;
    }
  }
  return out;
}

/** What {@link loadDeferredFiles} read: the clip regions, regions and places that were left for later. */
export interface DeferredLoad extends PlacesLoad {
  clipRegions: Record<string, Feature<Polygon | MultiPolygon>>;
  regions?: LoadedRegion[];
  /** Measures clipped to a region that did not load: to be dropped, as loadDataset drops them. */
  droppedMeasures: string[];
  issues: Issue[];
}

/**
 * Read the files a first load left for later (`deferred`) against its manifest, with the same checks and issues
 * as {@link loadDataset} gives them when it reads everything at once. Never throws.
 */
export function loadDeferredFiles(manifest: DatasetManifest, files: readonly DatasetFile[], opts: LoadDatasetOptions = {}): DeferredLoad {
  const issues: Issue[] = [];
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const decoded = new Map<string, unknown>();
  const decodeOnce = (path: string): unknown => {
    if (decoded.has(path)) return decoded.get(path);
    const bytes = byPath.get(path);
    let value: unknown;
    if (bytes) {
      const d = decodeJsonFile({ file: path, bytes }, opts.maxBytes ?? DEFAULT_MAX_BYTES);
      pushAll(issues, d.issues);
      value = d.ok ? d.value : undefined;
    }
    decoded.set(path, value);
    return value;
  };
  const ogcValid = opts.trustedValidity ? new WeakSet<object>() : undefined;
  const vouch = (path: string, geoms: readonly unknown[]) => vouchFor(ogcValid, opts.trustedValidity, path, geoms);
  const loaded = new Map<string, Feature<Polygon | MultiPolygon>>();
  const failed = new Set<string>();
  for (const [id, region] of Object.entries(manifest.clipRegions ?? {})) {
    if (!byPath.has(region.file)) continue;
    const f = loadClipRegion(region.file, decodeOnce, true, issues, vouch, ogcValid);
    if (f) loaded.set(id, f);
    else failed.add(id);
  }
  const clipRegions: Record<string, Feature<Polygon | MultiPolygon>> = Object.fromEntries(loaded);
  const droppedMeasures: string[] = [];
  for (const m of manifest.measures)
    if (m.clipTo !== undefined && failed.has(m.clipTo)) {
      droppedMeasures.push(m.id);
      issues.push({ file: MANIFEST_FILE, reason: `measure "${m.id}" dropped: its clip region "${m.clipTo}" did not load`, severity: 'error' });
    }
  const out: DeferredLoad = { clipRegions, droppedMeasures, issues };
  if (manifest.regions && byPath.has(manifest.regions.file)) {
    const regions = loadRegions(manifest.regions.file, decodeOnce, true, issues, vouch, ogcValid);
    if (regions) out.regions = regions;
  }
  if (manifest.placesFile !== undefined && byPath.has(manifest.placesFile)) Object.assign(out, loadPlaces(manifest, byPath, decodeOnce, issues, opts));
  return out;
}

/** Normalise paths and drop the common top folder (a folder dropped in a browser arrives as `kursk/...`). */
function indexFiles(
  files: readonly DatasetFile[],
  issues: Issue[],
): { byPath: Map<string, Uint8Array>; convertedByPath: Map<string, { json: unknown }>; rootName?: string } {
  const norm = files.map((f) => ({ path: f.path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, ''), bytes: f.bytes, converted: f.converted }));
  // If a dataset.json sits in a folder, that folder is the root.
  const manifests = norm.filter((f) => f.path === MANIFEST_FILE || f.path.endsWith(`/${MANIFEST_FILE}`));
  manifests.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  let root = '';
  const top = manifests[0];
  if (top) root = top.path.slice(0, top.path.length - MANIFEST_FILE.length);
  else {
    const firstSeg = norm[0]?.path.split('/')[0];
    if (firstSeg !== undefined && norm.length > 0 && norm.every((f) => f.path.startsWith(`${firstSeg}/`))) root = `${firstSeg}/`;
  }
  const byPath = new Map<string, Uint8Array>();
  const convertedByPath = new Map<string, { json: unknown }>();
  for (const f of norm) {
    if (!f.path.startsWith(root)) continue;
    const rel = f.path.slice(root.length);
    if (byPath.has(rel)) issues.push({ file: rel, reason: 'given twice; the first copy is used', severity: 'warning' });
    else {
      byPath.set(rel, f.bytes);
      if (f.converted) convertedByPath.set(rel, f.converted);
    }
  }
  const rootName = root === '' ? undefined : root.replace(/\/$/, '').split('/').pop();
  return rootName !== undefined ? { byPath, convertedByPath, rootName } : { byPath, convertedByPath };
}

/** Build a manifest from a bare folder of dated GeoJSON files, saying which parts are defaults. */
function inferManifest(
  byPath: Map<string, Uint8Array>,
  decodeOnce: (p: string) => unknown,
  name: string,
  issues: Issue[],
  hadManifest: boolean,
): DatasetManifest {
  const candidates = [...byPath.keys()]
    .filter((p) => DATA_EXT.test(p) && p !== MANIFEST_FILE && !/(^|\/)(places\.geojson|claims\.json)$/i.test(p))
    .sort();
  // Classes: every string `class` property, in order of first appearance.
  // A Set, and no more classes than a manifest may list (limits.ts): features with 100,000 distinct classes must not
  // make this quadratic, nor a legend of 100,000 rows.
  const seenSet = new Set<string>();
  let overflow = false;
  for (const p of candidates) {
    const json = decodeOnce(p);
    if (!isRecord(json) || !Array.isArray(json.features)) continue;
    for (const f of json.features) {
      const cls = isRecord(f) && isRecord(f.properties) ? f.properties.class : undefined;
      if (typeof cls !== 'string' || seenSet.has(cls) || cls.length > MAX_ID_CHARS || !/^[A-Za-z0-9_.-]+$/.test(cls)) continue;
      if (seenSet.size >= MAX_LIST_ENTRIES) overflow = true;
      else seenSet.add(cls);
    }
  }
  const seen = [...seenSet];
  if (overflow)
    issues.push({ file: MANIFEST_FILE, reason: `the features name more than ${formatCount(MAX_LIST_ENTRIES)} classes; only the first ${formatCount(MAX_LIST_ENTRIES)} are used, features of the others are left out`, severity: 'error' });
  const ids = seen.length > 0 ? seen : ['area'];
  const classes: ControlClass[] = ids.map((id, i) => ({
    id,
    label: seen.length > 0 ? humanise(id) : 'Control area',
    color: DEFAULT_PALETTE[i % DEFAULT_PALETTE.length] as string,
  }));
  const snapshots = candidates.map((file) => ({ dateIso: dateInFileName(file) ?? '', file }));
  issues.push({
    file: MANIFEST_FILE,
    reason:
      `${hadManifest ? 'unusable' : 'not found'}: manifest inferred from ${candidates.length} GeoJSON file${candidates.length === 1 ? '' : 's'}; ` +
      (seen.length > 0 ? `classes ${ids.map((c) => JSON.stringify(c)).join(', ')} from the features' "class" property` : 'no "class" property, so one default class "area"') +
      ', with default labels and colours, one unclipped measure per class, and no source or licence stated',
    severity: 'warning',
  });
  const m: DatasetManifest = {
    id: name.replace(/[^A-Za-z0-9_.-]+/g, '-') || 'dataset',
    title: name,
    region: '',
    classes,
    measures: classes.map((c) => ({ id: c.id, label: c.label, classes: [c.id] })),
    sources: [],
    snapshots,
  };
  if (byPath.has('places.geojson')) m.placesFile = 'places.geojson';
  if (byPath.has('claims.json')) m.claimsFile = 'claims.json';
  return m;
}

function humanise(id: string): string {
  const s = id.replace(/[_.-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Median of the features' rough centres over all snapshots (sampled), or undefined with too little data. */
function datasetCentre(jsons: readonly unknown[]): [number, number] | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const j of jsons) {
    if (!isRecord(j) || !Array.isArray(j.features)) continue;
    // A few features per file are enough for a median, and keep this pass cheap on big datasets.
    for (const f of j.features.slice(0, 20)) {
      const c = roughFeatureCentre(f);
      if (c) {
        xs.push(c[0]);
        ys.push(c[1]);
      }
    }
  }
  return xs.length >= 3 ? [median(xs), median(ys)] : undefined;
}

/**
 * The snapshots inside the manifest's `snapshotStore`, by the file path each is listed under (undefined when the
 * manifest names none). A store that cannot be read is an error; its snapshots are then "not found".
 */
function loadSnapshotStore(
  manifest: DatasetManifest,
  byPath: Map<string, Uint8Array>,
  issues: Issue[],
  vouch: (path: string, geoms: readonly unknown[]) => void,
): Map<string, StoredFeatureCollection> | undefined {
  const file = manifest.snapshotStore;
  if (file === undefined) return undefined;
  const bytes = byPath.get(file);
  if (!bytes) {
    issues.push({ file, reason: `snapshotStore listed in ${MANIFEST_FILE} but not found`, severity: 'error' });
    return new Map();
  }
  const r = decodeStoreBytes(file, bytes);
  issues.push(...r.issues);
  const out = new Map<string, StoredFeatureCollection>();
  if (!r.ok) return out;
  // Each distinct feature's geometry object is shared by every snapshot it stands in.
  vouch(file, r.value.features.map((f) => f.geometry));
  const withClass = new Map<number, StoredFeatureCollection['features'][number]>();
  const listed = new Map(manifest.snapshots.map((s) => [s.file, s.dateIso]));
  r.value.store.snapshots.forEach((s, i) => {
    const dateIso = listed.get(s.file);
    if (dateIso === undefined) issues.push({ file, reason: `holds ${s.file} (${s.dateIso}), which ${MANIFEST_FILE} does not list; ignored`, severity: 'warning' });
    else if (dateIso !== s.dateIso) issues.push({ file, reason: `holds ${s.file} for ${s.dateIso}, but ${MANIFEST_FILE} lists it for ${dateIso}; skipped`, severity: 'error' });
    else out.set(s.file, snapshotForLoading(r.value, i, withClass));
  });
  return out;
}

/** Read a breakdown's regions: named (Multi)Polygon features; a bad feature is skipped with an issue. */
function loadRegions(
  file: string,
  decodeOnce: (p: string) => unknown,
  exists: boolean,
  issues: Issue[],
  vouch: (path: string, geoms: readonly unknown[]) => void,
  ogcValid: WeakSet<object> | undefined,
): LoadedRegion[] | undefined {
  if (!exists) {
    issues.push({ file, reason: `regions listed in ${MANIFEST_FILE} but not found; no figures by region`, severity: 'warning' });
    return undefined;
  }
  const json = decodeOnce(file);
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    if (json !== undefined) issues.push({ file, reason: `FeatureCollection of named polygons expected, ${describeValue(isRecord(json) ? json.type : json)} found; no figures by region`, severity: 'error' });
    return undefined;
  }
  vouch(file, geometriesOfJson(json));
  const out: LoadedRegion[] = [];
  json.features.forEach((f, index) => {
    const g = checkAreaGeometry(isRecord(f) ? f.geometry : undefined, jsonPath('features', index, 'geometry'), ogcValid ? { ogcValid } : {});
    issues.push(...toIssues(file, g.issues, { index }));
    const p = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    const text = (k: string) => (typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : undefined);
    const name = text('name:en') ?? text('name');
    if (!g.geometry) return;
    if (name === undefined) {
      issues.push({ file, featureIndex: index, reason: `features[${index}].properties.name: region name expected; region left out`, severity: 'error' });
      return;
    }
    const nameUk = text('name:uk');
    out.push({ name, ...(nameUk !== undefined ? { nameUk } : {}), geometry: g.geometry });
  });
  return out.length > 0 ? out : undefined;
}

/** Read a clip region file: one (Multi)Polygon feature, or several merged into one MultiPolygon. */
function loadClipRegion(
  file: string,
  decodeOnce: (p: string) => unknown,
  exists: boolean,
  issues: Issue[],
  vouch: (path: string, geoms: readonly unknown[]) => void,
  ogcValid: WeakSet<object> | undefined,
): Feature<Polygon | MultiPolygon> | undefined {
  if (!exists) {
    issues.push({ file, reason: `clip region listed in ${MANIFEST_FILE} but not found`, severity: 'error' });
    return undefined;
  }
  const json = decodeOnce(file);
  if (json === undefined) return undefined;
  let feats: unknown[];
  if (isRecord(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) feats = json.features;
  else if (isRecord(json) && json.type === 'Feature') feats = [json];
  else if (isRecord(json) && (json.type === 'Polygon' || json.type === 'MultiPolygon')) feats = [{ type: 'Feature', properties: {}, geometry: json }];
  else {
    issues.push({ file, reason: `not GeoJSON: FeatureCollection, Feature or (Multi)Polygon expected, ${isRecord(json) ? `type ${describeValue(json.type)}` : describeValue(json)} found`, severity: 'error' });
    return undefined;
  }
  vouch(file, geometriesOfJson(json));
  const polys: Polygon['coordinates'][] = [];
  let props: Record<string, unknown> = {};
  feats.forEach((f, index) => {
    const g = checkAreaGeometry(isRecord(f) ? f.geometry : undefined, jsonPath('features', index, 'geometry'), ogcValid ? { ogcValid } : {});
    pushAll(issues, toIssues(file, g.issues, { index }));
    if (!g.geometry) return;
    if (polys.length === 0 && isRecord(f) && isRecord(f.properties)) props = f.properties;
    if (g.geometry.type === 'Polygon') polys.push(g.geometry.coordinates);
    else pushAll(polys, g.geometry.coordinates);
  });
  if (polys.length === 0) {
    issues.push({ file, reason: 'clip region has no usable polygon', severity: 'error' });
    return undefined;
  }
  const geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Polygon['coordinates'] } : { type: 'MultiPolygon', coordinates: polys };
  return { type: 'Feature', properties: props, geometry };
}
