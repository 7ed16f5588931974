// Turns one snapshot file (bytes or text) into a Snapshot, skipping bad features and naming every problem.
import type { ControlClass, ControlFeature, ControlProps, Issue, Result, Snapshot } from '../domain/types';
import { isIsoDate } from '../domain/timeline';
import { dateInFileName, dateProblem, outsideSupportedRange } from './dates';
import { DEFAULT_MAX_BYTES, decodeJsonFile, type FileInput } from './decode';
import type { LocalIssue } from './issues';
import { describeValue, isRecord, pushAll, jsonPath, toIssues } from './issues';
import { zodIssuesToLocal } from '../domain/zod-wording';
import { controlPropsSchema } from './schema';
import { checkAreaGeometry } from './validate-geojson';
import { crsWarning } from './geometry-check/geometry-type';
import { medianCentre } from './rough-centre';
import { hashPolygons } from '../domain/polygon-hash';
import { cutText, formatCount, MAX_FEATURES_PER_FILE, MAX_LINE_CHARS } from '../domain/limits';

/** What a snapshot file is checked against. */
export interface SnapshotContext {
  /** The dataset's classes; a feature's `class` must be one of their ids. */
  classes: ControlClass[];
  /** Class given to features without one. Defaults to the only class when there is exactly one. */
  defaultClass?: string;
  /** The snapshot's date as the manifest lists it; otherwise taken from the file name, then from the features. */
  dateIso?: string;
  /** Largest file accepted, in bytes (default 50 MB); larger files are rejected unread. */
  maxBytes?: number;
  /** Where the dataset lies, `[lon, lat]`, to spot swapped coordinates; default: the median of this file's features. */
  reference?: readonly [number, number];
  /** Memo of geometry validity shared across the files of one dataset (see `checkAreaGeometry`). */
  validityCache?: Map<string, string | undefined>;
  /**
   * Memo of features that passed with no issue, by the parsed feature object, shared across the files of one
   * dataset checked with the same classes and reference: a snapshot store hands the same object to every snapshot
   * a polygon stands in (the whole front: 16,259 features, 3,653 objects), so each is checked once and the loaded
   * snapshots share one object per polygon. Features with a `date` or an `id` are always checked (both depend on
   * the file).
   */
  featureCache?: WeakMap<object, ControlFeature>;
  /** Geometry objects a trusted validity record vouches for (see `checkAreaGeometry`). */
  ogcValid?: WeakSet<object>;
}

const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties', 'bbox']);
const KNOWN_PROPS = ['class', 'date', 'name', 'id'];

/**
 * Parse and validate one snapshot file. Never throws. Bad features are skipped with an error each; the
 * snapshot fails only if it cannot be read, has no date, or none of its features is usable.
 */
export function parseSnapshotFile(input: FileInput, ctx: SnapshotContext): Result<Snapshot> {
  const decoded = decodeJsonFile(input, ctx.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return decoded;
  const r = validateSnapshotJson(input.file, decoded.value, ctx);
  return r.ok ? { ...r, issues: [...decoded.issues, ...r.issues] } : { ok: false, issues: [...decoded.issues, ...r.issues] };
}

/** Validate an already-parsed snapshot JSON value (see {@link parseSnapshotFile}). */
export function validateSnapshotJson(file: string, json: unknown, ctx: SnapshotContext): Result<Snapshot> {
  const issues: Issue[] = [];
  const fail = (reason: string, path?: string): Result<Snapshot> => {
    const i: Issue = { file, reason, severity: 'error' };
    if (path !== undefined) i.path = path;
    return { ok: false, issues: [...issues, i] };
  };

  // Structure: a FeatureCollection (a lone Feature is read as a collection of one).
  if (!isRecord(json)) return fail(`not GeoJSON: FeatureCollection object expected, ${describeValue(json)} found`);
  let features: unknown[];
  let base = 'features';
  if (json.type === 'Feature') {
    issues.push({ file, reason: 'a single Feature, not a FeatureCollection; read as a collection of one', severity: 'warning' });
    features = [json];
    base = '';
  } else {
    if (json.type !== 'FeatureCollection') {
      if (json.type === undefined && Array.isArray(json.features))
        issues.push({ file, path: 'type', reason: 'type: missing ("FeatureCollection" expected); read as one since it has "features"', severity: 'error' });
      else
        return fail(
          `not GeoJSON: type: "FeatureCollection" expected, ${describeValue(json.type)} found${
            typeof json.type === 'string' && /Polygon|Point|LineString|Geometry/.test(json.type) ? ' (a bare geometry has no class or date: wrap it in a Feature in a FeatureCollection)' : ''
          }`,
          'type',
        );
    }
    if (!('features' in json)) return fail('not GeoJSON: "features" member missing', 'features');
    if (!Array.isArray(json.features)) return fail(`not GeoJSON: features: array expected, ${describeValue(json.features)} found`, 'features');
    features = json.features;
  }
  if ('crs' in json) pushAll(issues, toIssues(file, [crsWarning('crs')]));

  // Date: manifest, else file name, else the features' common `date`.
  const date = snapshotDate(file, features, ctx.dateIso, issues);
  if (date === undefined) return { ok: false, issues };

  const classIds = ctx.classes.map((c) => c.id);
  const defaultClass = ctx.defaultClass ?? (ctx.classes.length === 1 ? ctx.classes[0]?.id : undefined);
  const propsSchema = controlPropsSchema(classIds, defaultClass);
  const reference = ctx.reference ?? medianCentre(features);

  if (features.length > MAX_FEATURES_PER_FILE) {
    issues.push({ file, path: base, reason: `${base || 'features'}: ${formatCount(features.length)} features, over the limit of ${formatCount(MAX_FEATURES_PER_FILE)}; only the first ${formatCount(MAX_FEATURES_PER_FILE)} are read`, severity: 'error' });
    features = features.slice(0, MAX_FEATURES_PER_FILE);
  }

  const kept: ControlFeature[] = [];
  const seenIds = new Map<string | number, number>();
  // Features of one class with the same geometry as an earlier one are one area drawn twice: kept once, with one
  // notice for the file (100,000 copies of one polygon kept the page busy for minutes).
  const firstByShape = new Map<string, number>();
  const repeats: { index: number; of: number }[] = [];
  let rejected = 0;
  features.forEach((f, index) => {
    const fpath = base === '' ? '' : jsonPath(base, index);
    const local: LocalIssue[] = [];
    const at = (p: string) => (fpath === '' ? p : p === '' ? fpath : `${fpath}.${p}`);
    const cached = isRecord(f) ? ctx.featureCache?.get(f) : undefined;
    const out = cached ?? checkFeature(f, at, local, { propsSchema, classIds, defaultClass, date, reference, validityCache: ctx.validityCache, ogcValid: ctx.ogcValid });
    const id = isRecord(f) ? featureId(f) : undefined;
    if (!cached && out && local.length === 0 && id === undefined && isRecord(f) && !(isRecord(f.properties) && 'date' in f.properties)) ctx.featureCache?.set(f, out);
    if (out && id !== undefined) {
      const prev = seenIds.get(id);
      if (prev !== undefined) local.push({ path: at('id'), reason: `${at('id')}: id ${describeValue(id)} also used by features[${prev}]`, severity: 'warning' });
      else seenIds.set(id, index);
    }
    pushAll(issues, toIssues(file, local, id !== undefined ? { index, id } : { index }));
    if (!out) {
      rejected++;
      return;
    }
    const shape = `${out.properties.class}\u0000${hashPolygons(out.geometry.type === 'Polygon' ? [out.geometry.coordinates] : out.geometry.coordinates)}`;
    const of = firstByShape.get(shape);
    if (of !== undefined) repeats.push({ index, of });
    else {
      firstByShape.set(shape, index);
      kept.push(out);
    }
  });
  if (repeats.length > 0) {
    const r = repeats[0]!;
    const where = (i: number) => (base === '' ? 'the feature' : jsonPath(base, i));
    issues.push({
      file,
      reason:
        repeats.length === 1
          ? `${where(r.index)} repeats ${where(r.of)} (same class and geometry); drawn and counted once`
          : `${formatCount(repeats.length)} features repeat an earlier feature of the same class and geometry (the first: ${where(r.index)} repeats ${where(r.of)}); each drawn and counted once`,
      severity: 'warning',
    });
  }

  if (features.length > 0 && kept.length === 0)
    return { ok: false, issues: [...issues, { file, reason: `no usable feature left: all ${rejected} rejected`, severity: 'error' }] };
  return { ok: true, value: { dateIso: date, file, features: kept }, issues };
}

interface FeatureCtx {
  propsSchema: ReturnType<typeof controlPropsSchema>;
  classIds: string[];
  defaultClass: string | undefined;
  date: string;
  reference: readonly [number, number] | undefined;
  validityCache: Map<string, string | undefined> | undefined;
  ogcValid: WeakSet<object> | undefined;
}

/** Check one feature; push its issues into `local`; return it cleaned, or undefined to skip it. */
function checkFeature(
  f: unknown,
  at: (p: string) => string,
  local: LocalIssue[],
  c: FeatureCtx,
): ControlFeature | undefined {
  const err = (p: string, reason: string) => local.push({ path: at(p), reason: `${at(p)}: ${reason}`, severity: 'error' });
  const warn = (p: string, reason: string) => local.push({ path: at(p), reason: `${at(p)}: ${reason}`, severity: 'warning' });
  if (!isRecord(f)) {
    err('', `Feature object expected, ${describeValue(f)} found`);
    return undefined;
  }
  let ok = true;
  if (f.type !== 'Feature') {
    err('type', `"Feature" expected, ${describeValue(f.type)} found${typeof f.type === 'string' && 'coordinates' in f ? ' (a bare geometry: wrap it in a Feature with properties)' : ''}`);
    ok = false;
  }
  for (const k of Object.keys(f))
    if (!FEATURE_MEMBERS.has(k)) {
      if (k === 'crs') local.push(crsWarning(at('crs')));
      else warn(k, `unknown member outside "properties", ignored${KNOWN_PROPS.includes(k) ? ` (did you mean properties.${k}?)` : ''}`);
    }

  // Properties.
  let props: Record<string, unknown> = {};
  if (!('properties' in f)) warn('properties', 'missing (RFC 7946 §3.2 requires it; null is allowed)');
  else if (f.properties !== null && !isRecord(f.properties)) {
    err('properties', `object expected, ${describeValue(f.properties)} found`);
    ok = false;
  } else if (isRecord(f.properties)) props = f.properties;
  const ppath = at('properties');
  const propIssues = ok ? (c.propsSchema.safeParse(props).error?.issues ?? []) : [];
  for (const zi of zodIssuesToLocal(propIssues, props, ppath)) {
    // Only a bad class makes a feature unusable (its colour and its measures depend on it); a bad
    // name, id or date is reported and the feature kept under the snapshot's date.
    const isClass = zi.path === jsonPath(ppath, 'class');
    if (isClass) {
      ok = false;
      let reason = zi.reason;
      if (props.class === undefined && isRecord(f) && 'class' in f) reason += ' (found "class" outside "properties")';
      local.push({ ...zi, reason });
    } else local.push({ ...zi, severity: 'warning' });
  }
  if (isIsoDate(props.date) && props.date !== c.date)
    warn('properties.date', `${props.date} disagrees with the snapshot's date ${c.date}; the feature is kept under ${c.date}`);
  for (const k of Object.keys(props)) {
    const near = nearMiss(k);
    if (near) warn(`properties.${k}`, `unknown field, did you mean "${near}"?`);
  }
  // id and name that are not text/number are dropped so downstream code can trust the types.
  const id = featureId(f);

  // Geometry.
  const g = checkAreaGeometry(f.geometry, at('geometry'), {
    ...(c.reference ? { reference: c.reference } : {}),
    ...(c.validityCache ? { validityCache: c.validityCache } : {}),
    ...(c.ogcValid ? { ogcValid: c.ogcValid } : {}),
  });
  pushAll(local, g.issues);
  if (!g.geometry || !ok) return undefined;

  const cls = typeof props.class === 'string' ? props.class : (c.defaultClass as string);
  const outProps: ControlProps = { ...props, class: cls };
  if ('name' in outProps && typeof outProps.name !== 'string') delete outProps.name;
  else if (typeof outProps.name === 'string') {
    const c = cutText(outProps.name, MAX_LINE_CHARS);
    if (c.cut) {
      warn('properties.name', `${formatCount(outProps.name.length)} characters, over the limit of ${formatCount(MAX_LINE_CHARS)}; shown cut to ${formatCount(MAX_LINE_CHARS)}`);
      outProps.name = c.text;
    }
  }
  const feature: ControlFeature = { type: 'Feature', geometry: g.geometry, properties: outProps };
  if (id !== undefined && f.id !== undefined) feature.id = id;
  return feature;
}

/** The feature's id (`id`, else `properties.id`) when it is text or a number. */
function featureId(f: Record<string, unknown>): string | number | undefined {
  const id = f.id ?? (isRecord(f.properties) ? f.properties.id : undefined);
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
}

/** A property name that is probably a misspelt known one (`Class`, `clas`, `Date`). */
function nearMiss(k: string): string | undefined {
  if (KNOWN_PROPS.includes(k)) return undefined;
  const low = k.toLowerCase().replace(/[\s_-]/g, '');
  for (const known of KNOWN_PROPS) {
    if (low === known) return known;
    if (known.length >= 4 && editDistance(low, known) === 1) return known;
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] as number;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] as number;
      dp[j] = Math.min((dp[j] as number) + 1, (dp[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length] as number;
}

/** Decide the snapshot's date and record why when it cannot. */
function snapshotDate(file: string, features: unknown[], manifestDate: string | undefined, issues: Issue[]): string | undefined {
  const nameDate = dateInFileName(file);
  if (nameDate !== undefined && !isIsoDate(nameDate)) {
    issues.push({ file, reason: `file name date ${nameDate} is not a calendar date`, severity: manifestDate && isIsoDate(manifestDate) ? 'warning' : 'error' });
  }
  if (manifestDate !== undefined) {
    const p = dateProblem('date from dataset.json', manifestDate);
    if (p) {
      issues.push({ file, reason: p, severity: 'error' });
      return undefined;
    }
    if (nameDate !== undefined && isIsoDate(nameDate) && nameDate !== manifestDate)
      issues.push({ file, reason: `file name says ${nameDate} but dataset.json lists this file for ${manifestDate}; using ${manifestDate}`, severity: 'warning' });
    return manifestDate;
  }
  if (nameDate !== undefined) {
    if (!isIsoDate(nameDate)) return undefined;
    const far = outsideSupportedRange('date from the file name', nameDate);
    if (far) issues.push({ file, reason: far, severity: 'error' });
    return far ? undefined : nameDate;
  }
  // No date in the name: use the features' date if they all agree on one.
  const dates = new Set<string>();
  for (const f of features) if (isRecord(f) && isRecord(f.properties) && isIsoDate(f.properties.date)) dates.add(f.properties.date);
  const only = [...dates][0];
  if (dates.size === 1 && only !== undefined) {
    const far = outsideSupportedRange('date of the features', only);
    if (far) {
      issues.push({ file, reason: far, severity: 'error' });
      return undefined;
    }
    issues.push({ file, reason: `no date in the file name; using ${only}, the date its features carry`, severity: 'warning' });
    return only;
  }
  issues.push({
    file,
    reason:
      dates.size > 1
        ? `no date: the file name has no YYYY-MM-DD and its features carry ${dates.size} different dates`
        : 'no date: the file name has no YYYY-MM-DD (e.g. 2024-08-12.geojson) and no dataset.json lists it',
    severity: 'error',
  });
  return undefined;
}
