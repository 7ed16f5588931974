// Validates a dataset manifest piece by piece, so one bad class or snapshot entry costs only itself.
import type { AreaMeasure, ControlClass, DatasetManifest, DatasetSource, Issue, Result } from '../domain/types';
import type { LocalIssue } from './issues';
import { describeValue, isRecord, jsonPath, toIssues } from './issues';
import {
  AreaMeasureSchema,
  CameraSchema,
  ClipRegionSchema,
  ControlClassSchema,
  DatasetManifestSchema,
  DatasetSourceSchema,
  parseLenient,
  RelativePathSchema,
  SnapshotEntrySchema,
} from './schema';
import * as z from 'zod';

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
  if (!isRecord(json)) return { ok: false, issues: [{ file, reason: `manifest object expected, ${describeValue(json)} found`, severity: 'error' }] };

  for (const k of Object.keys(json))
    if (!TOP_KEYS.has(k)) local.push({ path: k, reason: `${jsonPath('', k)}: unknown field, ignored`, severity: 'warning' });

  const field = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    if (!(key in json)) {
      if (!(schema.safeParse(undefined).success)) err(key, 'missing');
      return fallback;
    }
    const r = parseLenient(schema, json[key], key);
    local.push(...r.issues);
    return r.value === undefined ? fallback : r.value;
  };
  const list = <T>(key: string, schema: z.ZodType<T>): T[] => {
    const v = json[key];
    if (v === undefined) {
      err(key, 'missing (array expected)');
      return [];
    }
    if (!Array.isArray(v)) {
      err(key, `array expected, ${describeValue(v)} found`);
      return [];
    }
    const out: T[] = [];
    v.forEach((item, i) => {
      const r = parseLenient(schema, item, jsonPath(key, i));
      local.push(...r.issues);
      if (r.value !== undefined) out.push(r.value);
    });
    return out;
  };

  const id = field('id', DatasetManifestSchema.shape.id, 'dataset');
  const title = field('title', DatasetManifestSchema.shape.title, id);
  const shortName = field('shortName', DatasetManifestSchema.shape.shortName, undefined);
  const color = field('color', DatasetManifestSchema.shape.color, undefined);
  const region = field('region', DatasetManifestSchema.shape.region, '');
  const description = field('description', DatasetManifestSchema.shape.description, undefined);
  const defaultView = field('defaultView', CameraSchema.optional(), undefined);
  const claimsFile = field('claimsFile', RelativePathSchema.optional(), undefined);
  const placesFile = field('placesFile', RelativePathSchema.optional(), undefined);
  const translations = field('translations', DatasetManifestSchema.shape.translations, undefined);

  // Classes: unique ids.
  const classes: ControlClass[] = [];
  for (const [i, c] of list('classes', ControlClassSchema).entries()) {
    if (classes.some((k) => k.id === c.id)) err(jsonPath('classes', i, 'id'), `class id "${c.id}" used twice; this one dropped`);
    else classes.push(stripUndefined(c));
  }
  if (Array.isArray(json.classes) && json.classes.length === 0) err('classes', 'empty: at least one class is needed');

  // Clip regions.
  const clipRegions: Record<string, { label: string; file: string }> = {};
  if (json.clipRegions !== undefined) {
    if (!isRecord(json.clipRegions)) err('clipRegions', `object of regions by id expected, ${describeValue(json.clipRegions)} found`);
    else
      for (const [rid, rv] of Object.entries(json.clipRegions)) {
        const p = jsonPath('clipRegions', rid);
        if (!/^[A-Za-z0-9_.-]+$/.test(rid)) {
          err(p, 'region id of letters, digits, "_", "-" or "." expected');
          continue;
        }
        const r = parseLenient(ClipRegionSchema, rv, p);
        local.push(...r.issues);
        if (r.value) clipRegions[rid] = r.value;
      }
  }

  // Measures: every class and clip region they name must exist, else the figure would answer another question.
  const measures: AreaMeasure[] = [];
  const rawMeasures = Array.isArray(json.measures) ? json.measures : [];
  for (const m of list('measures', AreaMeasureSchema)) {
    const i = rawMeasures.findIndex((r) => isRecord(r) && r.id === m.id);
    const p = jsonPath('measures', Math.max(i, 0));
    const unknown = m.classes.filter((c) => !classes.some((k) => k.id === c));
    if (unknown.length > 0) err(jsonPath(p, 'classes'), `unknown class ${unknown.map((c) => JSON.stringify(c)).join(', ')}; measure "${m.id}" dropped`);
    else if (m.clipTo !== undefined && !(m.clipTo in clipRegions)) err(jsonPath(p, 'clipTo'), `unknown clip region "${m.clipTo}"; measure "${m.id}" dropped`);
    else if (measures.some((k) => k.id === m.id)) err(jsonPath(p, 'id'), `measure id "${m.id}" used twice; this one dropped`);
    else measures.push(stripUndefined(m));
  }

  const sources: DatasetSource[] = list('sources', DatasetSourceSchema).map(stripUndefined);
  if (Array.isArray(json.sources) && json.sources.length === 0)
    local.push({ path: 'sources', reason: 'sources: empty; say where the data comes from and its licence status', severity: 'warning' });

  // Snapshots: one file per date, one date per file.
  const snapshots: { dateIso: string; file: string }[] = [];
  for (const [i, s] of list('snapshots', SnapshotEntrySchema).entries()) {
    const sameDate = snapshots.find((k) => k.dateIso === s.dateIso);
    const sameFile = snapshots.find((k) => k.file === s.file);
    if (sameDate) err(jsonPath('snapshots', i, 'dateIso'), `${s.dateIso} listed twice (${sameDate.file} and ${s.file}); two files for one date, the second dropped`);
    else if (sameFile) err(jsonPath('snapshots', i, 'file'), `${s.file} listed twice (for ${sameFile.dateIso} and ${s.dateIso}); the second dropped`);
    else snapshots.push(s);
  }
  snapshots.sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));

  const issues: Issue[] = toIssues(file, local);
  if (classes.length === 0) {
    issues.push({ file, reason: 'no usable class: features cannot be drawn or measured', severity: 'error' });
    return { ok: false, issues };
  }
  const manifest: DatasetManifest = { id, title, region, classes, measures, sources, snapshots };
  if (description !== undefined) manifest.description = description;
  if (shortName !== undefined) manifest.shortName = shortName;
  if (color !== undefined) manifest.color = color;
  if (Object.keys(clipRegions).length > 0) manifest.clipRegions = clipRegions;
  if (defaultView !== undefined) manifest.defaultView = defaultView;
  if (claimsFile !== undefined) manifest.claimsFile = claimsFile;
  if (placesFile !== undefined) manifest.placesFile = placesFile;
  if (translations !== undefined) manifest.translations = stripUndefined(translations) as DatasetManifest['translations'] & object;
  return { ok: true, value: manifest, issues };
}

/** Drop keys whose value is undefined (exactOptionalPropertyTypes-friendly copies of zod output). */
function stripUndefined<T extends object>(o: T): T {
  const out = { ...o };
  for (const k of Object.keys(out) as (keyof T)[]) if (out[k] === undefined) delete out[k];
  return out;
}
