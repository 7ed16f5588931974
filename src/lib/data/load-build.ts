// Loads the output of `npm run build:data` (docs/performance.md) by URL: index.json (dates, run table, areas per
// class; no geometry), dataset.json and claims.json beside it when present. Geometry stays in claims.pmtiles,
// read tile by tile by the map; features.geojson (all distinct polygons) is fetched only for compare mode.
import '../domain/zod-config'; // before any schema is built: no eval probe under the CSP
import { emptyRecord } from '../domain/own';
import * as z from 'zod';
import type { AreaGeometry, ControlClass, DatasetManifest, Issue, Result } from '../domain/types';
import { runTableStore, uidsBySnapshotFromRuns } from '../domain/run-table';
import { countVertices } from '../domain/geometry-measures';
import type { SnapshotStore, StoredFeature } from '../domain/snapshot-store';
import type { LoadedDataset, TiledData } from '../domain/dataset';
import { parseClaimsFile, type Claim } from '../domain/claim-schema';
import { DEFAULT_MAX_BYTES, decodeJsonFile } from './decode';
import { describeValue, isRecord, pushAll, jsonPath, toIssues, type LocalIssue } from './issues';
import { CLAIMS_FILE, MANIFEST_FILE } from './dataset-files';
import { defaultClass, inferManifest } from './infer-manifest';
import { parseManifestJson } from './manifest';
import { zodIssuesToLocal } from '../domain/zod-wording';
import { IsoDateSchema, RelativePathSchema } from './schema';

import { BUILD_FORMAT } from './build-format';
import { fetchFile, resolveDatasetFile } from './fetch-file';

export { BUILD_FORMAT, isBuildIndex } from './build-format';

/** At most this many problems of one kind are listed for a malformed index; the rest are counted. */
const MAX_LISTED = 12;

const Count = z.int({ error: 'whole number' }).min(0, { error: 'whole number ≥ 0' });

/** index.json as the app relies on it. Unknown fields are ignored: a newer build may add some. */
const BuildIndexSchema = z.object({
  format: z.literal(BUILD_FORMAT, { error: `"${BUILD_FORMAT}"` }),
  version: z.literal(1, { error: 'version 1' }),
  datesIso: z.array(IsoDateSchema).min(1, { error: 'at least one date' }),
  files: z.array(z.string()),
  classIds: z.array(z.string().min(1, { error: 'class id' })).min(1, { error: 'at least one class id' }),
  runs: z.object({ classIndex: z.array(Count), first: z.array(Count), last: z.array(Count) }),
  areasKm2: z.record(z.string(), z.array(z.number().min(0, { error: 'km² ≥ 0' }).nullable())),
  areaMethod: z.string(),
  tiles: z.object({
    file: RelativePathSchema,
    layer: z.string().min(1, { error: 'layer name' }),
    minZoom: z.number(),
    maxZoom: z.number(),
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    promoteId: z.literal('uid', { error: '"uid"' }),
  }),
  geojson: z.object({ file: RelativePathSchema }).optional(),
  stats: z.object({ publishedFeatures: Count, storedFeatures: Count, publishedVertices: Count, storedVertices: Count }).partial().optional(),
  issues: z.array(z.object({ file: z.string(), reason: z.string(), severity: z.enum(['error', 'warning']) }).loose()).optional(),
});

/** A validated index.json. */
export type BuildIndex = z.infer<typeof BuildIndexSchema>;

/**
 * Validate a parsed index.json: its shape (zod), then what the shape cannot say: one file per date, dates in
 * order, run-table columns of one length, classes and snapshot indices in range. Structure problems are errors
 * and fail the load (the map would show wrong dates); a class's area figures of the wrong length are dropped
 * with a warning. The build's own issues (about its source files) are passed on.
 */
export function parseBuildIndex(file: string, json: unknown): Result<BuildIndex> {
  if (!isRecord(json)) return { ok: false, issues: [{ file, reason: `index object expected, ${describeValue(json)} found`, severity: 'error' }] };
  const parsed = BuildIndexSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: toIssues(file, capped(zodIssuesToLocal(parsed.error.issues, json, ''))) };
  const index = parsed.data;
  const local: LocalIssue[] = [];
  const err = (path: string, reason: string) => local.push({ path, reason: `${path}: ${reason}`, severity: 'error' });
  const n = index.datesIso.length;
  if (index.files.length !== n) err('files', `one file per date expected (${n}), ${index.files.length} found`);
  for (let i = 1; i < n; i++)
    if (index.datesIso[i]! <= index.datesIso[i - 1]!) err(jsonPath('datesIso', i), `dates in increasing order expected, ${index.datesIso[i]} after ${index.datesIso[i - 1]}`);
  const { classIndex, first, last } = index.runs;
  if (first.length !== classIndex.length || last.length !== classIndex.length)
    err('runs', `columns of one length expected, classIndex ${classIndex.length}, first ${first.length}, last ${last.length} found`);
  else
    for (let uid = 0; uid < classIndex.length; uid++) {
      if (classIndex[uid]! >= index.classIds.length) err(jsonPath('runs', 'classIndex', uid), `class index 0–${index.classIds.length - 1} expected, ${classIndex[uid]} found`);
      if (last[uid]! >= n) err(jsonPath('runs', 'last', uid), `snapshot index 0–${n - 1} expected, ${last[uid]} found`);
      if (first[uid]! > last[uid]!) err(jsonPath('runs', 'first', uid), `at most last (${last[uid]}) expected, ${first[uid]} found`);
    }
  const areasKm2 = emptyRecord<(number | null)[]>();
  for (const [cls, values] of Object.entries(index.areasKm2)) {
    if (values.length === n) areasKm2[cls] = values;
    else local.push({ path: jsonPath('areasKm2', cls), reason: `${jsonPath('areasKm2', cls)}: one figure per date expected (${n}), ${values.length} found; this class's areas are not shown`, severity: 'warning' });
  }
  const issues = [...(index.issues ?? []).map((i): Issue => ({ ...i })), ...toIssues(file, capped(local))];
  if (local.some((l) => l.severity === 'error')) return { ok: false, issues };
  return { ok: true, value: { ...index, areasKm2 }, issues };
}

/** The first MAX_LISTED issues and one line counting the rest, so a corrupt 100,000-entry table stays readable. */
function capped(local: LocalIssue[]): LocalIssue[] {
  if (local.length <= MAX_LISTED) return local;
  return [...local.slice(0, MAX_LISTED), { reason: `and ${local.length - MAX_LISTED} more problems of this kind`, severity: 'error' }];
}

/** Files beside index.json, each optional, as the loader got them: parsed JSON, or why not. */
export interface BuildExtras {
  /** dataset.json: the manifest (classes, colours, measures, sources, default view). */
  manifest?: unknown;
  /** claims.json (or the manifest's `claimsFile`). */
  claims?: { file: string; json: unknown };
}

/**
 * A tiled dataset from a validated index and what was found beside it. The manifest comes from dataset.json
 * when usable, else it is inferred from the index's class ids with default labels and colours (like a bare
 * folder of snapshots). Classes the build has but the manifest lacks get default colours, with a warning.
 */
export function datasetFromBuild(indexUrl: URL, index: BuildIndex, extras: BuildExtras = {}): { dataset: LoadedDataset; issues: Issue[] } {
  const issues: Issue[] = [];
  let manifest: DatasetManifest | undefined;
  if (extras.manifest !== undefined) {
    const m = parseManifestJson(MANIFEST_FILE, extras.manifest);
    pushAll(issues, m.issues);
    if (m.ok) manifest = m.value;
    else issues.push({ file: MANIFEST_FILE, reason: 'unusable; classes taken from the build with default labels and colours', severity: 'error' });
  }
  const inferred = manifest === undefined;
  const snapshots = index.datesIso.map((dateIso, i) => ({ dateIso, file: index.files[i]! }));
  // No manifest: the one inference (infer-manifest.ts), from the build's classes, as for a bare folder of snapshots.
  const full: DatasetManifest = manifest ? withBuildClasses(manifest, index.classIds, snapshots, issues) : inferManifest({ name: folderName(indexUrl), classIds: index.classIds, snapshots });

  let claims: Claim[] = [];
  if (extras.claims) {
    const c = parseClaimsFile(extras.claims.file, extras.claims.json, { snapshotDates: index.datesIso });
    pushAll(issues, c.issues);
    if (c.ok) claims = c.value;
  }
  // parseBuildIndex checked both paths with RelativePathSchema, which refuses whatever resolveDatasetFile refuses.
  const url = (file: string) => {
    const r = resolveDatasetFile(file, indexUrl);
    if (!r.ok) throw new Error(`datasetFromBuild: ${file} passed the index check but ${r.reason}`);
    return r.url.href;
  };
  const tiles: TiledData = {
    indexUrl: indexUrl.href,
    pmtilesUrl: url(index.tiles.file),
    layer: index.tiles.layer,
    runs: index.runs,
    classIds: index.classIds,
    areasKm2: index.areasKm2,
    areaMethod: index.areaMethod,
    bounds: index.tiles.bounds,
    ...(index.geojson ? { geojsonUrl: url(index.geojson.file) } : {}),
  };
  const stats = {
    publishedFeatures: index.stats?.publishedFeatures ?? 0,
    storedFeatures: index.stats?.storedFeatures ?? index.runs.first.length,
    publishedVertices: index.stats?.publishedVertices ?? 0,
    storedVertices: index.stats?.storedVertices ?? 0,
  };
  const dataset: LoadedDataset = {
    manifest: full,
    store: runTableStore(index.datesIso, index.files, index.runs, stats),
    clipRegions: {},
    claims,
    manifestInferred: inferred,
    origin: indexUrl.href,
    tiles,
  };
  return { dataset, issues };
}

type Fetched = { ok: true; json: unknown } | { ok: false; missing: boolean; issues: Issue[] };

/** Fetch and parse one JSON file; `missing` for a 404 or an HTML page in its place (an optional file not there). */
async function fetchJson(url: URL, label: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Fetched> {
  const r = await fetchFile(url, maxBytes);
  if (!r.ok) return { ok: false, missing: r.missing, issues: [{ file: label, reason: r.reason, severity: 'error' }] };
  const decoded = decodeJsonFile({ file: label, bytes: r.bytes }, maxBytes);
  return decoded.ok ? { ok: true, json: decoded.value } : { ok: false, missing: false, issues: decoded.issues };
}

/**
 * Load a build by the URL of its index.json (`indexJson`: already fetched and parsed, e.g. by the dialog that
 * detected the format). Fails, with issues naming the file, when the index is unusable; a missing dataset.json
 * or claims.json is not a problem (defaults, no claims), an unreadable one is reported and skipped.
 */
export async function loadBuild(indexUrl: URL, indexJson?: unknown): Promise<Result<LoadedDataset>> {
  const label = indexUrl.href;
  let json = indexJson;
  if (json === undefined) {
    const r = await fetchJson(indexUrl, label);
    if (!r.ok) return { ok: false, issues: r.issues };
    json = r.json;
  }
  const parsed = parseBuildIndex(label, json);
  if (!parsed.ok) return parsed;
  const issues = [...parsed.issues];
  const manifestFetch = await fetchJson(new URL(MANIFEST_FILE, indexUrl), MANIFEST_FILE);
  if (!manifestFetch.ok && !manifestFetch.missing) pushAll(issues, manifestFetch.issues);
  const manifestJson = manifestFetch.ok ? manifestFetch.json : undefined;
  // Claims only when the manifest names them, or beside an index with no manifest: probing for a file that is not
  // there makes the browser log a 404 on every host.
  const named = isRecord(manifestJson) && typeof manifestJson.claimsFile === 'string' ? manifestJson.claimsFile : undefined;
  const claimsFile = named ?? CLAIMS_FILE;
  const extras: BuildExtras = manifestJson !== undefined ? { manifest: manifestJson } : {};
  const claimsUrl = resolveDatasetFile(claimsFile, indexUrl);
  if (!claimsUrl.ok) issues.push({ file: claimsFile, reason: `claimsFile listed in ${MANIFEST_FILE}, but ${claimsUrl.reason}`, severity: 'error' });
  else if (named !== undefined || manifestJson === undefined) {
    const claimsFetch = await fetchJson(claimsUrl.url, claimsFile);
    if (claimsFetch.ok) extras.claims = { file: claimsFile, json: claimsFetch.json };
    else if (!claimsFetch.missing || claimsFile !== CLAIMS_FILE) pushAll(issues, claimsFetch.issues);
  }
  const { dataset, issues: more } = datasetFromBuild(indexUrl, parsed.value, extras);
  if (manifestJson === undefined)
    issues.push({ file: MANIFEST_FILE, reason: `not found beside ${indexUrl.pathname.split('/').pop()}: classes from the build with default labels and colours, one measure per class, no source or licence stated`, severity: 'warning' });
  return { ok: true, value: dataset, issues: [...issues, ...more] };
}

/**
 * The whole polygons of a tiled dataset (features.geojson), as a snapshot store, for compare mode: tiles are
 * clipped and simplified per zoom, so they cannot be diffed. Every uid of the run table must be present once,
 * with the class the index gives it; otherwise the store would show another map than the tiles, so it fails.
 */
export function storeFromBuildGeojson(file: string, json: unknown, tiles: Pick<TiledData, 'runs' | 'classIds'>, datesIso: string[], files: string[]): Result<SnapshotStore> {
  const fail = (path: string, reason: string): Result<SnapshotStore> => ({ ok: false, issues: [{ file, path, reason: path ? `${path}: ${reason}` : reason, severity: 'error' }] });
  if (!isRecord(json) || !Array.isArray(json.features)) return fail('', `FeatureCollection expected, ${describeValue(json)} found`);
  const { runs, classIds } = tiles;
  const byUid: (StoredFeature | undefined)[] = new Array(runs.first.length);
  let storedVertices = 0;
  for (let k = 0; k < json.features.length; k++) {
    const f: unknown = json.features[k];
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : undefined;
    const uid = props?.uid;
    if (typeof uid !== 'number' || !Number.isInteger(uid) || uid < 0 || uid >= byUid.length)
      return fail(jsonPath('features', k, 'properties', 'uid'), `uid 0–${byUid.length - 1} expected, ${describeValue(uid)} found`);
    if (byUid[uid]) return fail(jsonPath('features', k, 'properties', 'uid'), `uid ${uid} appears twice`);
    const classId = classIds[runs.classIndex[uid]!]!;
    if (props!.class !== classId) return fail(jsonPath('features', k, 'properties', 'class'), `"${classId}" expected (the index's class of uid ${uid}), ${describeValue(props!.class)} found`);
    const geometry = (f as { geometry?: unknown }).geometry;
    if (!isRecord(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.coordinates))
      return fail(jsonPath('features', k, 'geometry'), `Polygon or MultiPolygon expected, ${describeValue(isRecord(geometry) ? geometry.type : geometry)} found`);
    const g = geometry as unknown as AreaGeometry;
    storedVertices += countVertices(g);
    byUid[uid] = { uid, classId, geometry: g, properties: { class: classId }, firstIndex: runs.first[uid]!, lastIndex: runs.last[uid]!, file, featureIndex: k };
  }
  const absent = byUid.findIndex((f) => f === undefined);
  if (absent >= 0) return fail('features', `uid ${absent} (and any other absent) expected, not found: the file does not match index.json`);
  const features = byUid as StoredFeature[];
  const uidsBySnapshot = uidsBySnapshotFromRuns(runs, datesIso.length);
  let publishedVertices = 0;
  let publishedFeatures = 0;
  for (const uids of uidsBySnapshot) {
    publishedFeatures += uids.length;
    for (const uid of uids) publishedVertices += countVertices(features[uid]!.geometry);
  }
  return {
    ok: true,
    value: { datesIso, files, features, uidsBySnapshot, stats: { publishedFeatures, storedFeatures: features.length, publishedVertices, storedVertices } },
    issues: [],
  };
}

/** Fetch features.geojson of a tiled dataset and build its store (see `storeFromBuildGeojson`). */
export async function loadBuildGeometry(tiles: TiledData, datesIso: string[], files: string[]): Promise<Result<SnapshotStore>> {
  if (!tiles.geojsonUrl) return { ok: false, issues: [{ file: tiles.indexUrl, reason: 'the build has no features.geojson (built with --no-geojson)', severity: 'error' }] };
  const url = new URL(tiles.geojsonUrl);
  const label = url.pathname.split('/').pop() || url.href;
  // features.geojson of the 1,400-day synthetic archive is 28.7 MB: under the usual 50 MB cap, so keep it.
  const r = await fetchJson(url, label);
  if (!r.ok) return { ok: false, issues: r.issues };
  return storeFromBuildGeojson(label, r.json, tiles, datesIso, files);
}

/**
 * A build's dataset.json, kept to what a tiled dataset uses, on the build's snapshots; classes the build has but the
 * manifest lacks get default labels and colours, with a warning.
 */
function withBuildClasses(manifest: DatasetManifest, classIds: readonly string[], snapshots: DatasetManifest['snapshots'], issues: Issue[]): DatasetManifest {
  const classes: ControlClass[] = [...manifest.classes];
  const missing = classIds.filter((id) => !classes.some((c) => c.id === id));
  for (const id of missing) classes.push(defaultClass(id, classes.length));
  if (missing.length > 0)
    issues.push({ file: MANIFEST_FILE, reason: `class${missing.length === 1 ? '' : 'es'} ${missing.map((c) => JSON.stringify(c)).join(', ')} of the build not listed; shown with default labels and colours`, severity: 'warning' });
  const { id, title, region, measures, sources } = manifest;
  const full: DatasetManifest = { id, title, region, classes, measures, sources, snapshots };
  for (const k of ['description', 'defaultView', 'clipRegions', 'claimsFile', 'placesFile', 'placeClaimsFile'] as const)
    if (manifest[k] !== undefined) (full as unknown as Record<string, unknown>)[k] = manifest[k];
  return full;
}

/** The folder a URL's file is in ("kursk" for …/kursk/index.json), as a dataset name. */
function folderName(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 2] ?? url.hostname ?? 'dataset');
}
