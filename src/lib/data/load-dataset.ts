// Loads a whole dataset (manifest + files, or a bare folder of dated GeoJSON) from bytes: no fetch, no DOM.
import type { ControlFeature, DatasetManifest, Issue, Result, Snapshot } from '../domain/types';
import { parseClaimsFile, type Claim } from '../domain/claim-schema';
import { applyClassMapping } from './class-mapping';
import { DEFAULT_MAX_BYTES, decodeJsonFile } from './decode';
import { isRecord, pushAll } from './issues';
import { DATA_FILE_PATTERN } from './convert/formats';
import { parseManifestJson } from './manifest';
import { validatePlacesJson } from './validate-places';
import { parsePlaceClaimsCsv, type PlaceClaim } from './place-claims';
import type { PlaceFeature } from './schema';
import type { LoadedRegion } from '../domain/dataset';
import { readSnapshotStore } from './load-snapshot-store';
import { validateSnapshotJson } from './validate-snapshot';
import { vouchFor, type TrustedValidity } from './validity-record';
import { indexFiles, jsonDecoder, MANIFEST_FILE, type DatasetFile } from './dataset-files';
import { inferFolderManifest } from './infer-manifest';
import { datasetCentre } from './rough-centre';
import { loadRegions, measuresWithClipRegions, readClipRegions, type ClipRegion, type RegionReading } from './load-regions';

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
  clipRegions: Record<string, ClipRegion>;
  /** True when there was no usable `dataset.json` and the manifest was built from the files. */
  manifestInferred: boolean;
  /** The regions of the manifest's `regions` breakdown (e.g. oblasts), when it has one and they loaded. */
  regions?: LoadedRegion[];
  /** Files left for later (`deferred`): until {@link loadDeferredFiles} has read them, no figures. */
  pending?: string[];
}

export type { LoadedRegion } from '../domain/dataset';

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
  const { decodeOnce, cache: decodedCache } = jsonDecoder(byPath, issues, { convertedByPath, maxBytes, ...(opts.onFileDecoded ? { onFileDecoded: opts.onFileDecoded } : {}) });
  if (!manifest) {
    manifestInferred = true;
    const inferred = inferFolderManifest(byPath, decodeOnce, opts.name ?? rootName ?? 'dataset', manifestBytes !== undefined);
    pushAll(issues, inferred.issues);
    manifest = inferred.manifest;
  }

  // 2. Snapshots: decode all first, so a dataset-wide centre can expose swapped coordinates in any file.
  // With a snapshot store, the snapshot files are inside it; each is then checked like a file of its own.
  // Geometries whose OGC validity the trusted record established: the JTS step is skipped for them alone.
  const ogcValid = opts.trustedValidity ? new WeakSet<object>() : undefined;
  const vouch = (path: string, geoms: readonly unknown[]) => vouchFor(ogcValid, opts.trustedValidity, path, geoms);
  const reading: RegionReading = { decodeOnce, issues, vouch, ogcValid };
  const store = manifest.snapshotStore;
  const stored = store === undefined ? undefined : readSnapshotStore(store, byPath.get(store), manifest.snapshots, issues, vouch);
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
  const later = opts.deferred ?? new Set<string>();
  const clip = readClipRegions(manifest, reading, { skip: (f) => later.has(f), exists: (f) => byPath.has(f) });
  const clipRegions: Record<string, ClipRegion> = Object.fromEntries(clip.loaded);
  const measures = measuresWithClipRegions(manifest.measures, (id) => !clip.loaded.has(id) && !clip.skipped.has(id), issues).kept;
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
      if (DATA_FILE_PATTERN.test(p) && !referenced.has(p) && /\.(geojson|topojson|kml|kmz|zip)$/i.test(p))
        issues.push({ file: p, reason: `not listed in ${MANIFEST_FILE}; ignored`, severity: 'warning' });
  }

  if (snapshots.length === 0) {
    issues.push({ file: manifestInferred ? '(dataset)' : MANIFEST_FILE, reason: 'no usable snapshot: nothing to show', severity: 'error' });
    return { ok: false, issues };
  }
  const value: LoadedDataset = { manifest, snapshots, clipRegions, manifestInferred };
  if (manifest.regions && !later.has(manifest.regions.file)) {
    const regions = loadRegions(manifest.regions.file, byPath.has(manifest.regions.file), reading);
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
  clipRegions: Record<string, ClipRegion>;
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
  const { decodeOnce } = jsonDecoder(byPath, issues, opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {});
  const ogcValid = opts.trustedValidity ? new WeakSet<object>() : undefined;
  const vouch = (path: string, geoms: readonly unknown[]) => vouchFor(ogcValid, opts.trustedValidity, path, geoms);
  const reading: RegionReading = { decodeOnce, issues, vouch, ogcValid };
  const clip = readClipRegions(manifest, reading, { skip: (f) => !byPath.has(f), exists: () => true });
  const clipRegions: Record<string, ClipRegion> = Object.fromEntries(clip.loaded);
  const droppedMeasures = measuresWithClipRegions(manifest.measures, (id) => clip.failed.has(id), issues).dropped;
  const out: DeferredLoad = { clipRegions, droppedMeasures, issues };
  if (manifest.regions && byPath.has(manifest.regions.file)) {
    const regions = loadRegions(manifest.regions.file, true, reading);
    if (regions) out.regions = regions;
  }
  if (manifest.placesFile !== undefined && byPath.has(manifest.placesFile)) Object.assign(out, loadPlaces(manifest, byPath, decodeOnce, issues, opts));
  return out;
}
