// The manifest a dataset gets when it has no usable dataset.json: which files of the folder are its snapshots (and
// their dates), its classes from the features' `class` property, default labels and colours, one unclipped measure per
// class, no source or licence. Pure. The one inference for the app's loader (load-dataset.ts), a build without
// dataset.json (load-build.ts) and the data build CLI (scripts/lib/dataset-input.ts), so all three say the same.
import type { ControlClass, DatasetManifest, Issue } from '../domain/types';
import { formatCount, MAX_ID_CHARS, MAX_LIST_ENTRIES } from '../domain/limits';
import { DATA_FILE_PATTERN } from './convert/formats';
import { CLAIMS_FILE, MANIFEST_FILE, PLACES_FILE, type DecodeOnce } from './dataset-files';
import { dateInFileName } from './dates';
import { isRecord } from './issues';

/** Colour-blind-safe defaults for inferred classes (Okabe & Ito 2008), in order of first appearance. */
export const DEFAULT_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#000000'];

/** The files of a folder that stand for themselves, not for a snapshot, when there is no manifest: PLACES_FILE, CLAIMS_FILE. */
const NOT_SNAPSHOTS = /(^|\/)(places\.geojson|claims\.json)$/i;

/** One snapshot file of an inferred manifest. */
export interface InferredSnapshot {
  /** The `YYYY-MM-DD` of the file name (real or not), or '' when it has none: the features may then give it. */
  dateIso: string;
  file: string;
}

/**
 * The snapshot files of a folder without a manifest, sorted by path: every data file (GeoJSON or a converted format)
 * but the manifest, the places file and the claims ledger, each with the date its name gives.
 */
export function inferSnapshotFiles(paths: Iterable<string>): InferredSnapshot[] {
  return [...paths]
    .filter((p) => DATA_FILE_PATTERN.test(p) && p !== MANIFEST_FILE && !NOT_SNAPSHOTS.test(p))
    .sort()
    .map((file) => ({ dateIso: dateInFileName(file) ?? '', file }));
}

/**
 * Every string `class` property of the features, in order of first appearance; ids a manifest could not hold are
 * passed over. A Set, and no more classes than a manifest may list (limits.ts): features with 100,000 distinct
 * classes must not make this quadratic, nor a legend of 100,000 rows; `overflow` says some were left out.
 */
export function classIdsOfFeatures(jsons: Iterable<unknown>): { ids: string[]; overflow: boolean } {
  const seen = new Set<string>();
  let overflow = false;
  for (const json of jsons) {
    if (!isRecord(json) || !Array.isArray(json.features)) continue;
    for (const f of json.features) {
      const cls = isRecord(f) && isRecord(f.properties) ? f.properties.class : undefined;
      if (typeof cls !== 'string' || seen.has(cls) || cls.length > MAX_ID_CHARS || !/^[A-Za-z0-9_.-]+$/.test(cls)) continue;
      if (seen.size >= MAX_LIST_ENTRIES) overflow = true;
      else seen.add(cls);
    }
  }
  return { ids: [...seen], overflow };
}

/** A class the data names but no manifest describes: its id made readable (`russian_held` → "Russian held"), the `index`-th default colour. */
export function defaultClass(id: string, index: number): ControlClass {
  return { id, label: humanise(id), color: DEFAULT_PALETTE[index % DEFAULT_PALETTE.length] as string };
}

function humanise(id: string): string {
  const s = id.replace(/[_.-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What a manifest is inferred from. */
export interface ManifestFacts {
  /** The folder's name: the dataset's title, and its id once made safe. */
  name: string;
  /** The class ids the data names, in order; none gives one default class "area". */
  classIds: readonly string[];
  snapshots: InferredSnapshot[];
  /** The folder's paths, to find the places file and the claims ledger by their conventional names. */
  paths?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
}

/** The manifest of a dataset with no usable dataset.json (see the top of this module). */
export function inferManifest(facts: ManifestFacts): DatasetManifest {
  const classes = facts.classIds.length > 0 ? facts.classIds.map(defaultClass) : [{ ...defaultClass('area', 0), label: 'Control area' }];
  const m: DatasetManifest = {
    id: facts.name.replace(/[^A-Za-z0-9_.-]+/g, '-') || 'dataset',
    title: facts.name,
    region: '',
    classes,
    measures: classes.map((c) => ({ id: c.id, label: c.label, classes: [c.id] })),
    sources: [],
    snapshots: facts.snapshots,
  };
  if (facts.paths?.has(PLACES_FILE)) m.placesFile = PLACES_FILE;
  if (facts.paths?.has(CLAIMS_FILE)) m.claimsFile = CLAIMS_FILE;
  return m;
}

/**
 * The manifest of a folder of files with no usable dataset.json: its snapshot files, the classes their features
 * name (each file decoded through `decodeOnce`), and a warning saying which parts are defaults. `hadManifest`: a
 * dataset.json was there but unusable.
 */
export function inferFolderManifest(paths: ReadonlySet<string> | ReadonlyMap<string, unknown>, decodeOnce: DecodeOnce, name: string, hadManifest: boolean): { manifest: DatasetManifest; issues: Issue[] } {
  const snapshots = inferSnapshotFiles(paths.keys());
  const { ids, overflow } = classIdsOfFeatures(snapshots.map((s) => decodeOnce(s.file)));
  const issues: Issue[] = [];
  if (overflow)
    issues.push({ file: MANIFEST_FILE, reason: `the features name more than ${formatCount(MAX_LIST_ENTRIES)} classes; only the first ${formatCount(MAX_LIST_ENTRIES)} are used, features of the others are left out`, severity: 'error' });
  const manifest = inferManifest({ name, classIds: ids, snapshots, paths });
  issues.push({
    file: MANIFEST_FILE,
    reason:
      `${hadManifest ? 'unusable' : 'not found'}: manifest inferred from ${snapshots.length} GeoJSON file${snapshots.length === 1 ? '' : 's'}; ` +
      (ids.length > 0 ? `classes ${ids.map((c) => JSON.stringify(c)).join(', ')} from the features' "class" property` : 'no "class" property, so one default class "area"') +
      ', with default labels and colours, one unclipped measure per class, and no source or licence stated',
    severity: 'warning',
  });
  return { manifest, issues };
}
