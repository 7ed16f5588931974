// Validates a dataset manifest piece by piece, so one bad class or snapshot entry costs only itself.
import '../domain/zod-config'; // before any schema is built: no eval probe under the CSP
import type { AreaMeasure, ClassMapping, ControlClass, DatasetManifest, DatasetSource, Issue, Result } from '../domain/types';
import type { LocalIssue } from './issues';
import { describeValue, isRecord, jsonPath, toIssues } from './issues';
import {
  AreaMeasureSchema,
  CameraSchema,
  ClassMappingSchema,
  ClipRegionSchema,
  ControlClassSchema,
  DatasetManifestSchema,
  ReferenceAreaSchema,
  RegionBreakdownSchema,
  DatasetSourceSchema,
  IsoDateSchema,
  RelativePathSchema,
  SnapshotEntrySchema,
} from './schema';
import { parseLenient } from '../domain/zod-wording';
import * as z from 'zod';
import { cutText, formatCount, MAX_ID_CHARS, MAX_LINE_CHARS, MAX_LIST_ENTRIES, MAX_SNAPSHOTS, MAX_TEXT_CHARS } from '../domain/limits';

const TOP_KEYS = new Set(Object.keys(DatasetManifestSchema.shape));

/**
 * Validate a parsed `dataset.json`. Unknown fields are warnings. A bad entry in `classes`, `measures`,
 * `sources` or `snapshots` is dropped with an error, the rest kept; a measure naming an unknown class or
 * clip region is dropped; a second entry for a date already listed is dropped. Fails only when the value is
 * not an object or no class is left.
 */
export function parseManifestJson(file: string, json: unknown): Result<DatasetManifest> {
  const local: LocalIssue[] = [];
  const err = (path: string, reason: string) => local.push({ path, reason: path ? `${path}: ${reason}` : reason, severity: 'error' });
  const warn = (path: string, reason: string) => local.push({ path, reason: `${path}: ${reason}`, severity: 'warning' });
  if (!isRecord(json)) return { ok: false, issues: [{ file, reason: `manifest object expected, ${describeValue(json)} found`, severity: 'error' }] };

  for (const k of Object.keys(json))
    if (!TOP_KEYS.has(k)) local.push({ path: k, reason: `${jsonPath('', k)}: unknown field, ignored`, severity: 'warning' });

  const field = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    if (!(key in json)) {
      if (!(schema.safeParse(undefined).success)) err(key, 'missing');
      return fallback;
    }
    const r = parseLenient(schema, json[key], key);
    for (const l of r.issues) local.push(l);
    return r.value === undefined ? fallback : r.value;
  };
  const list = <T>(key: string, schema: z.ZodType<T>, max = MAX_LIST_ENTRIES): { value: T; index: number }[] => {
    const v = json[key];
    if (v === undefined) {
      err(key, 'missing (array expected)');
      return [];
    }
    if (!Array.isArray(v)) {
      err(key, `array expected, ${describeValue(v)} found`);
      return [];
    }
    if (v.length > max) err(key, `${formatCount(v.length)} entries, over the limit of ${formatCount(max)}; only the first ${formatCount(max)} are read`);
    const out: { value: T; index: number }[] = [];
    const n = Math.min(v.length, max);
    for (let i = 0; i < n; i++) {
      const r = parseLenient(schema, v[i], jsonPath(key, i));
      for (const l of r.issues) local.push(l);
      if (r.value !== undefined) out.push({ value: r.value, index: i });
    }
    return out;
  };
  /** Text over `max` characters is cut for showing, with a warning (a 1 MB title froze the tab for minutes). */
  const cap = (path: string, text: string, max: number): string => {
    const c = cutText(text, max);
    if (c.cut) local.push({ path, reason: `${path}: ${formatCount(text.length)} characters, over the limit of ${formatCount(max)}; shown cut to ${formatCount(max)}`, severity: 'warning' });
    return c.text;
  };

  const id = field('id', DatasetManifestSchema.shape.id, 'dataset');
  const title = cap('title', field('title', DatasetManifestSchema.shape.title, id), MAX_LINE_CHARS);
  const rawShortName = field('shortName', DatasetManifestSchema.shape.shortName, undefined);
  const shortName = rawShortName === undefined ? undefined : cap('shortName', rawShortName, MAX_LINE_CHARS);
  const color = field('color', DatasetManifestSchema.shape.color, undefined);
  const region = cap('region', field('region', DatasetManifestSchema.shape.region, ''), MAX_LINE_CHARS);
  const rawDescription = field('description', DatasetManifestSchema.shape.description, undefined);
  const description = rawDescription === undefined ? undefined : cap('description', rawDescription, MAX_TEXT_CHARS);
  const defaultView = field('defaultView', CameraSchema.optional(), undefined);
  const claimsFile = field('claimsFile', RelativePathSchema.optional(), undefined);
  const placesFile = field('placesFile', RelativePathSchema.optional(), undefined);
  const snapshotStore = field('snapshotStore', RelativePathSchema.optional(), undefined);
  const referenceArea = field('referenceArea', ReferenceAreaSchema.optional(), undefined);
  let regions = field('regions', RegionBreakdownSchema.optional(), undefined);
  const translations = field('translations', DatasetManifestSchema.shape.translations, undefined);
  const placeClaimsFile = field('placeClaimsFile', RelativePathSchema.optional(), undefined);
  const rawMapping = field('classMapping', ClassMappingSchema.optional(), undefined);

  // Classes: unique ids (a Set: ids such as "constructor" are data, never looked up on an object).
  const classes: ControlClass[] = [];
  const classIds = new Set<string>();
  for (const { value: c, index: i } of list('classes', ControlClassSchema)) {
    if (classIds.has(c.id)) err(jsonPath('classes', i, 'id'), `class id "${c.id}" used twice; this one dropped`);
    else {
      classIds.add(c.id);
      const k = stripUndefined(c);
      k.label = cap(jsonPath('classes', i, 'label'), k.label, MAX_LINE_CHARS);
      if (k.description !== undefined) k.description = cap(jsonPath('classes', i, 'description'), k.description, MAX_TEXT_CHARS);
      classes.push(k);
    }
  }
  if (Array.isArray(json.classes) && json.classes.length === 0) err('classes', 'empty: at least one class is needed');

  // Clip regions, in a Map until the end: an id such as "__proto__" set on a plain object would be lost.
  const clipRegions = new Map<string, { label: string; file: string }>();
  if (json.clipRegions !== undefined) {
    if (!isRecord(json.clipRegions)) err('clipRegions', `object of regions by id expected, ${describeValue(json.clipRegions)} found`);
    else {
      const entries = Object.entries(json.clipRegions);
      if (entries.length > MAX_LIST_ENTRIES) err('clipRegions', `${formatCount(entries.length)} entries, over the limit of ${formatCount(MAX_LIST_ENTRIES)}; only the first ${formatCount(MAX_LIST_ENTRIES)} are read`);
      for (const [rid, rv] of entries.slice(0, MAX_LIST_ENTRIES)) {
        const p = jsonPath('clipRegions', rid);
        if (!/^[A-Za-z0-9_.-]+$/.test(rid) || rid.length > MAX_ID_CHARS) {
          err(p, `region id of letters, digits, "_", "-" or "." (at most ${MAX_ID_CHARS}) expected`);
          continue;
        }
        const r = parseLenient(ClipRegionSchema, rv, p);
        for (const l of r.issues) local.push(l);
        if (r.value) clipRegions.set(rid, { ...r.value, label: cap(jsonPath(p, 'label'), r.value.label, MAX_LINE_CHARS) });
      }
    }
  }

  // Measures: every class and clip region they name must exist, else the figure would answer another question.
  const measures: AreaMeasure[] = [];
  const measureIds = new Set<string>();
  for (const { value: m, index: i } of list('measures', AreaMeasureSchema)) {
    const p = jsonPath('measures', i);
    const unknown = m.classes.filter((c) => !classIds.has(c));
    if (unknown.length > 0) err(jsonPath(p, 'classes'), `unknown class ${unknown.map((c) => JSON.stringify(c)).join(', ')}; measure "${m.id}" dropped`);
    else if (m.clipTo !== undefined && !clipRegions.has(m.clipTo)) err(jsonPath(p, 'clipTo'), `unknown clip region "${m.clipTo}"; measure "${m.id}" dropped`);
    else if (measureIds.has(m.id)) err(jsonPath(p, 'id'), `measure id "${m.id}" used twice; this one dropped`);
    else {
      measureIds.add(m.id);
      measures.push({ ...stripUndefined(m), label: cap(jsonPath(p, 'label'), m.label, MAX_LINE_CHARS) });
    }
  }

  if (regions !== undefined && !measureIds.has(regions.measure)) {
    err(jsonPath('regions', 'measure'), `unknown measure "${regions.measure}"; no breakdown by region`);
    regions = undefined;
  }

  // Sources: the UI lists them by position, and two of one name are reported (a reader could not tell them apart).
  const sources: DatasetSource[] = [];
  const sourceNames = new Map<string, number>();
  for (const { value, index: i } of list('sources', DatasetSourceSchema)) {
    const p = jsonPath('sources', i);
    const s = stripUndefined(value);
    s.name = cap(jsonPath(p, 'name'), s.name, MAX_LINE_CHARS);
    s.licenceStatus = cap(jsonPath(p, 'licenceStatus'), s.licenceStatus, MAX_TEXT_CHARS);
    s.attribution = cap(jsonPath(p, 'attribution'), s.attribution, MAX_TEXT_CHARS);
    if (s.url !== undefined && s.url.length > MAX_TEXT_CHARS) {
      local.push({ path: jsonPath(p, 'url'), reason: `${jsonPath(p, 'url')}: ${formatCount(s.url.length)} characters, over the limit of ${formatCount(MAX_TEXT_CHARS)}; the link is left out`, severity: 'warning' });
      delete s.url;
    }
    const same = sourceNames.get(s.name);
    if (same !== undefined) local.push({ path: jsonPath(p, 'name'), reason: `${jsonPath(p, 'name')}: "${s.name}" is also the name of sources[${same}]; give each source its own name`, severity: 'warning' });
    else sourceNames.set(s.name, i);
    sources.push(s);
  }
  if (Array.isArray(json.sources) && json.sources.length === 0)
    local.push({ path: 'sources', reason: 'sources: empty; say where the data comes from and its licence status', severity: 'warning' });

  // Snapshots: one file per date, one date per file (Maps: 100,000 entries once took 12 s here, a quadratic search).
  const snapshots: { dateIso: string; file: string }[] = [];
  const fileByDate = new Map<string, string>();
  const dateByFile = new Map<string, string>();
  for (const { value: s, index: i } of list('snapshots', SnapshotEntrySchema, MAX_SNAPSHOTS)) {
    const sameDate = fileByDate.get(s.dateIso);
    const sameFile = dateByFile.get(s.file);
    if (sameDate !== undefined) err(jsonPath('snapshots', i, 'dateIso'), `${s.dateIso} listed twice (${sameDate} and ${s.file}); two files for one date, the second dropped`);
    else if (sameFile !== undefined) err(jsonPath('snapshots', i, 'file'), `${s.file} listed twice (for ${sameFile} and ${s.dateIso}); the second dropped`);
    else {
      fileByDate.set(s.dateIso, s.file);
      dateByFile.set(s.file, s.dateIso);
      snapshots.push(s);
    }
  }
  snapshots.sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));

  // Days published without a change: sorted, each once, never a day that has a snapshot (that day it changed).
  const unchanged = new Set<string>();
  if (json.publishedUnchanged !== undefined)
    for (const { value: d, index: i } of list('publishedUnchanged', IsoDateSchema, MAX_SNAPSHOTS)) {
      if (fileByDate.has(d)) warn(jsonPath('publishedUnchanged', i), `${d} has a snapshot (${fileByDate.get(d)}), so it is not a day without a change; dropped`);
      else unchanged.add(d);
    }
  const publishedUnchanged = [...unchanged].sort();

  // Class mapping: every class it names must exist; an entry naming another is dropped (its features then left out).
  let classMapping: ClassMapping | undefined;
  if (rawMapping !== undefined) {
    const values: ClassMapping['values'] = [];
    rawMapping.values.forEach((v, i) => {
      if (v.class !== null && !classes.some((c) => c.id === v.class)) err(jsonPath('classMapping', 'values', i, 'class'), `unknown class "${v.class}"; value ${JSON.stringify(v.value)} dropped`);
      else if (values.some((w) => w.value === v.value)) err(jsonPath('classMapping', 'values', i, 'value'), `value ${JSON.stringify(v.value)} listed twice; the second dropped`);
      else values.push({ value: v.value, class: v.class });
    });
    classMapping = { from: rawMapping.from, ...('property' in rawMapping ? { property: rawMapping.property } : {}), values };
  }

  const issues: Issue[] = toIssues(file, local);
  if (classes.length === 0) {
    issues.push({ file, reason: 'no usable class: features cannot be drawn or measured', severity: 'error' });
    return { ok: false, issues };
  }
  const manifest: DatasetManifest = { id, title, region, classes, measures, sources, snapshots };
  if (description !== undefined) manifest.description = description;
  if (shortName !== undefined) manifest.shortName = shortName;
  if (color !== undefined) manifest.color = color;
  if (clipRegions.size > 0) manifest.clipRegions = Object.fromEntries(clipRegions);
  if (defaultView !== undefined) manifest.defaultView = defaultView;
  if (claimsFile !== undefined) manifest.claimsFile = claimsFile;
  if (placesFile !== undefined) manifest.placesFile = placesFile;
  if (snapshotStore !== undefined) manifest.snapshotStore = snapshotStore;
  if (referenceArea !== undefined) manifest.referenceArea = referenceArea;
  if (regions !== undefined) manifest.regions = regions;
  if (publishedUnchanged.length > 0) manifest.publishedUnchanged = publishedUnchanged;
  if (translations !== undefined) manifest.translations = stripUndefined(translations) as DatasetManifest['translations'] & object;
  if (placeClaimsFile !== undefined) manifest.placeClaimsFile = placeClaimsFile;
  if (classMapping !== undefined) manifest.classMapping = classMapping;
  return { ok: true, value: manifest, issues };
}

/** Drop keys whose value is undefined (exactOptionalPropertyTypes-friendly copies of zod output). */
function stripUndefined<T extends object>(o: T): T {
  const out = { ...o };
  for (const k of Object.keys(out) as (keyof T)[]) if (out[k] === undefined) delete out[k];
  return out;
}
