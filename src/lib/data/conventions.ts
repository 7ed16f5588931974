// Known ways mappers mark classes without a `class` property: DeepState's fill colours and "uk /// en /// key"
// labels, ISW/CTP's layer names. The class-mapping step suggests from these; nothing applies them silently.
import type { ControlClass } from '../domain/types';

/**
 * DeepState's fill colour → our class id (the whole-front archive's files carry `deepstate_fill` and no
 * `class`). Labels from the features' own `deepstate_name` (English part), counted over the 176 weekly files of
 * the project's DeepState whole-front set: #a52714 "Occupied"; #880e4f / #000000 "Occupied Crimea", "CADR and
 * CALR", "Tuzla Island" (occupied before 24 Feb 2022); #0f9d58 / #0288d1 "Liberated", "Taken back"; #bcaaa4 /
 * #bdbdbd / #757575 "Unknown status", "Contested"; #01579b Ukrainian-held ground in Russia (the data README);
 * #ff5252 DeepState's satirical "temporarily occupied Karelia / Ichkeria / Petsamo…" layer, kept apart as `other`.
 */
export const DEEPSTATE_FILL_CLASS: Readonly<Record<string, string>> = {
  '#a52714': 'russian_occupied',
  '#880e4f': 'occupied_before_2022',
  '#000000': 'occupied_before_2022',
  '#0f9d58': 'liberated',
  '#0288d1': 'liberated',
  '#bcaaa4': 'unknown_status',
  '#bdbdbd': 'unknown_status',
  '#757575': 'unknown_status',
  '#01579b': 'ukraine_held_in_russia',
  '#ff5252': 'other',
};

/** The class DeepState's fill colour stands for (any case), or undefined for a colour it does not use. */
export function deepstateFillClass(fill: string): string | undefined {
  const key = fill.trim().toLowerCase();
  return Object.hasOwn(DEEPSTATE_FILL_CLASS, key) ? DEEPSTATE_FILL_CLASS[key] : undefined;
}

/** DeepState's label keys (the third part of "uk /// en /// key") and English labels → class id. */
const DEEPSTATE_LABEL_CLASS: readonly [RegExp, string][] = [
  [/^geoJSON\.status\.occupied$|^Occupied$/i, 'russian_occupied'],
  [/^geoJSON\.status\.unknown$|^Unknown status$|^Contested$/i, 'unknown_status'],
  [/^geoJSON\.status\.dismissed|^Liberated\b|^Taken back$/i, 'liberated'],
  [/^Occupied Crimea$|^CADR and CALR$|^Occupied Tuzla Island$/i, 'occupied_before_2022'],
  [/^geoJSON\.territories\./i, 'other'],
];

/**
 * ISW/CTP's Kursk layer names (the data README of isw-kursk: "Kursk Incursion Claimed Limit of Ukrainian Advance
 * <date>" until 2024-12-01, "Kursk Incursion Ukrainian Advances in Russia <date>" after, and "Kursk Incursion
 * Russian Advances in Russia"). ISW renamed the first layer to `temp` from 2025-04-13: no name, no suggestion.
 */
const ISW_LAYER_CLASS: readonly [RegExp, string][] = [
  [/Claimed Limit of Ukrainian Advance|Ukrainian Advances? in Russia/i, 'ukraine_advance_in_russia'],
  [/Russian Advances? in Russia/i, 'russian_advance_in_russia'],
];

/** The classes suggestions point to, with labels, colours and what they mean. */
export const CONVENTION_CLASSES: Readonly<Record<string, ControlClass>> = {
  ukraine_held_in_russia: { id: 'ukraine_held_in_russia', label: 'Held by Ukraine (in Russia)', color: '#1565c0', description: 'Ground in Russia held by Ukrainian forces. DeepState fill #01579b, labelled “Liberated”.' },
  unknown_status: { id: 'unknown_status', label: 'Unknown status (grey zone)', color: '#8d8d8d', description: 'Control unclear. DeepState fill #bdbdbd, #bcaaa4 or #757575, labelled “Unknown status” or “Contested”.' },
  russian_occupied: { id: 'russian_occupied', label: 'Occupied by Russia (in Ukraine)', color: '#c62828', description: 'Russian-held ground in Ukraine. DeepState fill #a52714, labelled “Occupied”.' },
  occupied_before_2022: { id: 'occupied_before_2022', label: 'Occupied before 24 Feb 2022', color: '#6a1b4d', description: 'Crimea and the parts of Donetsk and Luhansk occupied before the full-scale invasion. DeepState fill #880e4f or #000000.' },
  liberated: { id: 'liberated', label: 'Retaken by Ukraine', color: '#2e7d32', description: 'Ground Ukraine retook. DeepState fill #0f9d58 or #0288d1, labelled “Liberated” (DeepState uses the same label for Ukrainian-held ground in Russia, fill #01579b: check the colour).' },
  other: { id: 'other', label: 'Other (not a control area)', color: '#ff5252', description: 'DeepState’s satirical “temporarily occupied” layers (fill #ff5252): not territory control; usually left out.' },
  ukraine_advance_in_russia: { id: 'ukraine_advance_in_russia', label: 'Ukrainian advance in Russia (ISW)', color: '#1976d2', description: 'ISW/CTP’s outline of where Ukrainian forces advanced inside Russia. Until 2024-12-01 ISW called it a “claimed limit” of advance, not ground held.' },
  russian_advance_in_russia: { id: 'russian_advance_in_russia', label: 'Russian advance in Russia (ISW)', color: '#d84315', description: 'Ground inside Russia that ISW/CTP assessed Russian forces had retaken (cumulative).' },
};

/** A suggested class for a value, and which convention it comes from. */
export interface ClassSuggestion {
  classId: string;
  /** "DeepState fill colour", "DeepState label", "ISW/CTP layer name". */
  convention: string;
}

/** What a known convention says a value means, if any. Colours compare case-insensitively. */
export function suggestClass(value: string): ClassSuggestion | undefined {
  const v = value.trim();
  const fill = deepstateFillClass(v);
  if (fill !== undefined) return { classId: fill, convention: 'DeepState fill colour' };
  if (v.includes('///')) {
    const parts = v.split('///').map((p) => p.trim());
    for (const part of [parts[2], parts[1]]) {
      if (!part) continue;
      for (const [re, id] of DEEPSTATE_LABEL_CLASS) if (re.test(part)) return { classId: id, convention: 'DeepState label' };
    }
  }
  for (const [re, id] of ISW_LAYER_CLASS) if (re.test(v)) return { classId: id, convention: 'ISW/CTP layer name' };
  return undefined;
}
