// The survey behind the class-mapping step: every value features could be classed by, with feature counts, summed
// areas and what known conventions suggest. Run in the load worker, on request only (it needs the area code).
import type { Feature } from 'geojson';
import type { AreaGeometry } from '../domain/types';
import { geometryAreaKm2 } from '../domain/area';
import { keyId, keyLabel, keyValue, type MappingKey } from './class-mapping';
import { suggestClass, type ClassSuggestion } from './conventions';
import { PROVENANCE_KEY } from './convert/provenance';
import { dateInFileName, isIsoDate } from './dates';
import { isRecord } from './issues';

/** One distinct value of a key: how many features carry it and their summed area (unclipped, overlaps counted twice). */
export interface ValueStat {
  value: string;
  features: number;
  areaKm2: number;
  /** What a known convention says the value means, if anything. Never applied without the user. */
  suggestion?: ClassSuggestion;
}

export interface KeyStat {
  key: MappingKey;
  /** How the dialog names it: `style colour (fill)`, `layer or folder`, `property “nzz_type”`. */
  label: string;
  /** Most common first. */
  values: ValueStat[];
}

export interface FileSurvey {
  file: string;
  features: number;
  /** Features that already carry a `class`. */
  withClass: number;
  /** The YYYY-MM-DD in the file name, when it is a real date. */
  dateFromName?: string;
  /** Per property, the distinct YYYY-MM-DD dates its values start with (a date the user may pick instead). */
  dateValues: Record<string, string[]>;
}

/** What the dialog needs to offer a class mapping. Plain data (it crosses from the worker). */
export interface DatasetSurvey {
  files: FileSurvey[];
  keys: KeyStat[];
  features: number;
  withClass: number;
}

/** A key with more distinct values than this is an id or a name, not a class: not offered. */
export const MAX_DISTINCT_VALUES = 60;
/** Properties never offered: our own, or ones the loader reads for something else. */
const NOT_KEYS = new Set(['class', PROVENANCE_KEY, 'date', 'id']);

/**
 * Survey parsed (or converted) snapshot files: every key with 1…MAX_DISTINCT_VALUES distinct values over the
 * dataset, its values with feature counts, areas and suggestions. Keys with suggestions come first, then fill,
 * layer, and properties with fewer values. Files that are not FeatureCollections are counted as empty.
 */
export function surveyDataset(files: readonly { file: string; json: unknown }[]): DatasetSurvey {
  type Acc = Map<string, { features: number; areaKm2: number }>;
  const byKey = new Map<string, { key: MappingKey; values: Acc; tooMany: boolean }>();
  const add = (key: MappingKey, value: string | undefined, areaKm2: number) => {
    if (value === undefined || value === '') return;
    const id = keyId(key);
    let k = byKey.get(id);
    if (!k) byKey.set(id, (k = { key, values: new Map(), tooMany: false }));
    if (k.tooMany) return;
    const v = k.values.get(value);
    if (v) {
      v.features++;
      v.areaKm2 += areaKm2;
    } else if (k.values.size >= MAX_DISTINCT_VALUES) {
      k.tooMany = true;
      k.values.clear();
    } else k.values.set(value, { features: 1, areaKm2 });
  };
  const out: FileSurvey[] = [];
  let total = 0;
  let withClassTotal = 0;
  for (const { file, json } of files) {
    const features = isRecord(json) && Array.isArray(json.features) ? json.features : [];
    const dates = new Map<string, Set<string>>();
    let withClass = 0;
    for (const f of features) {
      if (!isRecord(f) || !isRecord(f.properties)) continue;
      const props = f.properties;
      if (typeof props.class === 'string') withClass++;
      const areaKm2 = safeArea(f as unknown as Feature);
      add({ from: 'style-fill' }, keyValue(props, { from: 'style-fill' }), areaKm2);
      add({ from: 'layer' }, keyValue(props, { from: 'layer' }), areaKm2);
      for (const name of Object.keys(props)) {
        const v = props[name];
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && isIsoDate(v.slice(0, 10))) {
          let s = dates.get(name);
          if (!s) dates.set(name, (s = new Set()));
          s.add(v.slice(0, 10));
        }
        if (NOT_KEYS.has(name) || (name === 'fill' && !isRecord(props[PROVENANCE_KEY]))) continue;
        add({ from: 'property', property: name }, keyValue(props, { from: 'property', property: name }), areaKm2);
      }
    }
    const fromName = dateInFileName(file);
    const s: FileSurvey = { file, features: features.length, withClass, dateValues: Object.fromEntries([...dates].map(([k, v]) => [k, [...v].sort()])) };
    if (fromName !== undefined && isIsoDate(fromName)) s.dateFromName = fromName;
    out.push(s);
    total += features.length;
    withClassTotal += withClass;
  }
  const keys: KeyStat[] = [];
  for (const { key, values, tooMany } of byKey.values()) {
    if (tooMany || values.size === 0) continue;
    const stats: ValueStat[] = [...values].map(([value, v]) => {
      const suggestion = suggestClass(value);
      return { value, features: v.features, areaKm2: v.areaKm2, ...(suggestion ? { suggestion } : {}) };
    });
    stats.sort((a, b) => b.features - a.features || b.areaKm2 - a.areaKm2 || a.value.localeCompare(b.value));
    keys.push({ key, label: keyLabel(key), values: stats });
  }
  const rank = (k: KeyStat) =>
    (k.values.some((v) => v.suggestion) ? 0 : 10) + (k.key.from === 'style-fill' ? 0 : k.key.from === 'layer' ? 1 : 2) + (k.values.length === 1 ? 5 : 0);
  keys.sort((a, b) => rank(a) - rank(b) || a.values.length - b.values.length || keyId(a.key).localeCompare(keyId(b.key)));
  return { files: out, keys, features: total, withClass: withClassTotal };
}

function safeArea(f: Feature): number {
  const g = f.geometry;
  if (!isRecord(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return 0;
  try {
    const a = geometryAreaKm2(g as AreaGeometry);
    return Number.isFinite(a) ? a : 0;
  } catch {
    return 0;
  }
}
