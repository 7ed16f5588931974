// The class-mapping step's logic, for files that carry no `class`: what a feature can be classed by (a property,
// the fill of its original style, its layer); the dataset.json that records the user's choice; applying it when
// loading. The survey of values (with areas) is in class-survey.ts, so that loading does not carry it.
import type { ClassMapping, ControlClass, DatasetManifest, Issue } from '../domain/types';
import type { DatasetSurvey, FileSurvey } from './class-survey';
import { isIsoDate } from './dates';
import { isRecord } from './issues';
import { provenanceOf } from './convert/provenance';

/** What to class features by. `property` names one of their properties. */
export type MappingKey = { from: 'property'; property: string } | { from: 'style-fill' } | { from: 'layer' };

/** The key as one string (for a <select> and for equality). */
export function keyId(key: MappingKey): string {
  return key.from === 'property' ? `property:${key.property}` : key.from;
}

/** How the dialog and issues name a key. */
export function keyLabel(key: MappingKey): string {
  return key.from === 'style-fill' ? 'style colour (fill)' : key.from === 'layer' ? 'layer or folder' : `property “${key.property}”`;
}

/**
 * The value a feature has for a key, as text: a property's string, number or boolean; the fill of its original
 * style (a converted feature's provenance, else a simplestyle `fill` property), lower-cased; its layer.
 */
export function keyValue(properties: unknown, key: MappingKey): string | undefined {
  if (!isRecord(properties)) return undefined;
  if (key.from === 'layer') return provenanceOf(properties)?.layer;
  if (key.from === 'style-fill') {
    const fill = provenanceOf(properties)?.style?.fill ?? (Object.hasOwn(properties, 'fill') ? properties.fill : undefined);
    return typeof fill === 'string' ? fill.trim().toLowerCase() : undefined;
  }
  if (!Object.hasOwn(properties, key.property)) return undefined;
  const v = properties[key.property];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The user's choice in the class-mapping step. */
export interface MappingChoice {
  key: MappingKey;
  /** Classes defined in the step (label, colour, meaning). */
  classes: ControlClass[];
  /** Value → class id, or null to leave its features out. A value not listed is undecided. */
  assignments: ReadonlyMap<string, string | null>;
}

/** One dated file for the manifest: the date from its name, a property, or typed in the dialog. */
export interface DatedFile {
  file: string;
  dateIso: string;
}

/** Where the dataset is from, as the user states it (empty fields: stated as not given). */
export interface StatedSource {
  name: string;
  licenceStatus: string;
  attribution: string;
}

/** Lower-case id from a label: `Held by Ukraine` → `held_by_ukraine`. */
export function classIdFromLabel(label: string, taken: ReadonlySet<string> = new Set()): string {
  const base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'class';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/**
 * The dataset.json of a mapping: the classes used (in the order defined), one unclipped measure per class, the
 * mapping itself (undecided values are not listed, so their features are left out and reported), the snapshots by
 * date. Classes no value maps to are dropped. Pure; the result is ready for JSON.stringify.
 */
export function buildMappedManifest(opts: { title: string; choice: MappingChoice; dated: readonly DatedFile[]; source?: StatedSource }): DatasetManifest {
  const { choice } = opts;
  const used = new Set<string>();
  for (const c of choice.assignments.values()) if (c !== null) used.add(c);
  const classes = choice.classes.filter((c) => used.has(c.id)).map((c) => ({ ...c }));
  const values = [...choice.assignments]
    .filter(([, c]) => c === null || classes.some((k) => k.id === c))
    .map(([value, c]) => ({ value, class: c }));
  const classMapping: ClassMapping =
    choice.key.from === 'property' ? { from: 'property', property: choice.key.property, values } : { from: choice.key.from, values };
  const id = classIdFromLabel(opts.title).replace(/_/g, '-');
  const sources = opts.source && opts.source.name.trim() !== ''
    ? [{ name: opts.source.name.trim(), licenceStatus: opts.source.licenceStatus.trim() || 'not stated', attribution: opts.source.attribution.trim() || opts.source.name.trim() }]
    : [];
  return {
    id,
    title: opts.title,
    region: '',
    classes,
    measures: classes.map((c) => ({ id: c.id, label: c.label, classes: [c.id] })),
    sources,
    snapshots: [...opts.dated].sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0)).map((d) => ({ dateIso: d.dateIso, file: d.file })),
    classMapping,
  };
}

/** Colours for values not yet mapped in the preview (Okabe & Ito 2008, as the loader's defaults), then grey. */
const PREVIEW_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#000000'];

/**
 * The manifest the map previews while the user maps: mapped values in their class, every undecided value in a
 * class of its own (`unmapped_1`…, labelled with the value and a colour of its own, so each row of the dialog
 * can be found on the map), left-out values hidden. `previewColour` gives the colour shown for each value.
 */
export function buildPreviewManifest(opts: { title: string; choice: MappingChoice; values: readonly string[]; dated: readonly DatedFile[] }): { manifest: DatasetManifest; previewColour: Map<string, string> } {
  const classes = [...opts.choice.classes];
  const assignments = new Map(opts.choice.assignments);
  const previewColour = new Map<string, string>();
  const taken = new Set(classes.map((c) => c.id));
  let n = 0;
  for (const value of opts.values) {
    const assigned = assignments.get(value);
    if (assigned === null) continue;
    const cls = assigned !== undefined ? classes.find((c) => c.id === assigned) : undefined;
    if (cls) {
      previewColour.set(value, cls.color);
      continue;
    }
    const id = classIdFromLabel(`unmapped ${++n}`, taken);
    taken.add(id);
    const color = PREVIEW_PALETTE[(n - 1) % PREVIEW_PALETTE.length] as string;
    classes.push({ id, label: `Not mapped yet: ${value}`, color });
    assignments.set(value, id);
    previewColour.set(value, color);
  }
  return { manifest: buildMappedManifest({ title: opts.title, choice: { key: opts.choice.key, classes, assignments }, dated: opts.dated }), previewColour };
}

/**
 * Give features without a `class` the class the mapping names for their value. Features the mapping leaves out,
 * and those whose value it does not list, are removed, with one issue per file and value naming the first
 * feature. A feature that already has a `class` keeps it. Returns a new collection; never throws.
 */
export function applyClassMapping(file: string, json: unknown, mapping: ClassMapping): { json: unknown; issues: Issue[] } {
  if (!isRecord(json) || !Array.isArray(json.features)) return { json, issues: [] };
  const key: MappingKey = mapping.from === 'property' ? { from: 'property', property: mapping.property ?? '' } : { from: mapping.from };
  const byValue = new Map(mapping.values.map((v) => [v.value, v.class]));
  const omitted = new Map<string, { first: number; n: number }>();
  const unlisted = new Map<string, { first: number; n: number }>();
  const count = (m: Map<string, { first: number; n: number }>, v: string, i: number) => {
    const e = m.get(v);
    if (e) e.n++;
    else m.set(v, { first: i, n: 1 });
  };
  const kept: unknown[] = [];
  json.features.forEach((f, i) => {
    if (!isRecord(f) || !isRecord(f.properties) || typeof f.properties.class === 'string') {
      kept.push(f); // the validator says what is wrong with it, if anything
      return;
    }
    const value = keyValue(f.properties, key);
    const cls = value === undefined ? undefined : byValue.get(value);
    if (value !== undefined && cls === null) count(omitted, value, i);
    else if (value === undefined || cls === undefined) count(unlisted, value ?? '', i);
    else kept.push({ ...f, properties: { ...f.properties, class: cls } });
  });
  const issues: Issue[] = [];
  const label = keyLabel(key);
  const many = (n: number) => (n === 1 ? '1 feature' : `${n} features`);
  for (const [v, { first, n }] of omitted)
    issues.push({ file, featureIndex: first, reason: `features[${first}]: ${many(n)} with ${label} ${JSON.stringify(v)} left out, as dataset.json's class mapping says`, severity: 'warning' });
  for (const [v, { first, n }] of unlisted)
    issues.push({
      file, featureIndex: first, severity: 'error',
      reason: v === ''
        ? `features[${first}]: ${many(n)} without a ${label} and without a class; left out`
        : `features[${first}]: ${many(n)} with ${label} ${JSON.stringify(v)}, a value dataset.json's class mapping does not list; left out`,
    });
  return { json: { ...json, features: kept }, issues };
}

/** True when the mapping step has something to do: some features carry no `class`, and there is a value to class them by. */
export function needsClassMapping(survey: DatasetSurvey): boolean {
  return survey.features > 0 && survey.withClass < survey.features && survey.keys.length > 0;
}

/** How a file's date is found: its name, a property the user names (one date per file), or typed in. */
export type DatePolicy = { from: 'name' } | { from: 'property'; property: string };

/**
 * Each file's snapshot date under a policy; `typed` (file → date) fills in or overrides. Files left without a
 * date come back in `undated`, with the reason, for the dialog to ask about.
 */
export function datesForFiles(files: readonly FileSurvey[], policy: DatePolicy, typed: ReadonlyMap<string, string>): { dated: DatedFile[]; undated: { file: string; reason: string }[] } {
  const dated: DatedFile[] = [];
  const undated: { file: string; reason: string }[] = [];
  const used = new Map<string, string>();
  for (const f of files) {
    let date: string | undefined;
    let reason = '';
    const t = typed.get(f.file);
    if (t !== undefined && isIsoDate(t)) date = t;
    else if (policy.from === 'name') {
      date = f.dateFromName;
      if (!date) reason = 'no YYYY-MM-DD in its name';
    } else {
      const values = Object.hasOwn(f.dateValues, policy.property) ? (f.dateValues[policy.property] ?? []) : [];
      if (values.length === 1) date = values[0];
      else reason = values.length === 0 ? `no date in “${policy.property}”` : `${values.length} dates in “${policy.property}” (one file is one snapshot)`;
    }
    if (date !== undefined && used.has(date)) {
      undated.push({ file: f.file, reason: `${date} is already the date of ${used.get(date)}` });
      continue;
    }
    if (date === undefined) undated.push({ file: f.file, reason });
    else {
      used.set(date, f.file);
      dated.push({ file: f.file, dateIso: date });
    }
  }
  return { dated, undated };
}

/** The folder all paths share (`kursk/` for a picked folder), or '' when they share none: paths in a manifest are relative to it. */
export function commonFolder(paths: readonly string[]): string {
  const first = paths[0]?.split('/')[0];
  if (first === undefined || paths.length === 0 || !paths.every((p) => p.startsWith(`${first}/`))) return '';
  return `${first}/`;
}
